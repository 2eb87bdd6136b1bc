import { describe, expect, it } from "vitest";
import { planCommands, parseCommands, type CommandPlan } from "../../../src/core/ticket/commands.js";
import { markersIn } from "../../../src/core/markers.js";
import type { TicketSnapshot } from "../../../src/core/ticket/snapshot.js";
import { local } from "../../helpers/calendars.js";
import { BLOCKED, BOT, ticketConfig, ticketPolicy, WAITING } from "../../helpers/ticket-fixtures.js";
import { refresh } from "../../helpers/ticket-refresh.js";
import {
  actionsOf,
  addSteps,
  applyActions,
  createdComments,
  openedTicket,
  type TicketStep,
} from "../../helpers/ticket-snapshot.js";

const MONDAY = "2026-10-19 10:00";
const AT = "2026-10-19 11:00";

/** A riverside change request, P3, assigned to this week's developer. */
function ticket(
  params: { repo?: string; steps?: readonly TicketStep[]; assignees?: readonly string[] } = {},
): TicketSnapshot {
  const opened = openedTicket({
    repo: params.repo ?? "riverside/portal",
    title: "Opening hours",
    body: "Please update the opening hours",
    opened: MONDAY,
    steps: params.steps ?? [],
  });
  return { ...opened, assignees: params.assignees ?? ["erin"] };
}

function run(
  body: string,
  params: { author?: string; snapshot?: TicketSnapshot; id?: number } = {},
): CommandPlan {
  return planCommands({
    comment: { id: params.id ?? 42, author: params.author ?? "alice", createdAt: local(AT), body },
    snapshot: params.snapshot ?? ticket(),
    config: ticketConfig,
    policy: ticketPolicy,
    botLogin: BOT,
    now: local(AT),
  });
}

const labelActions = (plan: CommandPlan) =>
  plan.actions.filter((a) => a.kind === "add-labels" || a.kind === "remove-labels");
const reactions = (plan: CommandPlan) => actionsOf(plan.actions, "react").map((a) => a.reaction);

describe("reading commands from a comment", () => {
  it.each([
    { what: "one command", body: "/priority P1", commands: [{ name: "priority", args: "P1" }] },
    {
      what: "several, with text around them",
      body: "Thanks, looking now.\n/type bug\n  /priority   p2  \nBye",
      commands: [
        { name: "type", args: "bug" },
        { name: "priority", args: "p2" },
      ],
    },
    {
      what: "no arguments",
      body: "/sla\r\n/resume",
      commands: [
        { name: "sla", args: "" },
        { name: "resume", args: "" },
      ],
    },
    {
      what: "the rest of the line as the argument",
      body: "/chargeable M a new booking plugin",
      commands: [{ name: "chargeable", args: "M a new booking plugin" }],
    },
    { what: "inside a ``` fence", body: "Try this:\n```\n/priority P1\n```", commands: [] },
    { what: "inside a ~~~ fence", body: "~~~text\n/priority P1\n~~~", commands: [] },
    {
      what: "after a closed fence",
      body: "```\n/priority P1\n```\n/priority P2",
      commands: [{ name: "priority", args: "P2" }],
    },
    { what: "in a quote", body: "> /priority P1\n>/waiting", commands: [] },
    { what: "in the middle of a line", body: "Please use /priority P1 for this", commands: [] },
    { what: "unknown commands", body: "/deploy now\n/prio P1\n/Priority P1", commands: [] },
  ])("$what", ({ body, commands }) => {
    expect(parseCommands(body)).toEqual(commands);
  });

  it("a comment without commands plans nothing", () => {
    expect(run("Thanks, we are looking into it.")).toEqual({ actions: [], refresh: false });
    expect(run("```\n/priority P1\n```\n> /client acme")).toEqual({ actions: [], refresh: false });
  });
});

