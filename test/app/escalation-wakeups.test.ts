import { afterEach, describe, expect, it, vi } from "vitest";
import { DelayedJobWakeups, TimerWakeups } from "../../src/app/escalation-wakeups.js";
import { skipWithoutServer } from "../helpers/debian-package.js";
import { ensureRedis, useRedisServer } from "../helpers/redis.js";
import { RUNAWAY_MS } from "../helpers/time-limits.js";

const quiet = { error: () => undefined };
const MINUTE = 60_000;

describe("wake-ups in this process", () => {
  afterEach(() => void vi.useRealTimers());

  it("wakes the page when its step falls due, once for one page and time; a new time replaces the old", async () => {
    vi.useFakeTimers({ now: 0 });
    const woken: string[] = [];
    const wakeups = new TimerWakeups(() => Date.now());
    await wakeups.at("acme/website#7", 5 * MINUTE); // not started: no timer
    expect(wakeups.pending().size).toBe(0);
    wakeups.start(async (key) => void woken.push(key), quiet);
    await wakeups.at("acme/website#7", 5 * MINUTE);
    await wakeups.at("acme/website#7", 5 * MINUTE);
    await wakeups.at("acme/website#8", 2 * MINUTE);
    await wakeups.at("acme/website#8", 3 * MINUTE);
    await vi.advanceTimersByTimeAsync(2.5 * MINUTE);
    expect(woken).toEqual([]);
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(woken).toEqual(["acme/website#8"]);
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    expect(woken).toEqual(["acme/website#8", "acme/website#7"]);
    expect(wakeups.pending().size).toBe(0);
  });

  it("a wake-up whose escalation fails is logged, and close clears the rest", async () => {
    vi.useFakeTimers({ now: 0 });
    const errors: object[] = [];
    const wakeups = new TimerWakeups(() => Date.now());
    wakeups.start(() => Promise.reject(new Error("GitHub is down")), { error: (obj) => errors.push(obj) });
    await wakeups.at("a/b#1", MINUTE);
    await wakeups.at("a/b#2", 2 * MINUTE);
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(errors).toEqual([{ page: "a/b#1", reason: "Error: GitHub is down" }]);
    await wakeups.close();
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(errors).toHaveLength(1);
  });
});

const redisAvailability = ensureRedis();

describe.skipIf(skipWithoutServer(redisAvailability))("wake-ups as BullMQ delayed jobs on Redis", () => {
  const redisUrl = useRedisServer(redisAvailability);

  it("two instances set the same wake-up: one job, answered once by whichever instance is alive", async () => {
    const now = Date.now();
    const a = new DelayedJobWakeups({ url: redisUrl(), now: () => now });
    const b = new DelayedJobWakeups({ url: redisUrl(), now: () => now });
    const woken: string[] = [];
    try {
      await a.at("acme/website#7", now + 5 * MINUTE);
      await b.at("acme/website#7", now + 5 * MINUTE);
      const pending = await b.pending();
      expect(pending.map((p) => [p.key, p.atMs])).toEqual([["acme/website#7", now + 5 * MINUTE]]);
      // The instance that set it stops; the other answers it when it falls due (promoted: a test
      // cannot wait five minutes).
      await a.close();
      b.start(async (key) => void woken.push(key), quiet);
      await b.promote(pending[0]?.id ?? "");
      const deadline = Date.now() + RUNAWAY_MS;
      while (woken.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(woken).toEqual(["acme/website#7"]);
      expect(await b.pending()).toEqual([]);
    } finally {
      await a.close().catch(() => undefined);
      await b.close();
    }
  });
});
