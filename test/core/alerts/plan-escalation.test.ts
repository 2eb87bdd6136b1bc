import { describe, expect, it } from "vitest";
import { planEscalation, type EscalationIssue } from "../../../src/core/alerts/plan-escalation.js";
import type { TicketComment } from "../../../src/core/ticket/snapshot.js";
import { alertConfig, BOT } from "./fixtures.js";

const pagedAt = Date.parse("2026-12-05T02:05:00Z");
const at = (minutes: number) => pagedAt + minutes * 60_000;
const onCall = { primary: "pete", secondLine: ["grace"] };
const steps = alertConfig.alerts.escalation; // second line after 5 minutes, dana-cto after 15

let nextId = 1;
const comment = (author: string, minutes: number, body = "looking"): TicketComment => ({
  id: nextId++,
  author,
  createdAt: at(minutes),
  body,
});
const stepComment = (n: number, minutes: number, author = BOT) =>
  comment(author, minutes, `<!-- firstline:escalation:${n} -->\n@grace: nobody has acknowledged this alert`);

function run(issue: Partial<EscalationIssue>, minutes: number, stepsUsed = steps) {
  return planEscalation({
    issue: { comments: [], ...issue },
    pagedAt,
    onCall,
    steps: stepsUsed,
    now: at(minutes),
    botLogin: BOT,
  });
}

describe("planEscalation", () => {
  it.each<{
    what: string;
    issue: Partial<EscalationIssue>;
    now: number;
    due: number[];
    acknowledged?: string | null;
    nextAt?: number | null;
  }>([
    { what: "no acknowledgement at 4 minutes: nothing yet", issue: {}, now: 4, due: [], nextAt: at(5) },
    { what: "no acknowledgement at 5 minutes: the second line", issue: {}, now: 5, due: [1], nextAt: at(15) },
    {
      what: "no acknowledgement at 14 minutes, step 1 taken: nothing new",
      issue: { comments: [stepComment(1, 5)] },
      now: 14,
      due: [],
      nextAt: at(15),
    },
    {
      what: "no acknowledgement at 15 minutes, step 1 taken: the listed logins",
      issue: { comments: [stepComment(1, 5)] },
      now: 15,
      due: [2],
      nextAt: null,
    },
    {
      what: "both steps taken: never repeated",
      issue: { comments: [stepComment(1, 5), stepComment(2, 15)] },
      now: 60,
      due: [],
      nextAt: null,
    },
    { what: "missed while down: every step due at once", issue: {}, now: 20, due: [1, 2], nextAt: null },
    {
      what: "acknowledged by a comment at 3 minutes: no escalation",
      issue: { comments: [comment("pete", 3)] },
      now: 30,
      due: [],
      acknowledged: "pete comment",
      nextAt: null,
    },
    {
      what: "acknowledged by a reaction",
      issue: { reactions: [{ login: "pete", at: at(2) }] },
      now: 30,
      due: [],
      acknowledged: "pete reaction",
    },
    {
      what: "acknowledged by assigning themselves",
      issue: { assignments: [{ at: at(1), by: "pete", assignee: "pete" }] },
      now: 30,
      due: [],
      acknowledged: "pete assignment",
    },
    {
      what: "an assignment made by someone else is no acknowledgement",
      issue: { assignments: [{ at: at(1), by: "carol", assignee: "pete" }], assignees: ["pete"] },
      now: 5,
      due: [1],
    },
    {
      what: "without assignment events, the primary among the assignees counts",
      issue: { assignees: ["Pete"] },
      now: 30,
      due: [],
      acknowledged: "Pete assignment",
    },
    {
      what: "a comment by someone not on call is no acknowledgement",
      issue: { comments: [comment("carol", 1)] },
      now: 5,
      due: [1],
    },
    {
      what: "a comment by the primary before the page is no acknowledgement",
      issue: { comments: [comment("pete", -10)] },
      now: 5,
      due: [1],
    },
    {
      what: "Firstline's own comments are no acknowledgement",
      issue: { comments: [comment(BOT, 1)] },
      now: 5,
      due: [1],
    },
    {
      what: "the second line acknowledging after step 1 stops step 2",
      issue: { comments: [stepComment(1, 5), comment("grace", 7)] },
      now: 15,
      due: [],
      acknowledged: "grace comment",
    },
    {
      what: "the second line acknowledging before being called stops nothing",
      issue: { comments: [comment("grace", 2)] },
      now: 5,
      due: [1],
    },
    {
      what: "a step taken for an earlier page does not count for this one",
      issue: { comments: [stepComment(1, -60)] },
      now: 5,
      due: [1],
    },
    {
      what: "a step marker someone else pasted does not count",
      issue: { comments: [stepComment(1, 4, "mallory")] },
      now: 5,
      due: [1],
    },
    {
      what: "a closed issue (resolved alert) escalates no further",
      issue: { state: "closed" },
      now: 30,
      due: [],
      nextAt: null,
    },
  ])("$what", ({ issue, now, due, acknowledged, nextAt }) => {
    const plan = run(issue, now);
    expect(plan.due).toEqual(due);
    expect(plan.actions).toHaveLength(due.length);
    if (acknowledged !== undefined)
      expect(plan.acknowledged ? `${plan.acknowledged.by} ${plan.acknowledged.how}` : null).toBe(
        acknowledged,
      );
    if (nextAt !== undefined) expect(plan.nextAt).toBe(nextAt);
  });

  it("step 1 mentions the second line, with its marker", () => {
    expect(run({}, 5).actions).toEqual([
      {
        kind: "create-comment",
        body: "<!-- firstline:escalation:1 -->\n@grace: nobody has acknowledged this alert 5 minutes after pete (on call) was paged. Please take a look, and comment here when you do.",
        why: "escalation step 1",
      },
    ]);
  });

  it("step 2 mentions the listed logins", () => {
    const [action] = run({ comments: [stepComment(1, 5)] }, 15).actions;
    expect(action?.kind === "create-comment" && action.body).toMatch(
      /^<!-- firstline:escalation:2 -->\n@dana-cto: nobody has acknowledged this alert 15 minutes after/,
    );
  });

  it("an empty second line is said plainly, and the step still counts as taken", () => {
    const plan = planEscalation({
      issue: { comments: [] },
      pagedAt,
      onCall: { primary: "pete", secondLine: [] },
      steps,
      now: at(5),
      botLogin: BOT,
    });
    const [action] = plan.actions;
    expect(action?.kind === "create-comment" && action.body).toContain(
      "Escalating, but the rota names nobody on the second line this week.",
    );
    expect(action?.kind === "create-comment" && action.body).not.toMatch(/@\w/);
  });

  it("the acknowledgement reported is the earliest", () => {
    const plan = run({ comments: [comment("pete", 4)], reactions: [{ login: "pete", at: at(1) }] }, 10);
    expect(plan.acknowledged).toEqual({ by: "pete", at: at(1), how: "reaction" });
  });
});