describe("staff commands", () => {
  it.each([
    {
      what: "/priority P1",
      body: "/priority P1",
      labels: [
        { kind: "add-labels", labels: ["priority: P1"] },
        { kind: "remove-labels", labels: ["priority: P3"] },
      ],
    },
    {
      what: "/priority in lower case",
      body: "/priority p4",
      labels: [
        { kind: "add-labels", labels: ["priority: P4"] },
        { kind: "remove-labels", labels: ["priority: P3"] },
      ],
    },
    { what: "/priority it already has", body: "/priority P3", labels: [] },
    {
      what: "/client",
      body: "/client glenmore",
      labels: [
        { kind: "add-labels", labels: ["client: glenmore"] },
        { kind: "remove-labels", labels: ["client: riverside"] },
      ],
    },
    {
      what: "/type",
      body: "/type bug",
      labels: [
        { kind: "add-labels", labels: ["type: bug"] },
        { kind: "remove-labels", labels: ["type: change"] },
      ],
    },
    {
      what: "/type alert",
      body: "/type alert",
      labels: [
        { kind: "add-labels", labels: ["type: alert"] },
        { kind: "remove-labels", labels: ["type: change"] },
      ],
    },
    { what: "/waiting", body: "/waiting", labels: [{ kind: "add-labels", labels: [WAITING] }] },
    {
      what: "two commands",
      body: "/priority P2\n/type question",
      labels: [
        { kind: "add-labels", labels: ["priority: P2"] },
        { kind: "remove-labels", labels: ["priority: P3"] },
        { kind: "add-labels", labels: ["type: question"] },
        { kind: "remove-labels", labels: ["type: change"] },
      ],
    },
    {
      what: "the same command twice: the last wins",
      body: "/priority P2\n/priority P1",
      labels: [
        { kind: "add-labels", labels: ["priority: P2"] },
        { kind: "remove-labels", labels: ["priority: P3"] },
        { kind: "add-labels", labels: ["priority: P1"] },
        { kind: "remove-labels", labels: ["priority: P2"] },
      ],
    },
  ])("$what", ({ body, labels }) => {
    const plan = run(body);
    expect(labelActions(plan)).toEqual(labels);
    expect(reactions(plan)).toEqual(["+1"]);
    expect(createdComments(plan.actions)).toEqual([]);
    expect(plan.refresh).toBe(true);
  });

  it("/client names a client for a ticket in the helpdesk, and the question to the reporter goes", () => {
    const helpdesk = ticket({ repo: "agency/helpdesk" });
    expect(helpdesk.labels).toContain("client: unknown");
    const plan = run("/client acme", { snapshot: helpdesk });
    expect(labelActions(plan)).toEqual([
      { kind: "add-labels", labels: ["client: acme"] },
      { kind: "remove-labels", labels: ["client: unknown"] },
    ]);
    const card = actionsOf(
      refresh(applyActions(helpdesk, plan.actions, local(AT)), "2026-10-19 11:01").actions,
      "update-comment",
    )[0]?.body;
    expect(card).toContain("| Client | Acme Borough Council (`acme`) |");
    expect(card).not.toContain("which organisation");
  });

  it("/resume takes off every pause label but not chargeable", () => {
    const paused = ticket({
      steps: [
        ["labeled", "2026-10-19 10:30", "alice", WAITING],
        ["labeled", "2026-10-19 10:31", "bob", BLOCKED],
        ["labeled", "2026-10-19 10:32", "bob", "chargeable"],
      ],
    });
    expect(labelActions(run("/resume", { snapshot: paused }))).toEqual([
      { kind: "remove-labels", labels: [WAITING, BLOCKED] },
    ]);
    expect(labelActions(run("/resume"))).toEqual([]);
  });

  it("/waiting on a ticket already waiting changes nothing", () => {
    expect(
      labelActions(
        run("/waiting", { snapshot: ticket({ steps: [["labeled", "2026-10-19 10:30", "alice", WAITING]] }) }),
      ),
    ).toEqual([]);
  });

  it("/sla posts the explanation of the timeline", () => {
    const plan = run("/sla");
    const [comment, ...more] = createdComments(plan.actions);
    expect(more).toEqual([]);
    expect(comment).toMatch(
      /^<details open><summary>SLA timeline<\/summary>\n\n```text\nClient riverside \(Riverside Housing\), plan standard, priority P3 \(Normal\)/,
    );
    expect(comment).toContain(
      "firstResponse, cycle 1: target 8 working hours for P3, on the working-hours clock.",
    );
    expect(comment).toContain("Read at Mon 19 Oct 11:00 BST.");
    expect(comment).toMatch(/\n```\n<\/details>$/);
    expect(labelActions(plan)).toEqual([]);
  });
});

