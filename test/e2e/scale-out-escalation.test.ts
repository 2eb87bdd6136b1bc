import { describe, expect, it } from "vitest";
import { escalateOne, escalatePages } from "../../src/app/alerts.js";
import type { DelayedJobWakeups, TimerWakeups } from "../../src/app/escalation-wakeups.js";
import { RUNAWAY_MS } from "../helpers/time-limits.js";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { siteDownPayload } from "../../dev/demo/alert-payloads.js";
import { ALERTS_SECRET, SWEEP_SECRET } from "../../dev/demo/stack.js";
import { skipWithoutServer } from "../helpers/debian-package.js";
import { ensureRedis, useRedisServer } from "../helpers/redis.js";
import { startInstance, startScaledOut, type Instance } from "../../dev/demo/scaled-out-stack.js";

const redisAvailability = ensureRedis();
const skipRedis = skipWithoutServer(redisAvailability);
const quiet = { warn: () => undefined, info: () => undefined, error: () => undefined };

type Scaled = Awaited<ReturnType<typeof startScaledOut>>;

/** An out-of-hours alert posted to one instance at 03:05: it pages the on-call primary. */
async function pageAt0305(stack: Scaled, instance: Instance): Promise<number> {
  stack.emulator.clock.set(new Date("2026-12-06T03:05:00Z"));
  const response = await fetch(`${instance.app.url}/firstline/alerts`, {
    method: "POST",
    headers: { authorization: `Bearer ${ALERTS_SECRET}`, "content-type": "application/json" },
    body: JSON.stringify(
      siteDownPayload({ status: "firing", startsAt: "2026-12-06T03:04:00Z", endsAt: "2026-12-06T03:40:00Z" }),
    ),
  });
  const json = (await response.json()) as { alerts: { number: number }[] };
  await stack.settle();
  return json.alerts[0]?.number ?? 0;
}

function escalations(stack: Scaled, number: number): number {
  const issue = stack.emulator
    .dump()
    .repos.find((r) => r.fullName === "acme/website")
    ?.issues.find((i) => i.number === number);
  return issue?.comments.filter((c) => c.body.includes("firstline:escalation:1")).length ?? -1;
}

describe.skipIf(skipRedis)("escalation across a restart, on Redis", () => {
  const redisUrl = useRedisServer(redisAvailability);

  it("the instance that paged stops 2 minutes later; at 5 minutes the second line is told once, though two instances check at the same moment", async () => {
    const stack = await startScaledOut({
      seed: agencySeed(),
      now: new Date("2026-12-06T03:00:00Z"),
      instances: 1,
      redisUrl: redisUrl(),
    });
    const [first] = stack.instances;
    if (!first) throw new Error("no instance");
    const number = await pageAt0305(stack, first);
    stack.emulator.clock.set(new Date("2026-12-06T03:07:00Z"));
    await first.app.close();
    // Two fresh instances (cold caches) take over; their escalation checks run at the same moment.
    const b = await startInstance({ emulator: stack.emulator, redisUrl: redisUrl() });
    const c = await startInstance({ emulator: stack.emulator, redisUrl: redisUrl() });
    try {
      stack.emulator.clock.set(new Date("2026-12-06T03:08:00Z"));
      await Promise.all([
        escalatePages({ service: b.service, log: quiet }),
        escalatePages({ service: c.service, log: quiet }),
      ]);
      expect(escalations(stack, number)).toBe(0);
      stack.emulator.clock.set(new Date("2026-12-06T03:10:30Z"));
      await Promise.all([
        escalatePages({ service: b.service, log: quiet }),
        escalatePages({ service: c.service, log: quiet }),
      ]);
      await stack.emulator.waitForIdle({ timeoutMs: 60_000 });
      expect(escalations(stack, number)).toBe(1);
      stack.emulator.clock.set(new Date("2026-12-06T03:11:30Z"));
      await Promise.all([
        escalatePages({ service: b.service, log: quiet }),
        escalatePages({ service: c.service, log: quiet }),
      ]);
      expect(escalations(stack, number)).toBe(1);
    } finally {
      for (const instance of [b, c]) {
        await instance.app.close();
        await instance.store.close();
      }
      await first.store.close();
      await stack.emulator.close();
    }
  });
});

