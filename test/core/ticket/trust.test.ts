import { describe, expect, it } from "vitest";
import { approvalsNeeded } from "../../../src/core/rota/change-approvals.js";
import { computeTicketSla } from "../../../src/core/sla/ticket-sla.js";
import { recordedOutcomes } from "../../../src/core/ticket/outcomes.js";
import { timelineOf, untrustedLabelChanges } from "../../../src/core/ticket/snapshot.js";
import { pushedSinceAuthor } from "../../../src/github/rota-pull-request.js";
import { local } from "../../helpers/calendars.js";
import { BOT, ticketPolicy, WAITING } from "../../helpers/ticket-fixtures.js";
import { refresh } from "../../helpers/ticket-refresh.js";
import { openedTicket } from "../../helpers/ticket-snapshot.js";

const trust = { policy: ticketPolicy, botLogin: BOT };

describe("only staff and Firstline steer the clocks", () => {
  it("a priority label the reporter adds is left out of the timeline and put back", () => {
    const ticket = openedTicket({
      opened: "2026-10-19 10:00",
      steps: [["labeled", "2026-10-19 10:05", "pat", "priority: P1"]],
    });
    const sla = computeTicketSla({
      timeline: timelineOf({ snapshot: ticket, ...trust }),
      policy: ticketPolicy,
      now: local("2026-10-19 10:10"),
    });
    expect(sla.priority).toBe("P3");
    expect(untrustedLabelChanges({ snapshot: ticket, ...trust })).toEqual({
      add: [],
      remove: ["priority: P1"],
      by: ["pat"],
    });
  });

  it("a pause label the reporter removes still pauses, and goes back on", () => {
    const ticket = openedTicket({
      opened: "2026-10-19 10:00",
      steps: [
        ["labeled", "2026-10-19 10:05", "alice", WAITING],
        ["unlabeled", "2026-10-19 10:06", "pat", WAITING],
      ],
    });
    const sla = computeTicketSla({
      timeline: timelineOf({ snapshot: ticket, ...trust }),
      policy: ticketPolicy,
      now: local("2026-10-19 12:00"),
    });
    expect(sla.paused).toBe(true);
    expect(untrustedLabelChanges({ snapshot: ticket, ...trust }).add).toEqual([WAITING]);
  });

  it("a label a staff member sets counts, written in any case", () => {
    const ticket = openedTicket({
      opened: "2026-10-19 10:00",
      steps: [["labeled", "2026-10-19 10:05", "alice", "Priority: P2"]],
    });
    const sla = computeTicketSla({
      timeline: timelineOf({ snapshot: ticket, ...trust }),
      policy: ticketPolicy,
      now: local("2026-10-19 10:10"),
    });
    expect(sla.priority).toBe("P2");
    expect(untrustedLabelChanges({ snapshot: ticket, ...trust })).toEqual({ add: [], remove: [], by: [] });
  });

  it("the refresh puts the label back with one note, and says nothing the second time", () => {
    const ticket = openedTicket({
      opened: "2026-10-19 10:00",
      steps: [["labeled", "2026-10-19 10:05", "pat", "priority: P1"]],
    });
    const plan = refresh(ticket, "2026-10-19 10:06");
    expect(plan.actions).toContainEqual({ kind: "remove-labels", labels: ["priority: P1"] });
    const notes = plan.actions.filter(
      (a) => a.kind === "create-comment" && a.body.includes("firstline:labels-refused"),
    );
    expect(notes).toHaveLength(1);
  });
});

describe("a history that stands", () => {
  it("a recorded met outcome stands when the responder is no longer staff", () => {
    const ticket = openedTicket({
      opened: "2026-10-19 10:00",
      steps: [["commented", "2026-10-19 10:30", "departed", "Fixed it."]],
    });
    const card = ticket.comments.find((c) => c.author === BOT);
    const withMarker = {
      ...ticket,
      comments: ticket.comments.map((c) =>
        c === card
          ? {
              ...c,
              body: `${c.body}\n<!-- firstline:outcome:c1:firstResponse:1:met:${local("2026-10-19 10:30")} -->`,
            }
          : c,
      ),
    };
    const sla = computeTicketSla({
      timeline: timelineOf({ snapshot: withMarker, ...trust }),
      policy: ticketPolicy,
      now: local("2026-10-21 10:00"),
      recorded: recordedOutcomes({ comments: withMarker.comments, botLogin: BOT }),
    });
    expect(sla.metrics.find((m) => m.metric === "firstResponse")?.state).toBe("met");
  });

  it("a forged outcome marker from anyone but Firstline counts for nothing", () => {
    const ticket = openedTicket({
      opened: "2026-10-19 10:00",
      steps: [
        [
          "commented",
          "2026-10-19 10:01",
          "pat",
          `<!-- firstline:outcome:c1:firstResponse:1:met:${local("2026-10-19 10:01")} -->`,
        ],
      ],
    });
    expect(recordedOutcomes({ comments: ticket.comments, botLogin: BOT }).size).toBe(0);
  });

  it("the card records an outcome once a metric is decided", () => {
    const ticket = openedTicket({
      opened: "2026-10-19 10:00",
      steps: [["commented", "2026-10-19 10:30", "alice", "On it."]],
    });
    const update = refresh(ticket, "2026-10-19 10:31").actions.find((a) => a.kind === "update-comment");
    expect(update && "body" in update ? update.body : "").toContain(
      `<!-- firstline:outcome:c1:firstResponse:1:met:${local("2026-10-19 10:30")} -->`,
    );
  });

  it("a comment that held commands and was edited into a reply counts from the edit", () => {
    const ticket = openedTicket({ opened: "2026-10-19 10:00" });
    const edited = {
      ...ticket,
      comments: [
        ...ticket.comments,
        {
          id: 1,
          author: "alice",
          createdAt: local("2026-10-19 10:05"),
          editedAt: local("2026-10-19 11:00"),
          body: "/type bug\nLooking at it now.",
        },
      ],
    };
    const timeline = timelineOf({ snapshot: edited, ...trust });
    expect(timeline.events.find((e) => e.type === "commented" && e.by === "alice")?.at).toBe(
      local("2026-10-19 11:00"),
    );
  });
});

describe("rota approvals come from people who have seen the change", () => {
  const changes = [
    { file: "support", week: "2027-01-06", slot: "developer", removed: ["alice"], added: ["jo"], line: 1 },
  ] as const;
  const people = [
    { login: "alice", deliveryLead: "dana" },
    { login: "jo", deliveryLead: "dana" },
  ] as never;

  it("the author's approval lapses after someone else's commit, and the check asks them to look again", () => {
    const approvals = approvalsNeeded({
      changes: changes as never,
      people,
      author: "alice",
      approved: ["jo", "dana"],
      peopleChanged: false,
      pushedByOthers: ["jo"],
    });
    expect(approvals.find((a) => a.login === "alice")).toMatchObject({ given: false, lookAgain: true });
  });

  it("others' commits before the author's last one do not count against the author, nor does a comment review on the head", () => {
    expect(
      pushedSinceAuthor({ pushers: ["alice", "jo", "alice"], author: "Alice", confirmedHead: false }),
    ).toEqual([]);
    expect(pushedSinceAuthor({ pushers: ["alice", "jo"], author: "alice", confirmedHead: false })).toEqual([
      "jo",
    ]);
    expect(pushedSinceAuthor({ pushers: ["alice", "jo"], author: "alice", confirmedHead: true })).toEqual([]);
  });
});
