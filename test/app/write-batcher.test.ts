import { describe, expect, it } from "vitest";
import { UrgentFirstLane } from "../../src/app/queue/urgent-first-lane.js";
import { WriteBatcher } from "../../src/app/queue/write-batcher.js";

const tick = () => new Promise((resolve) => setImmediate(resolve));

type Outcome = { readonly posted: true } | { readonly posted: false; readonly error: unknown };

/** A `send` whose requests the test answers one at a time. */
function manualSend() {
  const requests: { parts: readonly string[]; answer: (failed?: readonly string[]) => void }[] = [];
  const send = (parts: readonly string[]) =>
    new Promise<Outcome[]>((resolve) => {
      requests.push({
        parts,
        answer: (failed = []) =>
          resolve(
            parts.map((p): Outcome =>
              failed.includes(p) ? { posted: false, error: new Error(`${p} refused`) } : { posted: true },
            ),
          ),
      });
    });
  return { requests, send };
}

describe("writes that share a request", () => {
  it("the first part goes alone; every part that arrives while it is in flight goes in the next request", async () => {
    const { requests, send } = manualSend();
    const batcher = new WriteBatcher<string>(send, 20);
    const first = batcher.submit("card 1");
    await tick();
    const rest = ["card 2", "card 3", "card 4"].map((c) => batcher.submit(c));
    await tick();
    expect(requests.map((r) => r.parts)).toEqual([["card 1"]]);
    requests[0]?.answer();
    await first;
    await tick();
    expect(requests.map((r) => r.parts)).toEqual([["card 1"], ["card 2", "card 3", "card 4"]]);
    requests[1]?.answer();
    await Promise.all(rest);
  });

  it("at most `max` parts to a request; a refused part fails alone", async () => {
    const { requests, send } = manualSend();
    const batcher = new WriteBatcher<string>(send, 2);
    const all = ["a", "b", "c", "d", "e"].map((c) => batcher.submit(c));
    const settled = Promise.allSettled(all);
    for (let i = 0; i < 3; i++) {
      await tick();
      requests[i]?.answer(["c"]);
    }
    const outcomes = await settled;
    expect(requests.map((r) => r.parts)).toEqual([["a"], ["b", "c"], ["d", "e"]]);
    expect(outcomes.map((o) => o.status)).toEqual([
      "fulfilled",
      "fulfilled",
      "rejected",
      "fulfilled",
      "fulfilled",
    ]);
  });

  it("a request that throws fails its own parts, and the next request still goes", async () => {
    let calls = 0;
    const batcher = new WriteBatcher<string>(async (parts) => {
      calls += 1;
      if (calls === 1) throw new Error("502");
      return parts.map(() => ({ posted: true as const }));
    }, 20);
    await expect(batcher.submit("a")).rejects.toThrow("502");
    await expect(batcher.submit("b")).resolves.toBeUndefined();
  });
});

describe("a request that carries several writes", () => {
  it("takes one slot; urgent writes go on, and the next routine write waits the slots it borrowed", async () => {
    let slots = 0;
    const waiting: (() => void)[] = [];
    const lane = new UrgentFirstLane(
      () =>
        new Promise<void>((resolve) => {
          waiting.push(() => {
            slots += 1;
            resolve();
          });
        }),
    );
    const done: string[] = [];
    const grant = async () => {
      while (waiting.length === 0) await tick();
      waiting.shift()?.();
      await tick();
    };
    const writes = [
      lane.run(1, async () => void done.push("three cards"), 3),
      lane.run(1, async () => void done.push("P1 labels")),
      lane.run(3, async () => void done.push("routine card")),
    ];
    await grant();
    expect(done).toEqual(["three cards"]);
    await grant();
    expect(done).toEqual(["three cards", "P1 labels"]);
    await grant();
    await grant();
    expect(done).toEqual(["three cards", "P1 labels"]); // the two borrowed slots
    await grant();
    await Promise.all(writes);
    expect(done).toEqual(["three cards", "P1 labels", "routine card"]);
    expect(slots).toBe(5);
  });
});