describe.skipIf(skipRedis)("escalation woken when it falls due, on Redis", () => {
  const redisUrl = useRedisServer(redisAvailability);

  it("the page sets a delayed job for 5 minutes on; the instance that paged stops, another answers the job: the second line is told once, and the next step's job is set", async () => {
    const stack = await startScaledOut({
      seed: agencySeed(),
      now: new Date("2026-12-06T03:00:00Z"),
      instances: 1,
      redisUrl: redisUrl(),
    });
    const [first] = stack.instances;
    if (!first) throw new Error("no instance");
    const number = await pageAt0305(stack, first);
    const key = `acme/website#${number}`;
    const wakeupsOf = (instance: Instance) => instance.service.escalationWakeups as DelayedJobWakeups;
    const pending = await wakeupsOf(first).pending();
    expect(pending.map((p) => [p.key, new Date(p.atMs).toISOString()])).toEqual([
      [key, "2026-12-06T03:10:00.000Z"],
    ]);
    await first.app.close();
    const b = await startInstance({ emulator: stack.emulator, redisUrl: redisUrl() });
    try {
      wakeupsOf(b).start((page) => escalateOne({ service: b.service, log: quiet, key: page }), quiet);
      stack.emulator.clock.set(new Date("2026-12-06T03:10:00Z"));
      await wakeupsOf(b).promote(pending[0]?.id ?? "");
      const deadline = Date.now() + 5 * RUNAWAY_MS;
      while (escalations(stack, number) < 1 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      await stack.emulator.waitForIdle({ timeoutMs: 60_000 });
      expect(escalations(stack, number)).toBe(1);
      // The minute check at the same moment adds nothing; the 15-minute step has its own job.
      await escalatePages({ service: b.service, log: quiet });
      expect(escalations(stack, number)).toBe(1);
      expect((await wakeupsOf(b).pending()).map((p) => [p.key, new Date(p.atMs).toISOString()])).toEqual([
        [key, "2026-12-06T03:20:00.000Z"],
      ]);
    } finally {
      await b.app.close();
      await b.store.close();
      await first.store.close();
      await stack.emulator.close();
    }
  });
});

describe("escalation woken when it falls due, in memory", () => {
  it("the page sets a timer for 5 minutes on; when it fires the second line is told once, and the next step's timer is set", async () => {
    const stack = await startScaledOut({
      seed: agencySeed(),
      now: new Date("2026-12-06T03:00:00Z"),
      instances: 1,
    });
    const [first] = stack.instances;
    if (!first) throw new Error("no instance");
    const wakeups = first.service.escalationWakeups as TimerWakeups;
    const woken: string[] = [];
    // What the long-lived server wires (src/app/index.ts); the test fires the timer itself.
    wakeups.start(async (key) => void woken.push(key), quiet);
    try {
      const number = await pageAt0305(stack, first);
      const key = `acme/website#${number}`;
      const at = () => [...wakeups.pending()].map(([k, ms]) => [k, new Date(ms).toISOString()]);
      expect(at()).toEqual([[key, "2026-12-06T03:10:00.000Z"]]);
      stack.emulator.clock.set(new Date("2026-12-06T03:10:00Z"));
      await escalateOne({ service: first.service, log: quiet, key });
      await escalateOne({ service: first.service, log: quiet, key });
      await stack.emulator.waitForIdle({ timeoutMs: 60_000 });
      expect(escalations(stack, number)).toBe(1);
      expect(at()).toEqual([[key, "2026-12-06T03:20:00.000Z"]]);
    } finally {
      await stack.close();
    }
  });
});

describe("escalation across a restart, in memory", () => {
  it("the restarted instance rebuilds the watch from the issues at its first sweep, and tells the second line once at 5 minutes", async () => {
    const stack = await startScaledOut({
      seed: agencySeed(),
      now: new Date("2026-12-06T03:00:00Z"),
      instances: 1,
    });
    const [first] = stack.instances;
    if (!first) throw new Error("no instance");
    const number = await pageAt0305(stack, first);
    stack.emulator.clock.set(new Date("2026-12-06T03:07:00Z"));
    await first.app.close();
    const restarted = await startInstance({ emulator: stack.emulator });
    const sweep = async (at: string) => {
      stack.emulator.clock.set(new Date(at));
      await fetch(`${restarted.app.url}/firstline/sweep`, {
        method: "POST",
        headers: { authorization: `Bearer ${SWEEP_SECRET}` },
      });
      await stack.emulator.waitForIdle({ timeoutMs: 60_000 });
    };
    try {
      expect(await restarted.service.pendingPages.list()).toEqual([]);
      await sweep("2026-12-06T03:08:00Z");
      expect((await restarted.service.pendingPages.list()).map(([key]) => key)).toEqual([
        `acme/website#${number}`,
      ]);
      expect(escalations(stack, number)).toBe(0);
      stack.emulator.clock.set(new Date("2026-12-06T03:10:30Z"));
      await Promise.all([
        escalatePages({ service: restarted.service, log: quiet }),
        escalatePages({ service: restarted.service, log: quiet }),
      ]);
      await sweep("2026-12-06T03:11:30Z");
      expect(escalations(stack, number)).toBe(1);
    } finally {
      await restarted.app.close();
      await stack.emulator.close();
    }
  });
});
