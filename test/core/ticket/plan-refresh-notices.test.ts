import { describe, expect, it } from "vitest";
import type { Responders } from "../../../src/core/ticket/responders.js";
import type { TicketSnapshot } from "../../../src/core/ticket/snapshot.js";
import { local } from "../../helpers/calendars.js";
import { responders } from "../../helpers/ticket-fixtures.js";
import { refresh, settle } from "../../helpers/ticket-refresh.js";
import { addSteps, createdComments, openedTicket } from "../../helpers/ticket-snapshot.js";

const MONDAY = "2026-10-19 10:00";
const SLOW_SEARCH =
  "1. Open https://www.example.org/search\n2. Search for housing\nIt should answer at once, but it takes half a minute for everyone.";
const OUTAGE =
  "1. Open https://www.example.org\n2. Wait\nIt should load, but it shows a 503 error for everyone.";

const notices = (snapshot: TicketSnapshot, at: string, who: Responders | null = responders(true)) =>
  createdComments(refresh(snapshot, at, who).actions).filter((body) =>
    body.includes("<!-- firstline:notice:"),
  );

describe("at-risk and breached notices: one per metric, state and cycle", () => {
  it("a P3 first response goes at risk at 16:00 and breaches at 18:00: one notice each, to this week's pair", () => {
    let ticket = openedTicket({ opened: MONDAY });
    expect(notices(ticket, "2026-10-19 15:59")).toEqual([]);
    expect(notices(ticket, "2026-10-19 16:00")).toEqual([
      "@erin @olly: **SLA at risk**: 75% of the first response target of 8 working hours for P3 has gone (due Mon 19 Oct 18:00 BST).\n<!-- firstline:notice:c1:firstResponse:1:at-risk -->",
    ]);
    ticket = settle(ticket, "2026-10-19 16:00");
    expect(notices(ticket, "2026-10-19 16:00")).toEqual([]);
    expect(notices(ticket, "2026-10-19 17:59")).toEqual([]);
    expect(notices(ticket, "2026-10-19 18:00")).toEqual([
      "@erin @olly: **SLA breached**: the first response target of 8 working hours for P3 has run out (due Mon 19 Oct 18:00 BST).\n<!-- firstline:notice:c1:firstResponse:1:breached -->",
    ]);
    ticket = settle(ticket, "2026-10-19 18:00");
    expect(notices(ticket, "2026-10-20 10:30")).toEqual([]);
  });

  it("a priority change that puts the ticket back to running and at risk again does not repeat the notice", () => {
    let ticket = settle(openedTicket({ opened: MONDAY }), "2026-10-19 16:00");
    ticket = addSteps(ticket, [["labeled", "2026-10-19 16:10", "alice", "priority: P4"]]);
    expect(notices(ticket, "2026-10-19 16:11")).toEqual([]);
    ticket = addSteps(ticket, [["labeled", "2026-10-19 16:20", "alice", "priority: P3"]]);
    expect(notices(ticket, "2026-10-19 16:21")).toEqual([]);
  });

  it("a breach found by a reclassification says so", () => {
    const ticket = openedTicket({
      opened: MONDAY,
      steps: [["labeled", "2026-10-19 11:30", "alice", "priority: P2"]],
    });
    expect(notices(ticket, "2026-10-19 11:31")).toEqual([
      "@erin @olly: **SLA breached**: the first response target of 1 working hour for P2 was already exceeded when the priority changed (reclassified) (due Mon 19 Oct 11:00 BST).\n<!-- firstline:notice:c1:firstResponse:1:breached -->",
    ]);
  });

  it("a reopened ticket is a new cycle: its own notices, none repeated for the old one", () => {
    let ticket = settle(settle(openedTicket({ opened: MONDAY }), "2026-10-19 16:00"), "2026-10-19 18:00");
    ticket = addSteps(ticket, [
      ["commented", "2026-10-20 10:00", "alice", "Done"],
      ["closed", "2026-10-20 10:01", "alice"],
      ["reopened", "2026-10-21 10:00", "pat"],
    ]);
    const at = notices(ticket, "2026-10-21 16:00");
    expect(at).toHaveLength(1);
    expect(at[0]).toContain("<!-- firstline:notice:c2:firstResponse:1:at-risk -->");
  });

  it("a met or closed ticket gets no notice", () => {
    const met = openedTicket({
      opened: MONDAY,
      steps: [["commented", "2026-10-19 15:00", "alice", "On it"]],
    });
    expect(notices(met, "2026-10-19 16:00")).toEqual([]);
    const closed = openedTicket({ opened: MONDAY, steps: [["closed", "2026-10-19 15:00", "pat"]] });
    expect(refresh(closed, "2026-10-19 18:00").actions.filter((a) => a.kind === "create-comment")).toEqual(
      [],
    );
  });
});

