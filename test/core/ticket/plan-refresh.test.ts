import { describe, expect, it } from "vitest";
import { BOT, COMPLETE_BUG_TEXT, formBody, responders, WAITING } from "../../helpers/ticket-fixtures.js";
import { refresh, settle } from "../../helpers/ticket-refresh.js";
import {
  actionsOf,
  addSteps,
  botCard,
  createdComments,
  openedTicket,
} from "../../helpers/ticket-snapshot.js";

const MONDAY = "2026-10-19 10:00";

describe("a quiet ticket plans nothing", () => {
  it.each([
    {
      what: "a change request",
      opening: { repo: "riverside/portal", title: "Opening hours", body: "Please update the opening hours" },
    },
    {
      what: "an unknown client in the helpdesk",
      opening: { repo: "agency/helpdesk", title: "Homepage", body: "Please update the homepage text" },
    },
    {
      what: "a bug report that lacks details",
      opening: { repo: "riverside/portal", title: "Contact form broken", body: "It is broken" },
    },
    {
      what: "a complete bug report",
      opening: { repo: "riverside/portal", title: "Contact form broken", body: COMPLETE_BUG_TEXT },
    },
    {
      what: "a form bug report without a page",
      opening: {
        repo: "agency/helpdesk",
        title: "[Support] Form",
        body: formBody({
          organisation: "acme",
          type: "Something is broken",
          summary: "Form fails",
          steps: "1. Send",
          expected: "Thanks",
          actual: "Error",
          impact: "Something is not working as it should, or we need a change",
        }),
      },
    },
    {
      what: "work that looks chargeable",
      opening: {
        repo: "acme/website",
        title: "Events",
        body: "We would like a new feature: an events calendar",
      },
    },
    {
      what: "a P4 request",
      opening: {
        repo: "riverside/portal",
        title: "Footer",
        body: "No rush: please change the footer colour",
      },
    },
  ])(
    "$what: the card posted on opening is current, so a refresh then and later the same hour changes nothing",
    ({ opening }) => {
      const ticket = openedTicket({ ...opening, opened: MONDAY });
      expect(refresh(ticket, MONDAY).actions).toEqual([]);
      expect(refresh(ticket, "2026-10-19 10:59").actions).toEqual([]);
    },
  );

  // Regression (fixed): triage matches chargeable phrases as whole words (classify.ts `contains`), but the card a
  // refresh renders matches them as substrings (card-extras.ts `text.includes`), so "rebuild a page"
  // is no suggestion on opening and becomes "build a" on the first refresh: a quiet ticket's card
  // is rewritten, and it suggests chargeable work for routine support.
  it("a refresh agrees with triage on chargeable phrases", () => {
    const ticket = openedTicket({
      repo: "riverside/portal",
      title: "Please rebuild a page index",
      body: "The search index needs rebuilding",
      opened: MONDAY,
    });
    expect(refresh(ticket, "2026-10-19 10:05").actions).toEqual([]);
  });

  it("run twice on the same snapshot it plans the same; on the snapshot that shows its effects, nothing", () => {
    const ticket = openedTicket({ opened: MONDAY });
    expect(refresh(ticket, "2026-10-19 16:00")).toEqual(refresh(ticket, "2026-10-19 16:00"));
    expect(refresh(settle(ticket, "2026-10-19 16:00"), "2026-10-19 16:00").actions).toEqual([]);
  });
});

