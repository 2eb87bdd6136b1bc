import { describe, expect, it } from "vitest";
import { planProjectSync, writesOf, type KnownItem } from "../../../src/core/project/plan-project-sync.js";
import { itemValuesOf } from "../../../src/core/project/item-values.js";
import { planSweep, type SweptTicket } from "../../../src/core/sweep/plan-sweep.js";
import type { TicketSnapshot } from "../../../src/core/ticket/snapshot.js";
import { local } from "../../helpers/calendars.js";
import { BOT, responders, ticketConfig, ticketPolicy, WAITING } from "../../helpers/ticket-fixtures.js";
import { addSteps, bareTicket } from "../../helpers/ticket-snapshot.js";
import { settle } from "../../helpers/ticket-refresh.js";

const ZONE = "Europe/London";

function swept(snapshots: readonly TicketSnapshot[], at: string): SweptTicket[] {
  return planSweep({
    tickets: snapshots,
    config: ticketConfig,
    policy: ticketPolicy,
    botLogin: BOT,
    responders: responders(true),
    now: local(at),
  });
}

/** A ticket carded at 10:00 on Thursday 3 December 2026 (a working day in London). */
function ticket(number: number, repo = "riverside/portal"): TicketSnapshot {
  return settle({ ...bareTicket({ repo, opened: "2026-12-03 10:00" }), number }, "2026-12-03 10:00");
}

/** The items a previous sweep left, with the values it wrote. */
function itemsFor(tickets: readonly SweptTicket[]): KnownItem[] {
  return tickets.map((t, i) => ({
    itemId: `item${i}`,
    repo: t.snapshot.repo,
    number: t.snapshot.number,
    kind: "issue",
    open: true,
    archived: false,
    values: itemValuesOf({ ticket: t, responders: responders(true), zone: ZONE }),
  }));
}

const plan = (tickets: readonly SweptTicket[], items: readonly KnownItem[]) =>
  planProjectSync({
    tickets,
    items,
    responders: responders(true),
    zone: ZONE,
    isTicketRepository: () => true,
    canHoldIssues: (repo) => repo.startsWith("riverside/"),
    wasRead: () => true,
  });

describe("keeping the Project in step with the open tickets", () => {
  it("a new ticket is added with every field that has a value; one of another organisation as a draft", () => {
    const tickets = swept([ticket(1), ticket(2, "acme/website")], "2026-12-03 11:00");
    const changes = plan(tickets, []);
    expect(changes.map((c) => (c.kind === "add" ? [c.repo, c.draft] : c.kind))).toEqual([
      ["acme/website", true],
      ["riverside/portal", false],
    ]);
    const riverside = changes.find((c) => c.repo === "riverside/portal");
    expect(
      riverside?.kind === "add" ? Object.fromEntries(riverside.set.map((w) => [w.field, w.value])) : null,
    ).toEqual({
      Client: "riverside",
      Priority: "P3",
      Type: "change",
      "SLA state": "running",
      "Next due": "2026-12-03",
      "Next due time": "18:00 GMT",
      "Waiting on": "us",
      "On support": "@erin, @olly",
    });
  });

  it("a quiet sweep plans nothing", () => {
    const before = swept([ticket(1), ticket(2)], "2026-12-03 11:00");
    expect(plan(swept([ticket(1), ticket(2)], "2026-12-03 11:30"), itemsFor(before))).toEqual([]);
  });

  it("a breach changes only the SLA state field: one write a ticket", () => {
    const before = swept([ticket(1), ticket(2)], "2026-12-03 16:30");
    const changes = plan(swept([ticket(1), ticket(2)], "2026-12-03 18:30"), itemsFor(before));
    expect(changes.map((c) => (c.kind === "update" ? c.set : c))).toEqual([
      [{ field: "SLA state", value: "breached" }],
      [{ field: "SLA state", value: "breached" }],
    ]);
    expect(changes.map(writesOf)).toEqual([1, 1]);
  });

  it("a closed ticket's item is archived; an open one of a repository the sweep could not read is kept", () => {
    const items: KnownItem[] = [
      {
        itemId: "a",
        repo: "riverside/portal",
        number: 1,
        kind: "issue",
        open: false,
        archived: false,
        values: {},
      },
      {
        itemId: "b",
        repo: "acme/website",
        number: 2,
        kind: "draft",
        open: null,
        archived: false,
        values: {},
      },
      {
        itemId: "c",
        repo: "glenmore/shop",
        number: 3,
        kind: "draft",
        open: null,
        archived: false,
        values: {},
      },
    ];
    const changes = planProjectSync({
      tickets: [],
      items,
      responders: null,
      zone: ZONE,
      isTicketRepository: () => true,
      canHoldIssues: () => true,
      wasRead: (repo) => repo !== "glenmore/shop",
    });
    expect(changes).toEqual([
      { kind: "archive", itemId: "a", repo: "riverside/portal", number: 1 },
      { kind: "archive", itemId: "b", repo: "acme/website", number: 2 },
    ]);
  });

  it("items of repositories that hold no tickets are people's own and left alone", () => {
    const items: KnownItem[] = [
      {
        itemId: "x",
        repo: "northgate/roadmap",
        number: 9,
        kind: "issue",
        open: false,
        archived: false,
        values: {},
      },
    ];
    expect(
      planProjectSync({
        tickets: [],
        items,
        responders: null,
        zone: ZONE,
        isTicketRepository: (repo) => repo !== "northgate/roadmap",
        canHoldIssues: () => true,
        wasRead: () => true,
      }),
    ).toEqual([]);
  });

  it("a paused ticket shows paused with no due date; the due time is local (summer time in June)", () => {
    const paused = swept(
      [addSteps(ticket(1), [["labeled", "2026-12-03 10:30", "alice", WAITING]])],
      "2026-12-03 11:00",
    )[0];
    expect(paused ? itemValuesOf({ ticket: paused, responders: null, zone: ZONE }) : null).toMatchObject({
      "SLA state": "paused",
      "Next due": null,
      "Next due time": null,
      "Waiting on": "client",
      "On support": null,
    });
    const june = swept(
      [settle({ ...bareTicket({ opened: "2026-06-03 10:00" }), number: 5 }, "2026-06-03 10:00")],
      "2026-06-03 11:00",
    )[0];
    expect(june ? itemValuesOf({ ticket: june, responders: null, zone: ZONE })["Next due time"] : null).toBe(
      "18:00 BST",
    );
  });
});