describe("/chargeable and /not-chargeable", () => {
  it("labels it, hands it to the account manager, takes support off, and says why and how big", () => {
    const plan = run("/chargeable M a new booking plugin", {
      snapshot: ticket({ assignees: ["erin", "olly"] }),
    });
    expect(plan.actions.filter((a) => a.kind !== "create-comment")).toEqual([
      { kind: "add-labels", labels: ["chargeable"] },
      { kind: "unassign", logins: ["erin", "olly"] },
      { kind: "assign", logins: ["dave"] },
      { kind: "react", commentId: 42, reaction: "+1" },
    ]);
    expect(createdComments(plan.actions)).toEqual([
      [
        "**Chargeable work.** @dave, this is yours now as a lead: it is outside the support service, so the service-level clocks have stopped.",
        "",
        "- Rough size: M",
        "- Why: a new booking plugin",
        "",
        "Please contact the client to agree a plan. Staff can undo this with `/not-chargeable`.",
      ].join("\n"),
    ]);
  });

  it("the clocks stop, and the card says who has it", () => {
    const before = ticket();
    const after = applyActions(before, run("/chargeable S new section").actions, local(AT));
    const plan = refresh(after, "2026-10-20 17:00");
    expect(plan.sla.paused).toBe(true);
    const card = actionsOf(plan.actions, "update-comment")[0]?.body;
    expect(card).toContain("| Status | chargeable: with the account manager |");
    expect(card).toContain("| First response | 8 working hours | on hold | ⏸️ paused |");
    expect(createdComments(plan.actions)).toEqual([]);
  });

  it("the account manager already assigned stays assigned", () => {
    const plan = run("/chargeable L redesign", { snapshot: ticket({ assignees: ["dave", "erin"] }) });
    expect(plan.actions.filter((a) => a.kind === "assign" || a.kind === "unassign")).toEqual([
      { kind: "unassign", logins: ["erin"] },
      { kind: "assign", logins: ["dave"] },
    ]);
  });

  it("a client without an account manager: nobody is assigned and the comment says so", () => {
    const plan = run("/chargeable M new shop page", { snapshot: ticket({ repo: "glenmore/shop" }) });
    expect(actionsOf(plan.actions, "assign")).toEqual([]);
    expect(createdComments(plan.actions)[0]).toMatch(
      /^\*\*Chargeable work\.\*\* No account manager is configured for this client, so it needs one assigned by hand:/,
    );
  });

  it("size and reason that are missing are written as not given", () => {
    expect(createdComments(run("/chargeable").actions)[0]).toContain(
      "- Rough size: not given\n- Why: not given",
    );
  });

  it("the reason cannot mention anyone or forge a marker in Firstline's comment", () => {
    const plan = run("/chargeable M ask @carol and @acme/web-team <!-- firstline:card --> <b>now</b>");
    const comment = createdComments(plan.actions)[0] ?? "";
    expect(comment).not.toMatch(/@(carol|acme)/);
    expect(comment).not.toContain("<!--");
    expect(comment).not.toContain("<b>");
    const after = applyActions(ticket(), plan.actions, local(AT));
    const card = markersIn({ comments: after.comments, botLogin: BOT }).get("card");
    expect(card?.body.startsWith("### Ticket card")).toBe(true);
  });

  it("/not-chargeable takes the label off, and the card stops suggesting it", () => {
    const suggested = openedTicket({
      repo: "acme/website",
      title: "Events",
      body: "We would like a new feature: an events calendar",
      opened: MONDAY,
    });
    const chargeable = addSteps(suggested, [["labeled", "2026-10-19 10:30", "alice", "chargeable"]]);
    expect(labelActions(run("/not-chargeable", { snapshot: chargeable }))).toEqual([
      { kind: "remove-labels", labels: ["chargeable"] },
    ]);
    expect(labelActions(run("/not-chargeable", { snapshot: suggested }))).toEqual([]);
    const declined = addSteps(suggested, [["commented", AT, "alice", "/not-chargeable"]]);
    expect(actionsOf(refresh(declined, "2026-10-19 11:01").actions, "update-comment")[0]?.body).not.toContain(
      "This may be work outside support",
    );
  });
});

