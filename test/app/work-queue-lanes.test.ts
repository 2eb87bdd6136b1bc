import { describe, expect, it } from "vitest";
import { MemoryWorkQueue } from "../../src/app/queue/memory-work-queue.js";
import { RedisWorkQueue } from "../../src/app/queue/redis-work-queue.js";
import type { DeliveryWorker, WorkQueue } from "../../src/app/queue/work-queue.js";
import { skipWithoutServer } from "../helpers/debian-package.js";
import { ensureRedis, useRedisServer } from "../helpers/redis.js";
import { RUNAWAY_MS } from "../helpers/time-limits.js";

const redisAvailability = ensureRedis();
const quiet = { error: () => undefined, warn: () => undefined };

/** A worker whose routine deliveries wait until released; it records the order deliveries start in. */
function gatedWorker() {
  const started: string[] = [];
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let urgentStarted: () => void = () => undefined;
  const urgentSeen = new Promise<void>((resolve) => (urgentStarted = resolve));
  const work: DeliveryWorker = async (delivery) => {
    started.push(delivery.id);
    if (delivery.rank === 1) urgentStarted();
    else await gate;
  };
  return { work, started, release: () => release(), urgentSeen };
}

async function urgentOvertakesFullLanes(open: (work: DeliveryWorker) => WorkQueue): Promise<void> {
  const worker = gatedWorker();
  const queue = open(worker.work);
  try {
    // Both routine lanes are taken by deliveries that wait (on GitHub's write pace, say)...
    for (const id of ["r1", "r2", "r3"]) await queue.add({ id, name: "issues", payload: {}, rank: 3 }, 3);
    // ...and a P1 ticket still starts at once, in a lane of its own.
    await queue.add({ id: "p1", name: "issues", payload: {}, rank: 1 }, 1);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      worker.urgentSeen,
      new Promise(
        (_, reject) => (timer = setTimeout(() => reject(new Error("the P1 never started")), RUNAWAY_MS)),
      ),
    ]).finally(() => clearTimeout(timer));
    expect(worker.started).toContain("p1");
    expect(worker.started).not.toContain("r3");
    worker.release();
    await queue.idle();
    expect([...worker.started].sort()).toEqual(["p1", "r1", "r2", "r3"]);
  } finally {
    worker.release();
    await queue.close();
  }
}

describe("urgent deliveries have lanes of their own", () => {
  it("in memory: a P1 starts while every routine lane waits", async () => {
    await urgentOvertakesFullLanes(
      (work) => new MemoryWorkQueue({ work, log: quiet, now: () => Date.now(), concurrency: 2 }),
    );
  });

  describe.skipIf(skipWithoutServer(redisAvailability))("on Redis", () => {
    const redisUrl = useRedisServer(redisAvailability);
    it("a P1 starts while every routine lane waits", async () => {
      await urgentOvertakesFullLanes(
        (work) => new RedisWorkQueue({ url: redisUrl(), work, log: quiet, concurrency: 2 }),
      );
    });
  });
});
