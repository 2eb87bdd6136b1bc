import { describe, expect, it } from "vitest";
import { planTicketPage } from "../../../src/core/paging/ticket-page.js";
import { issueOfPageKey, pageKey } from "../../../src/core/paging/page-event.js";
import type { Responders } from "../../../src/core/ticket/responders.js";
import { local } from "../../helpers/calendars.js";
import { BOT, responders, ticketConfig, ticketPolicy } from "../../helpers/ticket-fixtures.js";
import { addSteps, bareTicket, type TicketStep } from "../../helpers/ticket-snapshot.js";

const OUTAGE = "The site is down";

function ticket(params: {
  repo: string;
  opened: string;
  labels: readonly string[];
  steps?: readonly TicketStep[];
}) {
  const bare = bareTicket({ repo: params.repo, opened: params.opened, title: "Site down", body: OUTAGE });
  const labelled = addSteps(
    bare,
    params.labels.map((l) => ["labeled", params.opened, BOT, l] as const),
  );
  return addSteps(labelled, params.steps ?? []);
}

function plan(snapshot: ReturnType<typeof ticket>, at: string, who: Responders = responders(false)) {
  return planTicketPage({
    snapshot,
    policy: ticketPolicy,
    config: ticketConfig,
    responders: who,
    botLogin: BOT,
    now: local(at),
  });
}

describe("planTicketPage", () => {
  it.each([
    {
      what: "a covered client's P1 at 02:00 Saturday pages",
      repo: "acme/website",
      opened: "2026-12-05 02:00",
      labels: ["priority: P1", "client: acme"],
      at: "2026-12-05 02:00",
      pages: true,
    },
    {
      what: "the same, found by a sweep an hour late, still pages",
      repo: "acme/website",
      opened: "2026-12-05 02:00",
      labels: ["priority: P1", "client: acme"],
      at: "2026-12-05 03:00",
      pages: true,
    },
    {
      what: "a client without cover never pages",
      repo: "riverside/portal",
      opened: "2026-12-05 02:00",
      labels: ["priority: P1", "client: riverside"],
      at: "2026-12-05 02:00",
      pages: false,
    },
    {
      what: "a P2 of a covered client does not page",
      repo: "acme/website",
      opened: "2026-12-05 02:00",
      labels: ["priority: P2", "client: acme"],
      at: "2026-12-05 02:00",
      pages: false,
    },
    {
      what: "a P1 that became P1 in working hours does not page at night",
      repo: "acme/website",
      opened: "2026-12-04 17:00",
      labels: ["priority: P1", "client: acme"],
      at: "2026-12-04 19:00",
      pages: false,
    },
    {
      what: "an alert issue pages through the alert intake, not here",
      repo: "acme/website",
      opened: "2026-12-05 02:00",
      labels: ["priority: P1", "client: acme", "type: alert"],
      at: "2026-12-05 02:00",
      pages: false,
    },
  ])("$what", ({ repo, opened, labels, at, pages }) => {
    const result = plan(ticket({ repo, opened, labels }), at);
    expect(result !== null && result.event !== null).toBe(pages);
  });

  it("in working hours nothing pages", () => {
    expect(
      plan(
        ticket({
          repo: "acme/website",
          opened: "2026-12-07 11:00",
          labels: ["priority: P1", "client: acme"],
        }),
        "2026-12-07 11:00",
        responders(true),
      ),
    ).toBeNull();
  });

  it("pages the primary with the page marker, once per spell as P1; raised again later, it pages again", () => {
    const opened = ticket({
      repo: "acme/website",
      opened: "2026-12-05 02:00",
      labels: ["priority: P1", "client: acme"],
    });
    const first = plan(opened, "2026-12-05 02:00");
    expect(first?.event?.logins).toEqual(["pete"]);
    expect(first?.event?.key).toBe("firstline/acme/website#7");
    const body = first?.action.kind === "create-comment" ? first.action.body : "";
    expect(body).toContain("<!-- firstline:alert-page -->");
    expect(body).toContain("Paging @pete, on call");
    const paged = addSteps(opened, [["commented", "2026-12-05 02:00", BOT, body]]);
    expect(plan(paged, "2026-12-05 02:30")).toBeNull();
    const raisedAgain = addSteps(paged, [
      ["unlabeled", "2026-12-05 03:00", "alice", "priority: P1"],
      ["labeled", "2026-12-05 03:00", "alice", "priority: P2"],
      ["unlabeled", "2026-12-05 04:00", "alice", "priority: P2"],
      ["labeled", "2026-12-05 04:00", "alice", "priority: P1"],
    ]);
    expect(plan(raisedAgain, "2026-12-05 04:00")?.event?.action).toBe("trigger");
  });

  it("a marker someone else pasted does not count as the page", () => {
    const opened = ticket({
      repo: "acme/website",
      opened: "2026-12-05 02:00",
      labels: ["priority: P1", "client: acme"],
      steps: [
        [
          "commented",
          "2026-12-05 02:00",
          "mallory",
          `<!-- firstline:ticket-page:${local("2026-12-05 02:00")} -->`,
        ],
      ],
    });
    expect(plan(opened, "2026-12-05 02:01")?.event).not.toBeNull();
  });

  it("with nobody on call, the ticket says so and no pager is told; the second line is paged when there is no primary", () => {
    const opened = ticket({
      repo: "acme/website",
      opened: "2026-12-05 02:00",
      labels: ["priority: P1", "client: acme"],
    });
    const nobody = plan(opened, "2026-12-05 02:00", { support: null, onCall: null, inHours: false });
    expect(nobody?.event).toBeNull();
    expect(nobody?.action.kind === "create-comment" && nobody.action.body).toContain("nobody is paged");
  });
});

describe("page keys", () => {
  it("round-trip, and foreign or hostile keys name no issue", () => {
    expect(issueOfPageKey(pageKey({ repo: "acme/website", number: 12 }))).toEqual({
      repo: "acme/website",
      number: 12,
    });
    for (const key of [
      "",
      "acme/website#12",
      "firstline/acme#12",
      "firstline/acme/website#0",
      "firstline/acme/website#12 ",
      "firstline/../x/y#1\n",
      "firstline/a/b#99999999999",
    ])
      expect(issueOfPageKey(key)).toBeNull();
  });
});
