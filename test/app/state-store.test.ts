import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryStateStore } from "../../src/app/state/memory-state-store.js";
import { RedisStateStore } from "../../src/app/state/redis-state-store.js";
import { takeSenderSlot, ticketsOpenedLastHour } from "../../src/app/email-sender-limit.js";
import { sentLedgerIn } from "../../src/app/state/sent-ledger-in-store.js";
import { AppMemory } from "../../src/app/state/app-memory.js";
import type { StateStore } from "../../src/app/state/state-store.js";
import { skipWithoutServer } from "../helpers/debian-package.js";
import { ensureRedis, useRedisServer } from "../helpers/redis.js";

const redisAvailability = ensureRedis();
const skipRedis = skipWithoutServer(redisAvailability);

/** The same behaviour from both backends: two stores on one Redis stand for two instances. */
function storeSuite(
  name: string,
  open: () => Promise<{ first: StateStore; second: StateStore; close: () => Promise<void> }>,
  params: { readonly shared: boolean },
) {
  describe(`the ${name} state store`, () => {
    let first: StateStore;
    let second: StateStore;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ first, second, close } = await open());
    });
    afterAll(async () => close());

    it("marks a key seen once; forgetting it lets the next caller have it", async () => {
      expect(await first.markSeen("delivery:a", 60_000)).toBe(true);
      expect(await first.markSeen("delivery:a", 60_000)).toBe(false);
      expect(await second.markSeen("delivery:a", 60_000)).toBe(!params.shared);
      expect(await first.isSeen("delivery:a")).toBe(true);
      await first.forgetSeen("delivery:a");
      expect(await first.isSeen("delivery:a")).toBe(false);
      expect(await first.markSeen("delivery:a", 60_000)).toBe(true);
    });

    it("keeps named values until they expire, shared between instances on one Redis", async () => {
      expect(await first.getValue("run:woken:agency/support")).toBeUndefined();
      await first.setValue("run:woken:agency/support", "2026-12-03", 60_000);
      expect(await first.getValue("run:woken:agency/support")).toBe("2026-12-03");
      expect(await second.getValue("run:woken:agency/support")).toBe(
        params.shared ? "2026-12-03" : undefined,
      );
      await first.deleteValue("run:woken:agency/support");
      expect(await first.getValue("run:woken:agency/support")).toBeUndefined();
      await first.setValue("short", "x", 1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await first.getValue("short")).toBeUndefined();
    });

    it("remembers by name what the app needs between sweeps; a value it cannot read counts as absent", async () => {
      const one = new AppMemory(first);
      const other = new AppMemory(second);
      await one.recordRun("maintenance:agency/support", "2026-12-03");
      expect(await other.lastRun("maintenance:agency/support")).toBe(
        params.shared ? "2026-12-03" : undefined,
      );
      const cover = {
        date: "2026-12-03",
        slot: "primary" as const,
        covers: "alice",
        by: "hamza",
        reason: "woken",
      };
      await one.setCovers("Agency/Support", [cover]);
      expect(await one.covers("agency/support")).toEqual([cover]);
      await one.rememberDashboard("agency/support", { number: 7, body: "All fine." });
      expect(await other.dashboard("agency/support")).toEqual(
        params.shared ? { number: 7, body: "All fine." } : undefined,
      );
      await one.noteOwnConfigFile("acme/website", true);
      await one.noteOwnConfigFile("acme/website", true);
      expect(await one.ignoredConfigFiles()).toEqual(["acme/website"]);
      await one.noteOwnConfigFile("acme/website", false);
      expect(await one.ignoredConfigFiles()).toEqual([]);
      expect(await one.firstTimeToLog("unlisted:acme/old")).toBe(true);
      expect(await other.firstTimeToLog("unlisted:ACME/old")).toBe(!params.shared);
      await first.setValue("covers:agency/support", "{not json", 60_000);
      expect(await one.covers("agency/support")).toEqual([]);
      await first.setValue("dashboard:agency/support", JSON.stringify({ number: "seven" }), 60_000);
      expect(await one.dashboard("agency/support")).toBeUndefined();
    });

    it("keeps what notifications were sent, so a second instance or a restart sends nothing twice", async () => {
      const one = sentLedgerIn(first);
      const other = sentLedgerIn(second);
      expect(await one.claim("rota-change:abc:slack:U1")).toBe(true);
      expect(await one.claim("rota-change:abc:slack:U1")).toBe(false);
      expect(await other.claim("rota-change:abc:slack:U1")).toBe(!params.shared);
      await one.release("rota-change:abc:slack:U1");
      expect(await one.claim("rota-change:abc:slack:U1")).toBe(true);
    });

    it("runs one holder of a lock at a time, and hands the lock on after a failure", async () => {
      const order: string[] = [];
      let inside = 0;
      let most = 0;
      const task = (label: string) => async () => {
        inside += 1;
        most = Math.max(most, inside);
        order.push(`${label}:in`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        order.push(`${label}:out`);
        inside -= 1;
        if (label === "b") throw new Error("b fails");
      };
      const results = await Promise.allSettled([
        first.withLock("t#1", task("a")),
        second.withLock("t#1", task("b")),
        first.withLock("t#1", task("c")),
      ]);
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
      if (params.shared) expect(most).toBe(1);
      expect(order.filter((o) => o.endsWith(":in"))).toHaveLength(3);
    });

    it("keeps pages awaiting escalation for every instance", async () => {
      await first.pendingPages.set("acme/web#4", { repo: "acme/web", number: 4, homeRepo: "acme/support" });
      const seenBySecond = await second.pendingPages.list();
      expect(seenBySecond.some(([key]) => key === "acme/web#4")).toBe(params.shared);
      await first.pendingPages.delete("acme/web#4");
      expect(await first.pendingPages.list()).toEqual([]);
    });

    it("keeps refused mail for every instance to send again", async () => {
      await first.pendingMail.set("<m1@northgate.example>", '{"keptAt":1}');
      const seenBySecond = await second.pendingMail.list();
      expect(seenBySecond.some(([key]) => key === "<m1@northgate.example>")).toBe(params.shared);
      expect(await first.pendingMail.list()).toEqual([["<m1@northgate.example>", '{"keptAt":1}']]);
      await first.pendingMail.delete("<m1@northgate.example>");
      expect(await first.pendingMail.list()).toEqual([]);
    });

    it("counts a sender's email tickets of the hour across instances", async () => {
      const sender = "jo@riverside-housing.example";
      const limit = 3;
      expect(await takeSenderSlot({ store: first, sender, limit })).not.toBeNull();
      expect(await takeSenderSlot({ store: first, sender, limit })).not.toBeNull();
      expect(await ticketsOpenedLastHour({ store: second, sender, limit })).toBe(params.shared ? 2 : 0);
      expect(await takeSenderSlot({ store: second, sender, limit })).not.toBeNull();
      // The limit is reached between the two: the next ticket is refused whichever instance asks.
      expect((await takeSenderSlot({ store: first, sender, limit })) === null).toBe(params.shared);
      expect(await ticketsOpenedLastHour({ store: first, sender: "someone@else.example", limit })).toBe(0);
    });

    it("gives the lease to one instance until it lapses", async () => {
      expect(await first.tryLease("sweep", 60_000)).toBe(true);
      expect(await first.tryLease("sweep", 60_000)).toBe(true);
      expect(await second.tryLease("sweep", 60_000)).toBe(!params.shared);
    });
  });
}

storeSuite(
  "memory",
  async () => {
    const first = new MemoryStateStore();
    const second = new MemoryStateStore();
    return { first, second, close: async () => undefined };
  },
  { shared: false },
);

describe.skipIf(skipRedis)("with a real redis-server", () => {
  const redisUrl = useRedisServer(redisAvailability);
  storeSuite(
    "Redis",
    async () => {
      const first = new RedisStateStore({ url: redisUrl() });
      const second = new RedisStateStore({ url: redisUrl() });
      return {
        first,
        second,
        close: async () => {
          await first.close();
          await second.close();
        },
      };
    },
    { shared: true },
  );

  it("a lock whose holder died lapses after its time", async () => {
    const store = new RedisStateStore({ url: redisUrl(), prefix: "lapse:" });
    const { Redis } = await import("ioredis");
    const raw = new Redis(redisUrl());
    // A crashed instance's lock: set with a short expiry and never renewed.
    await raw.set("lapse:lock:ticket:x", "someone-else", "PX", 200);
    const ran = await store.withLock("ticket:x", async () => "ran");
    expect(ran).toBe("ran");
    raw.disconnect();
    await store.close();
  });
});