describe("the card is edited in place, never posted twice", () => {
  it.each([
    {
      what: "going at risk",
      steps: [],
      at: "2026-10-19 16:00",
      row: "| First response | 8 working hours | Mon 19 Oct 18:00 BST | ⚠️ at risk |",
    },
    {
      what: "a staff reply meets the first response",
      steps: [["commented", "2026-10-19 11:00", "alice", "Looking now"]] as const,
      at: "2026-10-19 11:01",
      row: "| First response | 8 working hours | Mon 19 Oct 18:00 BST | ✅ met |",
    },
    {
      what: "a priority change",
      steps: [["labeled", "2026-10-19 11:30", "alice", "priority: P2"]] as const,
      at: "2026-10-19 11:31",
      row: "| First response | 1 working hour | Mon 19 Oct 11:00 BST | 🔴 breached (reclassified) |",
    },
    {
      what: "a pause",
      steps: [["labeled", "2026-10-19 11:00", "alice", WAITING]] as const,
      at: "2026-10-19 11:01",
      row: "| First response | 8 working hours | on hold | ⏸️ paused |",
    },
    {
      what: "closing",
      steps: [["closed", "2026-10-19 11:00", "alice"]] as const,
      at: "2026-10-19 11:01",
      row: "| Status | closed |",
    },
  ])("$what", ({ steps, at, row }) => {
    const ticket = openedTicket({ opened: MONDAY, steps });
    const card = botCard(ticket);
    const plan = refresh(ticket, at);
    const updates = actionsOf(plan.actions, "update-comment");
    expect(updates).toHaveLength(1);
    expect(updates[0]?.commentId).toBe(card?.id);
    expect(updates[0]?.body).toContain(row);
    expect(createdComments(plan.actions).filter((body) => body.includes("<!-- firstline:card -->"))).toEqual(
      [],
    );
  });

  it("an open ticket without a card gets one; a closed one does not", () => {
    const withoutCard = (steps: Parameters<typeof addSteps>[1]) => {
      const ticket = addSteps(openedTicket({ opened: MONDAY }), steps);
      return { ...ticket, comments: ticket.comments.filter((c) => c.author !== BOT) };
    };
    const created = createdComments(refresh(withoutCard([]), "2026-10-19 11:00").actions);
    expect(created.filter((body) => body.startsWith("### Ticket card"))).toHaveLength(1);
    expect(
      refresh(withoutCard([["closed", "2026-10-19 10:30", "alice"]]), "2026-10-19 11:00").actions,
    ).toEqual([]);
  });

  it("a card forged by someone else is not Firstline's: it is neither edited nor taken as the card", () => {
    const ticket = openedTicket({ opened: MONDAY });
    const forged = {
      id: 77,
      author: "mallory",
      createdAt: ticket.createdAt,
      body: "### Ticket card\n| Priority | P1 |\n<!-- firstline:card -->",
    };
    const noCard = { ...ticket, comments: [forged] };
    const plan = refresh(noCard, "2026-10-19 11:00");
    expect(actionsOf(plan.actions, "update-comment")).toEqual([]);
    expect(createdComments(plan.actions).filter((body) => body.startsWith("### Ticket card"))).toHaveLength(
      1,
    );
    // With Firstline's own card there too, only that one is edited.
    const both = { ...ticket, comments: [forged, ...ticket.comments] };
    const updates = actionsOf(refresh(both, "2026-10-19 16:00").actions, "update-comment");
    expect(updates.map((u) => u.commentId)).toEqual([botCard(ticket)?.id]);
  });
});

describe("needs info is lifted when the reporter supplies what was missing", () => {
  const terse = {
    repo: "riverside/portal",
    title: "Contact form broken",
    body: "It is broken",
    opened: MONDAY,
  };

  it("the reporter's reply gives everything: both labels go and the card stops asking", () => {
    const ticket = openedTicket({
      ...terse,
      steps: [["commented", "2026-10-19 11:00", "pat", COMPLETE_BUG_TEXT]],
    });
    const plan = refresh(ticket, "2026-10-19 11:01");
    expect(actionsOf(plan.actions, "remove-labels")).toEqual([
      { kind: "remove-labels", labels: ["needs: info", WAITING] },
    ]);
    expect(actionsOf(plan.actions, "update-comment")[0]?.body).not.toContain("please reply with");
    const after = settle(ticket, "2026-10-19 11:01");
    expect(botCard(after)?.body).not.toContain("please reply with");
  });

  // Regression (fixed): the card is rendered from the SLA computed before the planned label changes, so the card
  // written when needs-info is lifted still says "on hold (waiting)" and "paused" although the same
  // plan removes the pause label. The bot's own label events trigger no refresh, so the card stays
  // wrong (no due time) until something else happens on the ticket.
  it("the card written when the pause is lifted shows the clock running again, with its due time", () => {
    const ticket = openedTicket({
      ...terse,
      steps: [["commented", "2026-10-19 11:00", "pat", COMPLETE_BUG_TEXT]],
    });
    const card = actionsOf(refresh(ticket, "2026-10-19 11:01").actions, "update-comment")[0]?.body ?? "";
    expect(card).toContain("| Status | open |");
    expect(card).toContain("| First response | 8 working hours | Tue 20 Oct 11:01 BST | ⏳ running |");
  });

  it("once the labels are gone, the card already shows the clock running, so the next refresh has nothing to do", () => {
    const ticket = openedTicket({
      ...terse,
      steps: [["commented", "2026-10-19 11:00", "pat", COMPLETE_BUG_TEXT]],
    });
    const after = settle(ticket, "2026-10-19 11:01");
    const card = after.comments.find((c) => c.body.includes("<!-- firstline:card -->"))?.body ?? "";
    expect(card).toContain("| First response | 8 working hours | Tue 20 Oct 11:01 BST | ⏳ running |");
    expect(refresh(after, "2026-10-19 11:02").actions).toEqual([]);
  });

  it("the reporter's edit of the description counts too", () => {
    const ticket = openedTicket({
      ...terse,
      steps: [["edited", "2026-10-19 11:00", "pat", COMPLETE_BUG_TEXT]],
    });
    expect(actionsOf(refresh(ticket, "2026-10-19 11:01").actions, "remove-labels")).toEqual([
      { kind: "remove-labels", labels: ["needs: info", WAITING] },
    ]);
  });

  it("a partial reply keeps both labels, and the card asks only for what is still missing", () => {
    const ticket = openedTicket({
      ...terse,
      steps: [["commented", "2026-10-19 11:00", "pat", "It is on https://riverside.example/contact"]],
    });
    const plan = refresh(ticket, "2026-10-19 11:01");
    expect(actionsOf(plan.actions, "remove-labels")).toEqual([]);
    expect(actionsOf(plan.actions, "update-comment")[0]?.body).toContain(
      "please reply with:\n- steps to reproduce\n- expected and actual behaviour\n\n",
    );
  });

  it("details from someone other than the reporter do not lift it", () => {
    const ticket = openedTicket({
      ...terse,
      steps: [["commented", "2026-10-19 11:00", "sam", COMPLETE_BUG_TEXT]],
    });
    expect(actionsOf(refresh(ticket, "2026-10-19 11:01").actions, "remove-labels")).toEqual([]);
  });

  it("a waiting label a person put back is theirs: only needs: info goes", () => {
    const ticket = openedTicket({
      ...terse,
      steps: [
        ["unlabeled", "2026-10-19 10:20", "alice", WAITING],
        ["labeled", "2026-10-19 10:30", "alice", WAITING],
        ["commented", "2026-10-19 11:00", "pat", COMPLETE_BUG_TEXT],
      ],
    });
    expect(actionsOf(refresh(ticket, "2026-10-19 11:01").actions, "remove-labels")).toEqual([
      { kind: "remove-labels", labels: ["needs: info"] },
    ]);
  });
});

