import { describe, expect, it } from "vitest";
import type { TicketAction } from "../../../src/core/ticket/actions.js";
import { planNewTicket } from "../../../src/core/ticket/plan-new-ticket.js";
import { classifyTicket } from "../../../src/core/triage/classify.js";
import { local } from "../../helpers/calendars.js";
import {
  COMPLETE_BUG_TEXT,
  formBody,
  ticketConfig,
  ticketPolicy,
  WAITING,
} from "../../helpers/ticket-fixtures.js";
import { actionsOf } from "../../helpers/ticket-snapshot.js";

/** Triage and plan a new issue opened at a London wall-clock time (or an ISO instant ending in Z). */
function open(params: {
  repo: string;
  title: string;
  body?: string | null;
  at: string;
  labels?: readonly string[];
  isPullRequest?: boolean;
}): TicketAction[] {
  const decision = classifyTicket({
    config: ticketConfig,
    issue: {
      repo: params.repo,
      title: params.title,
      body: params.body ?? null,
      isPullRequest: params.isPullRequest ?? false,
    },
  });
  const createdAt = params.at.endsWith("Z") ? Date.parse(params.at) : local(params.at);
  return planNewTicket({
    decision,
    policy: ticketPolicy,
    issue: { repo: params.repo, number: 7, author: "pat", createdAt, labels: params.labels ?? [] },
    now: createdAt,
  });
}

/** An outage report with every detail a bug report needs. */
const OUTAGE_TEXT =
  "1. Open https://www.example.org\n2. Wait\nIt should load, but it shows a 503 error for everyone.";

function card(actions: readonly TicketAction[]): string {
  const [comment, ...more] = actionsOf(actions, "create-comment");
  if (!comment || more.length > 0) throw new Error("expected exactly one comment");
  return comment.body;
}

function labelsAdded(actions: readonly TicketAction[]): readonly string[] {
  return actionsOf(actions, "add-labels").flatMap((a) => a.labels);
}

