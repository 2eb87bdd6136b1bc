import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { botIssues, cardCount, markerKeys, ticketViolations, issueDump } from "./helpers/invariants.js";
import { clientRepos, reliabilitySeed, SUPPORT_REPO } from "./helpers/seed.js";
import { createIssue, startReliabilityStack, type Stack } from "./helpers/stack.js";
import { startApiProxy } from "./helpers/api-proxy.js";
import { writeCutter, type CutMode, type WriteCutter } from "./helpers/write-cutter.js";

const [SITE1 = "", SITE2 = ""] = clientRepos(2);

/** Weekdays from Monday 11 January 2027 (winter: London is UTC, no bank holiday for weeks). */
function workingDays(count: number): string[] {
  const days: string[] = [];
  for (let t = Date.UTC(2027, 0, 11); days.length < count; t += 86_400_000) {
    const day = new Date(t).getUTCDay();
    if (day !== 0 && day !== 6) days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

// Two quiet tickets opened at 10:00 are at risk by 16:10 (6 of 8 working hours): the sweep then
// writes for each a label, the card and one notice, and updates the dashboard: seven writes.
const SWEEP_WRITES = 7;
const CUTS: { writes: number; mode: CutMode }[] = [
  ...Array.from({ length: SWEEP_WRITES + 1 }, (_, writes) => ({ writes, mode: "fail-after" as const })),
  ...Array.from({ length: SWEEP_WRITES }, (_, i) => ({ writes: i + 1, mode: "lose-answer" as const })),
];

describe("a sweep interrupted at any point, then run again", () => {
  let stack: Stack;
  let cutter: WriteCutter | undefined;
  const days = workingDays(CUTS.length);
  beforeAll(async () => {
    stack = await startReliabilityStack({
      seed: reliabilitySeed({ count: 2, labels: true }),
      now: new Date(`${days[0] ?? ""}T09:00:00Z`),
      apiThrough: async (emulator) => {
        const proxy = await startApiProxy({ target: emulator.url });
        cutter = writeCutter({ cut: () => emulator.faults.set({ serverErrorShare: 1 }) });
        proxy.hooks = cutter.hooks;
        return proxy;
      },
    });
  });
  afterAll(async () => stack.close());

  it.each(CUTS.map((cut, round) => ({ ...cut, round })))(
    "GitHub gone after $writes writes ($mode): the next sweep finishes, nothing twice",
    async ({ writes, mode, round }) => {
      const day = days[round] ?? "";
      stack.emulator.clock.set(new Date(`${day}T10:00:00Z`));
      const tickets = [
        {
          repo: SITE1,
          number: await createIssue(stack, {
            as: "pat",
            repo: SITE1,
            title: `Please update the header (${day})`,
            body: "Please change the header text.",
          }),
        },
        {
          repo: SITE2,
          number: await createIssue(stack, {
            as: "rosa",
            repo: SITE2,
            title: `Please update the footer (${day})`,
            body: "Please change the footer.",
          }),
        },
      ];
      await stack.settle();

      stack.emulator.clock.set(new Date(`${day}T16:10:00Z`));
      const before = cutter?.writes() ?? 0;
      cutter?.arm({ writes, mode });
      const interrupted = (await stack.sweep()) as { status: number };
      cutter?.disarm();
      stack.emulator.faults.reset();
      const firstWrites = (cutter?.writes() ?? 0) - before;
      // The cut fell where it was meant to, and (no retries in this stack) the sweep failed there.
      expect(firstWrites).toBe(Math.min(writes, SWEEP_WRITES));
      expect(interrupted.status).toBe(writes < SWEEP_WRITES || mode === "lose-answer" ? 500 : 200);

      const again = (await stack.sweep()) as { status: number };
      expect(again.status).toBe(200);
      // Together the two sweeps did the work once; a lost answer may cost the dashboard one more edit.
      const allWrites = (cutter?.writes() ?? 0) - before;
      if (mode === "fail-after") expect(allWrites).toBe(SWEEP_WRITES);
      else expect(allWrites).toBeLessThanOrEqual(SWEEP_WRITES + 1);
      stack.emulator.log.reset();
      await stack.sweep();
      expect(stack.emulator.log.summary().writes).toBe(0);

      const dump = stack.emulator.dump();
      expect(ticketViolations(dump, [SITE1, SITE2])).toEqual([]);
      for (const { repo, number } of tickets) {
        const issue = issueDump(stack, repo, number);
        expect(cardCount(issue)).toBe(1);
        expect(issue.labels).toContain("sla: at risk");
        expect(
          markerKeys(issue).filter((k) => k.startsWith("notice:") && k.endsWith(":at-risk")),
        ).toHaveLength(1);
      }
      expect(botIssues(dump, SUPPORT_REPO, "Firstline dashboard")).toHaveLength(1);

      // Close this round's tickets so the next round's sweep has only its own work.
      for (const { repo, number } of tickets) {
        const [owner = "", name = ""] = repo.split("/");
        await stack
          .as("alice-okafor")
          .rest.issues.update({ owner, repo: name, issue_number: number, state: "closed" });
      }
      await stack.settle();
    },
  );
});