describe("out of hours, notices wait, except P1 for clients with out-of-hours cover", () => {
  it.each([
    {
      what: "P3 breached at 18:00, read at 20:00",
      repo: "riverside/portal",
      title: "Opening hours",
      body: "Please update the hours",
      opened: MONDAY,
      at: "2026-10-19 20:00",
    },
    {
      what: "P2 for a client with cover, read on Saturday",
      repo: "acme/website",
      title: "Search is very slow",
      body: SLOW_SEARCH,
      opened: "2026-10-23 16:00",
      at: "2026-10-24 09:00",
    },
    {
      what: "P1 for a client without cover, read at night",
      repo: "riverside/portal",
      title: "Site is down",
      body: OUTAGE,
      opened: "2026-10-23 17:00",
      at: "2026-10-23 23:00",
    },
  ])("$what: nothing now, the notice comes in hours", ({ repo, title, body, opened, at }) => {
    const ticket = openedTicket({ repo, title, body, opened });
    const night = refresh(ticket, at, responders(false));
    expect(createdComments(night.actions).filter((b) => b.includes("firstline:notice:"))).toEqual([]);
    // Labels and the card still follow the state at night; only people wait.
    expect(night.actions.map((a) => a.kind)).toEqual(["add-labels", "update-comment"]);
    const morning = notices(settle(ticket, at, responders(false)), "2026-10-26 10:00");
    expect(morning).toHaveLength(1);
    expect(morning[0]).toMatch(/^@erin @olly: \*\*SLA breached\*\*/);
  });

  it.each([
    {
      what: "acme (enhanced): 30 minutes",
      repo: "acme/website",
      at: "2026-10-24 02:23",
      due: "Sat 24 Oct 02:30 BST",
    },
    {
      what: "glenmore (standard): 1 hour",
      repo: "glenmore/shop",
      at: "2026-10-24 02:45",
      due: "Sat 24 Oct 03:00 BST",
    },
  ])(
    "P1 for a client with cover, $what: at risk at night goes to the on-call primary alone",
    ({ repo, at, due }) => {
      const ticket = openedTicket({ repo, title: "Site is down", body: OUTAGE, opened: "2026-10-24 02:00" });
      expect(notices(ticket, at, responders(false))).toEqual([
        expect.stringMatching(
          new RegExp(
            `^@pete: \\*\\*SLA at risk\\*\\*: 7\\d% of the first response target of .* for P1 has gone \\(due ${due}\\)\\.`,
          ),
        ),
      ]);
    },
  );

  it("the same P1 in hours goes to the support pair", () => {
    const ticket = openedTicket({
      repo: "acme/website",
      title: "Site is down",
      body: OUTAGE,
      opened: "2026-10-19 11:00",
    });
    expect(notices(ticket, "2026-10-19 11:23")).toEqual([
      expect.stringMatching(/^@erin @olly: \*\*SLA at risk\*\*/),
    ]);
  });

  it("a rota with nobody on call still records the notice, without a mention", () => {
    const ticket = openedTicket({
      repo: "acme/website",
      title: "Site is down",
      body: OUTAGE,
      opened: "2026-10-24 02:00",
    });
    expect(notices(ticket, "2026-10-24 02:31", { support: null, onCall: null, inHours: false })).toEqual([
      expect.stringMatching(/^\*\*SLA breached\*\*/),
    ]);
  });

  // Regression (fixed): with no rota (responders null, which the app passes today) the notice goes out at once,
  // out of hours too: noticeRecipients returns [] instead of "later". The core knows the calendar
  // (sla.terms.calendar), so it can tell working hours itself. Same gap in planNudges.
  it("without a rota, a P3 notice still waits for working hours", () => {
    const ticket = openedTicket({ opened: MONDAY });
    expect(notices(ticket, "2026-10-19 20:00", null)).toEqual([]);
  });
});