describe("a new ticket costs two writes: one labels call and one card", () => {
  it.each([
    {
      what: "a change request in a client's repository",
      repo: "riverside/portal",
      title: "Opening hours",
      body: "Please update the opening hours",
    },
    {
      what: "a bug report that lacks details",
      repo: "riverside/portal",
      title: "Contact form broken",
      body: "It is broken",
    },
    {
      what: "an unknown client in the helpdesk",
      repo: "agency/helpdesk",
      title: "Our homepage is down",
      body: null,
    },
    {
      what: "a form with every answer",
      repo: "agency/helpdesk",
      title: "[Support] Form",
      body: formBody({
        organisation: "acme",
        type: "A question",
        summary: "How do I add a user?",
        impact: "No rush: a background request or a question",
      }),
    },
  ])("$what", ({ repo, title, body }) => {
    const actions = open({ repo, title, body, at: "2026-10-19 11:00" });
    expect(actions.map((a) => a.kind)).toEqual(["add-labels", "create-comment"]);
    expect(card(actions)).toMatch(/^### Ticket card\n/);
    expect(card(actions).endsWith("<!-- firstline:card -->")).toBe(true);
  });

  it("labels already on the issue are not added again; with all of them there, only the card is posted", () => {
    const some = open({
      repo: "riverside/portal",
      title: "Contact form broken",
      body: COMPLETE_BUG_TEXT,
      at: "2026-10-19 11:00",
      labels: ["type: bug"],
    });
    expect(labelsAdded(some)).toEqual(["client: riverside", "priority: P3"]);
    const all = open({
      repo: "riverside/portal",
      title: "Contact form broken",
      body: COMPLETE_BUG_TEXT,
      at: "2026-10-19 11:00",
      labels: ["client: riverside", "priority: P3", "type: bug"],
    });
    expect(all.map((a) => a.kind)).toEqual(["create-comment"]);
  });

  it.each([
    { what: "a pull request", repo: "acme/website", isPullRequest: true },
    { what: "an issue outside the ticket repositories", repo: "agency/firstline", isPullRequest: false },
  ])("$what plans nothing", ({ repo, isPullRequest }) => {
    expect(open({ repo, title: "Site is down", at: "2026-10-19 11:00", isPullRequest })).toEqual([]);
  });
});

describe("a label a person already set is not overridden", () => {
  it("a priority in the payload stays, and the card measures against it", () => {
    const actions = open({
      repo: "riverside/portal",
      title: "Footer colour",
      body: "No rush",
      at: "2026-10-19 11:00",
      labels: ["priority: P2"],
    });
    expect(labelsAdded(actions)).toEqual(["client: riverside", "type: question"]);
    expect(card(actions)).toContain("| Priority | P2 High |");
    expect(card(actions)).toContain(
      "| First response | 1 working hour | Mon 19 Oct 12:00 BST | ⏳ running |",
    );
  });

  it.each([
    { set: "client: glenmore", expectCard: "| Client | Glenmore Whisky (`glenmore`) |" },
    { set: "type: change", expectCard: "| Type | change |" },
  ])("$set stays", ({ set, expectCard }) => {
    const actions = open({
      repo: "agency/helpdesk",
      title: "How do I add a page?",
      body: "Acme here",
      at: "2026-10-19 11:00",
      labels: [set],
    });
    const prefix = set.split(": ")[0] ?? "";
    expect(labelsAdded(actions).filter((l) => l.startsWith(`${prefix}: `))).toEqual([]);
    expect(card(actions)).toContain(expectCard);
    expect(card(actions)).not.toContain("which organisation is this for?");
  });

  // Regression (fixed): the needs-info labels follow triage's own guess of the type even when a person (here the
  // reporter's template) already said the ticket is a question: the card reads "Type | question"
  // yet asks for steps to reproduce and pauses the clock. Needs info is for bug reports only.
  it("a type a person set decides whether details are asked for", () => {
    const actions = open({
      repo: "riverside/portal",
      title: "Contact form",
      body: "The contact form is broken, how do we reset it",
      at: "2026-10-19 11:00",
      labels: ["type: question"],
    });
    expect(labelsAdded(actions)).not.toContain("needs: info");
    expect(card(actions)).not.toContain("please reply with");
  });
});

describe("the card", () => {
  it.each([
    {
      what: "P3 in summer time: due the same day, BST",
      repo: "riverside/portal",
      title: "Opening hours",
      body: "Please update the opening hours",
      at: "2026-10-19 10:00",
      rows: [
        "| Client | Riverside Housing (`riverside`) |",
        "| Priority | P3 Normal |",
        "| Plan | standard, working hours only |",
        "| Type | change |",
        "| Status | open |",
        "| First response | 8 working hours | Mon 19 Oct 18:00 BST | ⏳ running |",
      ],
    },
    {
      what: "P3 on Christmas Eve: over Christmas, the weekend and the Boxing Day substitute, GMT",
      repo: "riverside/portal",
      title: "Opening hours",
      body: "Please update the opening hours",
      at: "2026-12-24 17:00",
      rows: ["| First response | 8 working hours | Tue 29 Dec 17:00 GMT | ⏳ running |"],
    },
    {
      what: "P3 opened on a Saturday starts on Monday 10:00",
      repo: "riverside/portal",
      title: "Opening hours",
      body: "Please update the opening hours",
      at: "2026-10-17 09:00",
      rows: ["| First response | 8 working hours | Mon 19 Oct 18:00 BST | ⏳ running |"],
    },
    {
      what: "a Scottish client keeps the 2 January substitute holiday",
      repo: "glenmore/shop",
      title: "Opening hours",
      body: "Please update the opening hours",
      at: "2026-12-31 17:00",
      rows: [
        "| Plan | standard, with out-of-hours cover |",
        "| First response | 8 working hours | Tue 5 Jan 17:00 GMT | ⏳ running |",
      ],
    },
    {
      what: "an English client does not",
      repo: "riverside/portal",
      title: "Opening hours",
      body: "Please update the opening hours",
      at: "2026-12-31 17:00",
      rows: ["| First response | 8 working hours | Mon 4 Jan 17:00 GMT | ⏳ running |"],
    },
    {
      what: "P1 with out-of-hours cover: 24/7, due at night",
      repo: "acme/website",
      title: "Site is down",
      body: OUTAGE_TEXT,
      at: "2026-10-24 02:00",
      rows: [
        "| Priority | P1 Urgent |",
        "| Plan | enhanced, with out-of-hours cover |",
        "| First response | 30 minutes (24/7) | Sat 24 Oct 02:30 BST | ⏳ running |",
      ],
    },
    {
      what: "P1 with cover across the clocks going back: 01:45 BST (the first one) + 30 minutes is 01:15 GMT",
      repo: "acme/website",
      title: "Site is down",
      body: OUTAGE_TEXT,
      at: "2026-10-25T00:45:00Z",
      rows: ["| First response | 30 minutes (24/7) | Sun 25 Oct 01:15 GMT | ⏳ running |"],
    },
    {
      what: "P1 without cover: the hour counts in working time, not marked 24/7",
      repo: "riverside/portal",
      title: "Site is down",
      body: OUTAGE_TEXT,
      at: "2026-10-24 02:00",
      rows: [
        "| Plan | standard, working hours only |",
        "| First response | 1 hour | Mon 26 Oct 11:00 GMT | ⏳ running |",
      ],
    },
    {
      what: "P4: first response in 5 working days",
      repo: "riverside/portal",
      title: "Footer colour",
      body: "No rush",
      at: "2026-10-19 10:00",
      rows: [
        "| Priority | P4 Low |",
        "| First response | 5 working days | Fri 23 Oct 18:00 BST | ⏳ running |",
      ],
    },
  ])("$what", ({ repo, title, body, at, rows }) => {
    const text = card(open({ repo, title, body, at }));
    for (const row of rows) expect(text).toContain(row);
  });

  // Regression (fixed): a terse outage report ("Site is down") reads as a bug report without details, so triage
  // adds the waiting-on-client pause even at P1: the 24/7 clock is on hold, nothing can go at risk
  // or breach, and the on-call person is never told. Asking for details is fine; pausing a P1 is not.
  it("a P1 outage reported in one line is not paused waiting for details", () => {
    const actions = open({ repo: "acme/website", title: "Site is down", body: null, at: "2026-10-24 02:00" });
    expect(labelsAdded(actions)).toContain("priority: P1");
    expect(labelsAdded(actions)).not.toContain(WAITING);
    expect(card(actions)).toContain(
      "| First response | 30 minutes (24/7) | Sat 24 Oct 02:30 BST | ⏳ running |",
    );
  });

  it("an unknown client: the card says so and asks the reporter which organisation", () => {
    const text = card(
      open({
        repo: "agency/helpdesk",
        title: "Homepage is slow",
        body: "Since this morning",
        at: "2026-10-19 11:00",
      }),
    );
    expect(text).toContain("| Client | not known yet |");
    expect(text).toContain(
      "@pat, which organisation is this for? Reply here and we will take it from there.",
    );
  });

  it("a known client: no question", () => {
    expect(
      card(open({ repo: "agency/helpdesk", title: "Acme homepage is slow", at: "2026-10-19 11:00" })),
    ).not.toContain("which organisation");
  });

  it.each([
    {
      what: "everything missing",
      body: "It is broken",
      items: ["steps to reproduce", "the page or URL affected", "expected and actual behaviour"],
    },
    {
      what: "only the page missing",
      body: "It is broken.\n1. Fill in the form\n2. Press send\nIt should send, but it shows an error.",
      items: ["the page or URL affected"],
    },
  ])(
    "a bug report with $what: the card asks for exactly that, and the clock is on hold",
    ({ body, items }) => {
      const actions = open({
        repo: "riverside/portal",
        title: "Contact form broken",
        body,
        at: "2026-10-19 11:00",
      });
      expect(labelsAdded(actions)).toEqual(expect.arrayContaining(["needs: info", WAITING]));
      const text = card(actions);
      expect(text).toContain(
        `**We need a little more to reproduce this.** @pat, please reply with:\n${items.map((i) => `- ${i}`).join("\n")}\n\nThe service-level clock is paused until you do.`,
      );
      expect(text).toContain("| Status | on hold (waiting) |");
      expect(text).toContain("| First response | 8 working hours | on hold | ⏸️ paused |");
    },
  );

  it("a complete bug report: no question, the clock runs", () => {
    const text = card(
      open({
        repo: "riverside/portal",
        title: "Contact form broken",
        body: COMPLETE_BUG_TEXT,
        at: "2026-10-19 11:00",
      }),
    );
    expect(text).not.toContain("please reply with");
    expect(text).toContain("| First response | 8 working hours | Tue 20 Oct 11:00 BST | ⏳ running |");
  });

  it("work that looks chargeable: the card suggests it, staff confirm", () => {
    const text = card(
      open({
        repo: "acme/website",
        title: "Events",
        body: "We would like a new feature: an events calendar",
        at: "2026-10-19 11:00",
      }),
    );
    expect(text).toContain(
      '> This may be work outside support (it mentions "new feature"). Staff can confirm with `/chargeable <size> <reason>`.',
    );
  });
});