describe("bad arguments get a helpful reply", () => {
  it.each([
    { body: "/priority P5", problem: "`/priority` takes one of P1, P2, P3, P4" },
    { body: "/priority", problem: "`/priority` takes one of P1, P2, P3, P4" },
    {
      body: "/client nobody",
      problem: "there is no client `nobody`; known: `acme`, `riverside`, `glenmore`",
    },
    { body: "/client", problem: "there is no client `(none given)`; known: `acme`, `riverside`, `glenmore`" },
    { body: "/type feature", problem: "`/type` takes one of bug, change, question, alert, maintenance" },
  ])("$body", ({ body, problem }) => {
    const plan = run(body);
    expect(labelActions(plan)).toEqual([]);
    expect(reactions(plan)).toEqual(["confused"]);
    expect(createdComments(plan.actions)).toEqual([`@alice, I could not do all of that: ${problem}.`]);
  });

  it("good commands still apply when another in the same comment is bad", () => {
    const plan = run("/priority P2\n/type feature");
    expect(labelActions(plan)).toEqual([
      { kind: "add-labels", labels: ["priority: P2"] },
      { kind: "remove-labels", labels: ["priority: P3"] },
    ]);
    expect(createdComments(plan.actions)).toEqual([
      "@alice, I could not do all of that: `/type` takes one of bug, change, question, alert, maintenance.",
    ]);
  });

  it("an argument quoted back cannot forge a marker or mention anyone", () => {
    const comment = createdComments(run("/client <!-- firstline:card --> @carol").actions)[0] ?? "";
    expect(comment).not.toContain("<!--");
    expect(comment).not.toMatch(/@carol/);
  });
});

describe("only staff may use commands", () => {
  it("someone else gets one polite refusal, and nothing changes", () => {
    const plan = run("/priority P1", { author: "pat" });
    expect(plan).toEqual({
      actions: [
        {
          kind: "create-comment",
          body: "Thanks @pat. Commands such as `/priority` are for the support team, so nothing has changed; they will pick this up from your comment.\n<!-- firstline:refused:pat -->",
          why: "refusal",
        },
      ],
      refresh: false,
    });
  });

  it("after the refusal, the same person's later commands get only a reaction; another person gets their own refusal", () => {
    const refused = applyActions(ticket(), run("/priority P1", { author: "pat" }).actions, local(AT));
    expect(run("/waiting", { author: "Pat", snapshot: refused, id: 43 })).toEqual({
      actions: [{ kind: "react", commentId: 43, reaction: "confused" }],
      refresh: false,
    });
    expect(createdComments(run("/priority P1", { author: "sam", snapshot: refused }).actions)).toHaveLength(
      1,
    );
  });

  it("a refusal forged by the person themselves does not count", () => {
    const forged = ticket({
      steps: [["commented", "2026-10-19 10:30", "pat", "<!-- firstline:refused:pat -->"]],
    });
    expect(createdComments(run("/priority P1", { author: "pat", snapshot: forged }).actions)).toHaveLength(1);
  });

  it("a bot is never staff, even when listed among the staff logins", () => {
    expect(ticketConfig.staff.logins).toContain("renovate[bot]");
    const plan = run("/priority P1\n/chargeable M new page", { author: "renovate[bot]" });
    expect(labelActions(plan)).toEqual([]);
    expect(plan.actions.filter((a) => a.kind === "assign" || a.kind === "unassign")).toEqual([]);
    expect(plan.refresh).toBe(false);
  });

  // Regression (fixed): the refusal's marker key holds the bot's login, `refused:renovate[bot]`, but markersIn only
  // reads keys made of [A-Za-z0-9:._@/ -], so the refusal is never found again and every command a
  // bot writes gets another refusal comment (two bots can answer each other for ever). The refusal
  // also mentions `@renovatebot`, a different account (see safe-text's `mention`).
  it("a bot gets at most one refusal per ticket", () => {
    const refused = applyActions(
      ticket(),
      run("/priority P1", { author: "renovate[bot]" }).actions,
      local(AT),
    );
    expect(
      createdComments(run("/priority P1", { author: "renovate[bot]", snapshot: refused, id: 43 }).actions),
    ).toEqual([]);
  });
});