describe("follow-up nudge after followUpAfter (3 working days) of quiet", () => {
  const answered = () =>
    openedTicket({
      opened: MONDAY,
      steps: [["commented", "2026-10-19 11:00", "alice", "We will update them this week."]],
    });
  const nudges = (snapshot: TicketSnapshot, at: string, who = responders(true)) =>
    createdComments(refresh(snapshot, at, who).actions).filter((body) =>
      body.includes("firstline:follow-up:"),
    );

  it("once the last comment is 24 working hours old (across the clocks going back), one nudge to the pair", () => {
    const ticket = answered();
    expect(nudges(ticket, "2026-10-22 10:59")).toEqual([]);
    const [nudge, ...more] = nudges(ticket, "2026-10-22 11:00");
    expect(more).toEqual([]);
    expect(nudge).toMatch(
      /^@erin @olly: this ticket has had no reply for 3 working days\. Please follow it up/,
    );
    const after = settle(ticket, "2026-10-22 11:00");
    expect(nudges(after, "2026-10-23 11:00")).toEqual([]);
    expect(nudges(after, "2026-10-28 17:00")).toEqual([]);
  });

  it("a later comment starts a new quiet stretch, which gets its own nudge", () => {
    let ticket = settle(answered(), "2026-10-22 11:00");
    ticket = addSteps(ticket, [["commented", "2026-10-23 12:00", "pat", "Any news?"]]);
    expect(nudges(ticket, "2026-10-28 11:59")).toEqual([]);
    expect(nudges(ticket, "2026-10-28 12:00")).toHaveLength(1);
  });

  it("Firstline's own comments are not activity", () => {
    const ticket = settle(settle(openedTicket({ opened: MONDAY }), "2026-10-19 16:00"), "2026-10-19 18:00");
    expect(nudges(ticket, "2026-10-22 10:00")).toHaveLength(1);
  });

  it.each([
    { what: "out of hours", steps: [], who: responders(false) },
    {
      what: "paused waiting on the client",
      steps: [["labeled", "2026-10-19 12:00", "alice", "status: waiting on client"]] as const,
      who: responders(true),
    },
    {
      what: "chargeable",
      steps: [["labeled", "2026-10-19 12:00", "alice", "chargeable"]] as const,
      who: responders(true),
    },
    { what: "closed", steps: [["closed", "2026-10-19 12:00", "alice"]] as const, who: responders(true) },
  ])("no nudge when $what", ({ steps, who }) => {
    expect(nudges(addSteps(answered(), steps), "2026-10-23 11:00", who)).toEqual([]);
  });
});