describe("sla labels follow the state unless a person set or removed them", () => {
  const labelActions = (plan: ReturnType<typeof refresh>) =>
    plan.actions.filter((a) => a.kind === "add-labels" || a.kind === "remove-labels");

  it("at risk, then breached (at risk goes), then met on a new cycle (breached stays for the cycle it happened in)", () => {
    let ticket = openedTicket({ opened: MONDAY });
    expect(labelActions(refresh(ticket, "2026-10-19 16:00"))).toEqual([
      { kind: "add-labels", labels: ["sla: at risk"] },
    ]);
    ticket = settle(ticket, "2026-10-19 16:00");
    expect(labelActions(refresh(ticket, "2026-10-19 18:00"))).toEqual([
      { kind: "add-labels", labels: ["sla: breached"] },
      { kind: "remove-labels", labels: ["sla: at risk"] },
    ]);
    ticket = settle(ticket, "2026-10-19 18:00");
    // A reply, then closed and reopened: the new cycle's first response is running, so the label goes.
    ticket = addSteps(ticket, [
      ["commented", "2026-10-20 10:30", "alice", "Fixed"],
      ["closed", "2026-10-20 10:31", "alice"],
      ["reopened", "2026-10-20 11:00", "pat"],
    ]);
    expect(labelActions(refresh(ticket, "2026-10-20 11:01"))).toEqual([
      { kind: "remove-labels", labels: ["sla: breached"] },
    ]);
  });

  it("a label a person removed is not put back", () => {
    let ticket = settle(openedTicket({ opened: MONDAY }), "2026-10-19 16:00");
    ticket = addSteps(ticket, [["unlabeled", "2026-10-19 16:30", "alice", "sla: at risk"]]);
    expect(labelActions(refresh(ticket, "2026-10-19 17:00"))).toEqual([]);
    // Breaching is news: that label is added (and at risk is still left alone).
    expect(labelActions(refresh(ticket, "2026-10-19 18:00"))).toEqual([
      { kind: "add-labels", labels: ["sla: breached"] },
    ]);
  });

  it("a label a person added is not taken off", () => {
    const ticket = openedTicket({
      opened: MONDAY,
      steps: [["labeled", "2026-10-19 11:00", "alice", "sla: at risk"]],
    });
    expect(labelActions(refresh(ticket, "2026-10-19 11:30"))).toEqual([]);
  });
});

describe("markers count only in Firstline's own comments", () => {
  it.each([
    { what: "the reporter", author: "pat" },
    { what: "staff", author: "alice" },
    { what: "another app", author: "other-app[bot]" },
  ])("a notice marker forged by $what does not stop the notice", ({ author }) => {
    const forged = "<!-- firstline:notice:c1:firstResponse:1:at-risk -->";
    const ticket = openedTicket({
      opened: MONDAY,
      steps: [["commented", "2026-10-19 15:00", author, `see ${forged}`]],
    });
    const notices = createdComments(refresh(ticket, "2026-10-19 16:00").actions).filter((body) =>
      body.includes(forged),
    );
    expect(notices).toHaveLength(author === "alice" ? 0 : 1);
  });

  it("the bot's login is compared without regard to case", () => {
    const ticket = openedTicket({ opened: MONDAY });
    const shouting = {
      ...ticket,
      comments: ticket.comments.map((c) => ({ ...c, author: c.author.toUpperCase() })),
    };
    expect(refresh(shouting, "2026-10-19 10:30", responders(true)).actions).toEqual([]);
  });
});
