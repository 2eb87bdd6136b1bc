import { describe, expect, it } from "vitest";
import { UrgentFirstRequests } from "../../src/app/queue/urgent-first-requests.js";
import { deliveryRankContext } from "../../src/app/queue/urgent-writes-first.js";

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("requests in flight in one process, urgent first", () => {
  it("when requests wait, a P1 delivery's go first (its write before its reads), then the rest in order; a retry before all", async () => {
    const limiter = new UrgentFirstRequests(1);
    const done: string[] = [];
    let release = () => undefined as void;
    const first = limiter.schedule(
      {},
      () => new Promise<void>((resolve) => (release = () => resolve(void done.push("in flight")))),
    );
    const request = (name: string, rank: number, method = "GET", priority?: number) =>
      deliveryRankContext.run(rank, () =>
        limiter.schedule(priority === undefined ? {} : { priority }, async () => void done.push(name), {
          method,
          url: "/repos/a/b/issues",
        }),
      );
    const all = [
      request("routine read", 3),
      request("routine read 2", 3),
      request("P1 read", 1),
      request("P1 card", 1, "POST"),
      request("retry", 3, "GET", 0),
    ];
    await tick();
    release();
    await Promise.all([first, ...all]);
    expect(done).toEqual(["in flight", "retry", "P1 card", "P1 read", "routine read", "routine read 2"]);
  });

  it("runs up to its limit at once, and a failed request frees its place", async () => {
    const limiter = new UrgentFirstRequests(2);
    let running = 0;
    let most = 0;
    const job = (fail: boolean) =>
      limiter.schedule({}, async () => {
        running += 1;
        most = Math.max(most, running);
        await tick();
        running -= 1;
        if (fail) throw new Error("502");
      });
    const results = await Promise.allSettled([job(true), job(false), job(true), job(false), job(false)]);
    expect(most).toBe(2);
    expect(results.map((r) => r.status)).toEqual([
      "rejected",
      "fulfilled",
      "rejected",
      "fulfilled",
      "fulfilled",
    ]);
  });
});
