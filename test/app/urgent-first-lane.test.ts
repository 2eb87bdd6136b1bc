import { describe, expect, it } from "vitest";
import { UrgentFirstLane } from "../../src/app/queue/urgent-first-lane.js";

/** A pace whose slots the test hands out one at a time. */
function manualPace() {
  const waiting: (() => void)[] = [];
  return {
    acquire: () => new Promise<void>((resolve) => waiting.push(resolve)),
    /** Grants the next slot, once someone asks for it. */
    grant: async () => {
      while (waiting.length === 0) await new Promise((resolve) => setImmediate(resolve));
      waiting.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

describe("one installation's writes, most urgent first", () => {
  it("a P1 write that arrives while routine writes wait for a slot takes that slot", async () => {
    const pace = manualPace();
    const lane = new UrgentFirstLane(pace.acquire);
    const done: string[] = [];
    const write = (name: string, rank: number) => lane.run(rank, async () => void done.push(name));
    const all = [write("routine 1", 3), write("routine 2", 3)];
    await new Promise((resolve) => setImmediate(resolve));
    // The first slot is being waited for on routine 1's behalf when the P1 arrives.
    all.push(write("P1 card", 1), write("sweep", 5));
    for (let i = 0; i < 4; i++) await pace.grant();
    await Promise.all(all);
    expect(done).toEqual(["P1 card", "routine 1", "routine 2", "sweep"]);
  });

  it("a failed write fails only its caller; the next still goes", async () => {
    const lane = new UrgentFirstLane(() => Promise.resolve());
    const failed = lane.run(3, () => Promise.reject(new Error("502")));
    const next = lane.run(3, () => Promise.resolve("ok"));
    await expect(failed).rejects.toThrow("502");
    await expect(next).resolves.toBe("ok");
  });

  it("a pace that cannot be asked (Redis down) lets writes go rather than hold them", async () => {
    const lane = new UrgentFirstLane(() => Promise.reject(new Error("connection lost")));
    await expect(lane.run(1, () => Promise.resolve("written"))).resolves.toBe("written");
  });
});
