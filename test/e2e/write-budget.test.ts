import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { startStack, type Stack } from "./harness.js";

/** 300 quiet tickets opened together on a Monday morning: they all go at risk at the same sweep. */
function seed300() {
  const seed = agencySeed();
  const issues = Array.from({ length: 300 }, (_, i) => ({
    repo: "riverside/tenant-portal",
    title: `Please update page ${i + 1}`,
    body: "Please change the text.",
    author: "rosa",
    labels: ["client: riverside", "priority: P3", "type: change"],
    labeledBy: "alice-okafor",
    createdAt: "2026-12-07T10:00:00Z",
  }));
  return { ...seed, issues: [...(seed.issues ?? []), ...issues] };
}

describe("the write budget", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ seed: seed300(), now: new Date("2026-12-07T16:05:00Z") });
  });
  afterAll(async () => stack.close());

  it("holds when 300 tickets go at risk at once: never over 80 writes a minute or 500 an hour, nothing posted twice, all done in the end", async () => {
    const writes: number[] = [];
    for (let sweep = 0; sweep < 30; sweep++) {
      stack.emulator.log.reset();
      await stack.sweep();
      for (const request of stack.emulator.log.summary().requests) {
        if (request.write && !request.operationId?.startsWith("apps/")) writes.push(Date.parse(request.at));
      }
      stack.emulator.clock.advance({ minutes: 10 });
    }
    const most = (windowMs: number) =>
      Math.max(...writes.map((t) => writes.filter((u) => u >= t && u < t + windowMs).length));
    expect(most(60_000)).toBeLessThanOrEqual(80);
    expect(most(3_600_000)).toBeLessThanOrEqual(500);
    const issues =
      stack.emulator.dump().repos.find((r) => r.fullName === "riverside/tenant-portal")?.issues ?? [];
    expect(issues).toHaveLength(300);
    for (const issue of issues) {
      const bot = issue.comments.filter((c) => c.author === "firstline[bot]");
      expect(bot.filter((c) => c.body.includes("<!-- firstline:card -->"))).toHaveLength(1);
      const markers = bot.flatMap((c) =>
        [...c.body.matchAll(/<!-- firstline:(notice:[^ ]+) -->/g)].map((m) => m[1]),
      );
      expect(new Set(markers).size).toBe(markers.length);
      expect(issue.labels).toContain("sla: breached");
    }
  }, 300_000);
});