describe("waiting-on-client reminder after 5 working days", () => {
  const reminders = (snapshot: TicketSnapshot, at: string) =>
    createdComments(refresh(snapshot, at).actions).filter((body) =>
      body.includes("firstline:waiting-reminder:"),
    );
  const waiting = () =>
    openedTicket({
      opened: MONDAY,
      steps: [
        ["commented", "2026-10-19 11:00", "alice", "Which hours?"],
        ["labeled", "2026-10-19 11:00", "alice", "status: waiting on client"],
      ],
    });

  it("one reminder to the reporter, 40 working hours after the pause began", () => {
    const ticket = waiting();
    expect(reminders(ticket, "2026-10-26 10:59")).toEqual([]);
    expect(reminders(ticket, "2026-10-26 11:00")).toEqual([
      `@pat, we are still waiting for your reply here. When you can, please answer the question above so we can carry on.\n<!-- firstline:waiting-reminder:${local("2026-10-19 11:00")} -->`,
    ]);
    const after = settle(ticket, "2026-10-26 11:00");
    expect(reminders(after, "2026-10-27 11:00")).toEqual([]);
    expect(reminders(after, "2026-11-09 11:00")).toEqual([]);
  });

  it("a ticket waiting for details from triage is reminded too", () => {
    const ticket = openedTicket({ title: "Contact form broken", body: "It is broken", opened: MONDAY });
    expect(reminders(ticket, "2026-10-26 10:00")).toHaveLength(1);
  });

  it("blocked on our side is not waiting on the client", () => {
    const ticket = openedTicket({
      opened: MONDAY,
      steps: [["labeled", "2026-10-19 11:00", "alice", "status: blocked"]],
    });
    expect(reminders(ticket, "2026-10-27 11:00")).toEqual([]);
  });

  // Regression (fixed): the reminder checks the labels the pause ever had (pause.labels accumulates), not the
  // labels on the issue now, and counts from the start of the whole pause: a ticket moved from
  // "waiting on client" to "blocked" (now waiting on us) still reminds the reporter.
  it("moved from waiting on the client to blocked on our side: no reminder to the reporter", () => {
    const ticket = addSteps(waiting(), [
      ["labeled", "2026-10-20 11:00", "alice", "status: blocked"],
      ["unlabeled", "2026-10-20 11:00", "alice", "status: waiting on client"],
    ]);
    expect(reminders(ticket, "2026-10-27 11:00")).toEqual([]);
  });
});

describe("priority review: the reporter's words now suggest a more urgent priority", () => {
  const suggestions = (snapshot: TicketSnapshot, at: string) =>
    createdComments(refresh(snapshot, at).actions).filter((body) =>
      body.includes("firstline:suggest-priority:"),
    );
  const footer = (steps: Parameters<typeof addSteps>[1]) =>
    openedTicket({
      title: "Footer colour",
      body: "No rush: please change the footer colour",
      opened: MONDAY,
      steps,
    });

  it("says so once, and never touches the priority label", () => {
    const ticket = footer([["commented", "2026-10-19 11:00", "pat", "Update: the whole site is down now"]]);
    const plan = refresh(ticket, "2026-10-19 11:01");
    expect(suggestions(ticket, "2026-10-19 11:01")).toEqual([
      "The latest details suggest this may be **P1** rather than P4. Staff can change it with `/priority P1`; Firstline will not change a priority on its own.\n<!-- firstline:suggest-priority:P1 -->",
    ]);
    const labelled = plan.actions.flatMap((a) =>
      a.kind === "add-labels" || a.kind === "remove-labels" ? a.labels : [],
    );
    expect(labelled.filter((l) => l.startsWith("priority: "))).toEqual([]);
    expect(suggestions(settle(ticket, "2026-10-19 11:01"), "2026-10-19 12:00")).toEqual([]);
  });

  it.each([
    {
      what: "words from someone other than the reporter",
      steps: [["commented", "2026-10-19 11:00", "sam", "the site is down"]] as const,
    },
    {
      what: "words that suggest a lower priority",
      steps: [
        ["labeled", "2026-10-19 11:00", "alice", "priority: P2"],
        ["commented", "2026-10-19 11:30", "pat", "no rush at all"],
      ] as const,
    },
    {
      what: "words that suggest the priority it already has",
      steps: [
        ["labeled", "2026-10-19 11:00", "alice", "priority: P2"],
        ["commented", "2026-10-19 11:30", "pat", "it is very slow"],
      ] as const,
    },
    { what: "nothing new", steps: [] },
  ])("no suggestion for $what", ({ steps }) => {
    expect(suggestions(footer(steps), "2026-10-19 11:45")).toEqual([]);
  });
});
