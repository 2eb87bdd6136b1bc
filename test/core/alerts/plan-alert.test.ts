import { describe, expect, it } from "vitest";
import { parseAlertPayload } from "../../../src/config/alert-payload.js";
import { lastPageAt, type ExistingAlertIssue } from "../../../src/core/alerts/alert-issue.js";
import { planAlert, type AlertPlan } from "../../../src/core/alerts/plan-alert.js";
import type { Alert } from "../../../src/core/alerts/alert.js";
import { alertKey, markersIn } from "../../../src/core/markers.js";
import { local } from "../../helpers/calendars.js";
import { alertConfig, alertPolicy, anAlert, BOT, respondersAt } from "./fixtures.js";

const RUNBOOKS: Record<string, string> = {
  WebsiteDown: "https://northgate.github.io/support/runbooks/website-down.html",
};
const runbookUrlFor = (name: string) => RUNBOOKS[name] ?? null;

function plan(params: {
  alert?: Alert;
  existing?: ExistingAlertIssue | null;
  now?: number;
  onCall?: Parameters<typeof respondersAt>[1];
  config?: typeof alertConfig;
}): AlertPlan {
  const now = params.now ?? local("2026-12-05 02:05");
  return planAlert({
    alert: params.alert ?? anAlert(),
    existing: params.existing ?? null,
    config: params.config ?? alertConfig,
    policy: alertPolicy,
    homeRepo: "northgate/.github",
    runbookUrlFor,
    responders: respondersAt(now, params.onCall),
    now,
    botLogin: BOT,
  });
}

function opened(p: AlertPlan) {
  if (p.kind !== "open") throw new Error(`expected an open plan, got ${p.kind}`);
  return p;
}

/** A working mention: `@` right before a login, not preceded by a word character. */
const liveMentions = (text: string) =>
  [...text.matchAll(/(?:^|[^\w`\u200d])@([A-Za-z0-9][A-Za-z0-9-]*)/g)].map((m) => m[1]);
const markerKeys = (body: string) => [
  ...markersIn({ comments: [{ id: 1, author: BOT, createdAt: 0, body }], botLogin: BOT }).keys(),
];

describe("planAlert: a new alert opens one issue", () => {
  it("opens an issue in the client's first repository with type, priority and client labels, the runbook and a marker", () => {
    const p = opened(plan({}));
    expect(p.repo).toBe("acme/website");
    expect(p.title).toBe("Alert: WebsiteDown (acme): www.acme.example is not answering");
    expect(p.labels).toEqual(["type: alert", "priority: P1", "client: acme"]);
    expect(markerKeys(p.body)).toEqual([
      alertKey("5d1a7e4c0b9f3a21"),
      `alert-fired:${Date.parse("2026-12-05T02:03:00Z")}`,
      "alert-page",
    ]);
    expect(p.body).toContain(
      "**WebsiteDown** is firing for Acme Borough Council (`acme`): critical, so P1 (Urgent). Started Sat 5 Dec 02:03 GMT.",
    );
    expect(p.body).toContain(
      "**Runbook:** [WebsiteDown](https://northgate.github.io/support/runbooks/website-down.html)",
    );
    expect(p.body).toContain(
      "**Source:** [where the alert fired](http://prometheus.northgate.example:9090/graph?g0.expr=probe_success+%3D%3D+0)",
    );
    expect(p.body).toContain(
      "| Label | Value |\n| --- | --- |\n| alertname | WebsiteDown |\n| client | acme |\n| instance | https://www.acme.example |\n| severity | critical |",
    );
    expect(p.body).toContain(
      "| Annotation | Value |\n| --- | --- |\n| description | The probe has failed for 2 minutes. |\n| summary | www.acme.example is not answering |",
    );
  });

  it.each<{ what: string; alert: Partial<Alert>; priority: string; client: string; repo: string }>([
    { what: "critical is P1", alert: {}, priority: "P1", client: "acme", repo: "acme/website" },
    {
      what: "warning is P3",
      alert: { severity: "warning" },
      priority: "P3",
      client: "acme",
      repo: "acme/website",
    },
    { what: "info is P4", alert: { severity: "info" }, priority: "P4", client: "acme", repo: "acme/website" },
    {
      what: "an alert without client goes to the support repository",
      alert: { client: null },
      priority: "P1",
      client: "unknown",
      repo: "northgate/support",
    },
    {
      what: "an unknown client label is client: unknown",
      alert: { client: "nobody" },
      priority: "P1",
      client: "unknown",
      repo: "northgate/support",
    },
  ])("labels: $what", ({ alert, priority, client, repo }) => {
    const p = opened(plan({ alert: anAlert(alert) }));
    expect(p.labels).toEqual(["type: alert", `priority: ${priority}`, `client: ${client}`]);
    expect(p.repo).toBe(repo);
  });

  it("without a support repository, the repository of the configuration takes alerts of no client", () => {
    expect(
      opened(plan({ alert: anAlert({ client: null }), config: { ...alertConfig, supportRepo: null } })).repo,
    ).toBe("northgate/.github");
  });

  it.each<{ what: string; annotations: Record<string, string>; name?: string; expected: string }>([
    {
      what: "the runbook that lists the alert",
      annotations: { runbook_url: "https://elsewhere.example/x" },
      expected: "**Runbook:** [WebsiteDown](https://northgate.github.io/support/runbooks/website-down.html)",
    },
    {
      what: "else the alert's runbook_url",
      name: "DiskFull",
      annotations: { runbook_url: "https://wiki.example/disk (full)" },
      expected: "**Runbook:** [DiskFull](https://wiki.example/disk%20%28full%29) (from the alert",
    },
    {
      what: "never a javascript: link",
      name: "DiskFull",
      annotations: { runbook_url: "javascript:alert(1)" },
      expected: "**Runbook:** none lists DiskFull yet",
    },
    {
      what: "nothing at all",
      name: "DiskFull",
      annotations: {},
      expected: "**Runbook:** none lists DiskFull yet: add it to the `alerts` of a runbook's front matter.",
    },
  ])("runbook link: $what", ({ annotations, name, expected }) => {
    const p = opened(plan({ alert: anAlert({ annotations, name: name ?? "WebsiteDown" }) }));
    expect(p.body).toContain(expected);
    expect(p.body).not.toMatch(/(?<!\\)\]\(javascript:/);
  });
});

describe("planAlert: who hears of it", () => {
  it.each<{
    what: string;
    at: string;
    alert?: Partial<Alert>;
    onCall?: Parameters<typeof respondersAt>[1];
    mentions: string[];
    page: boolean;
    line: RegExp;
  }>([
    {
      what: "critical, out of hours, client with cover: pages the on-call primary",
      at: "2026-12-05 02:05",
      mentions: ["pete"],
      page: true,
      line: /Paging @pete, on call: acknowledge by commenting, assigning yourself or reacting\. Unacknowledged after 5 minutes, the escalation starts\./,
    },
    {
      what: "critical, in hours: mentions the support pair",
      at: "2026-12-07 14:00",
      mentions: ["erin", "olly"],
      page: false,
      line: /@erin @olly: first line support this week/,
    },
    {
      what: "warning, in hours: mentions the support pair",
      at: "2026-12-07 14:00",
      alert: { severity: "warning" },
      mentions: ["erin", "olly"],
      page: false,
      line: /@erin @olly/,
    },
    {
      what: "info, in hours: nobody",
      at: "2026-12-07 14:00",
      alert: { severity: "info" },
      mentions: [],
      page: false,
      line: /For information: nobody is notified/,
    },
    {
      what: "critical at 09:59 on a weekday is out of hours",
      at: "2026-12-07 09:59",
      mentions: ["pete"],
      page: true,
      line: /Paging @pete/,
    },
    {
      what: "critical on Christmas Day afternoon (a bank holiday) pages",
      at: "2026-12-25 14:00",
      mentions: ["pete"],
      page: true,
      line: /Paging @pete/,
    },
    {
      what: "warning, out of hours: waits for working hours",
      at: "2026-12-05 02:05",
      alert: { severity: "warning" },
      mentions: [],
      page: false,
      line: /Out of hours and not critical: nobody is paged; first line support picks this up at Mon 7 Dec 10:00 GMT\./,
    },
    {
      what: "critical, out of hours, client without cover: waits",
      at: "2026-12-05 02:05",
      alert: { client: "riverside" },
      mentions: [],
      page: false,
      line: /Out of hours, and Riverside Housing has no out-of-hours cover: nobody is paged; first line support picks this up at Mon 7 Dec 10:00 GMT\./,
    },
    {
      what: "critical, out of hours, no client: waits",
      at: "2026-12-05 02:05",
      alert: { client: null },
      mentions: [],
      page: false,
      line: /the alert names no client with out-of-hours cover/,
    },
    {
      what: "critical, out of hours, no primary in the rota: pages the second line",
      at: "2026-12-05 02:05",
      onCall: { primary: "", secondLine: ["grace", "hamza"] },
      mentions: ["grace", "hamza"],
      page: true,
      line: /Paging @grace @hamza, second line \(the rota names no on-call primary this week\)/,
    },
    {
      what: "critical, out of hours, nobody on call: says so",
      at: "2026-12-05 02:05",
      onCall: null,
      mentions: [],
      page: false,
      line: /the rota names nobody on call this week: nobody is paged/,
    },
  ])("$what", ({ at, alert, onCall, mentions, page, line }) => {
    const p = opened(
      plan({ alert: anAlert(alert ?? {}), now: local(at), ...(onCall === undefined ? {} : { onCall }) }),
    );
    expect(p.mentions).toEqual(mentions);
    expect(liveMentions(p.body)).toEqual(mentions);
    expect(p.page !== null).toBe(page);
    expect(p.body).toMatch(line);
    expect(markerKeys(p.body).includes("alert-page")).toBe(page);
  });

  it("a page carries the pager hook, the instant and a plain message", () => {
    const now = local("2026-12-05 02:05");
    expect(opened(plan({ now })).page).toEqual({
      logins: ["pete"],
      at: now,
      pagerUrl: "https://pager.northgate.example/hook",
      message: "CRITICAL WebsiteDown (acme): www.acme.example is not answering",
    });
  });

  it("a page invites a TOIL claim", () => {
    expect(opened(plan({})).body).toContain("claim it here with `/toil woke 90m` or `/toil awake 30m`");
  });
});

describe("planAlert: repeats and resolutions find the issue again", () => {
  const createdAt = local("2026-12-05 02:05");
  const issue = (overrides: Partial<ExistingAlertIssue> = {}): ExistingAlertIssue => ({
    repo: "acme/website",
    number: 41,
    state: "open",
    author: BOT,
    body: opened(plan({})).body,
    createdAt,
    comments: [],
    ...overrides,
  });
  const later = Date.parse("2026-12-05T02:50:00Z");

  it.each<{
    what: string;
    alert: Partial<Alert>;
    existing: ExistingAlertIssue | null;
    kind: AlertPlan["kind"];
    reopen?: boolean;
    body?: RegExp;
    reason?: RegExp;
  }>([
    {
      what: "firing again while open: a comment, nobody paged again",
      alert: { startsAt: later },
      existing: issue(),
      kind: "comment",
      reopen: false,
      body: /\*\*WebsiteDown\*\* is firing again \(since Sat 5 Dec 02:50 GMT\)\./,
    },
    {
      what: "the same firing delivered again: nothing",
      alert: {},
      existing: issue(),
      kind: "ignore",
      reason: /already recorded/,
    },
    {
      what: "the same firing after resolution (out of order): nothing",
      alert: {},
      existing: issue({ state: "closed" }),
      kind: "ignore",
      reason: /already recorded/,
    },
    {
      what: "firing again after resolution: reopens and pages",
      alert: { startsAt: later },
      existing: issue({ state: "closed" }),
      kind: "comment",
      reopen: true,
      body: /is firing again \(since Sat 5 Dec 02:50 GMT\), so this issue is reopened\.[\s\S]*Paging @pete/,
    },
    {
      what: "a plain alert with no start comments each time",
      alert: { startsAt: null, source: "plain" },
      existing: issue(),
      kind: "comment",
      reopen: false,
      body: /is firing again\./,
    },
    {
      what: "a marker someone else pasted does not count as recorded",
      alert: {},
      existing: issue({ author: "mallory" }),
      kind: "comment",
      reopen: false,
    },
    {
      what: "resolved while open: comment and close",
      alert: { status: "resolved", endsAt: Date.parse("2026-12-05T02:41:56Z") },
      existing: issue(),
      kind: "resolve",
      body: /\*\*WebsiteDown\*\* is resolved \(ended Sat 5 Dec 02:41 GMT, after 39m\)\. Closing this issue/,
    },
    {
      what: "resolved when already closed: nothing",
      alert: { status: "resolved" },
      existing: issue({ state: "closed" }),
      kind: "ignore",
      reason: /already closed/,
    },
    {
      what: "resolved with no issue: nothing",
      alert: { status: "resolved" },
      existing: null,
      kind: "ignore",
      reason: /no issue for alert 5d1a7e4c0b9f3a21/,
    },
  ])("$what", ({ alert, existing, kind, reopen, body, reason }) => {
    const p = plan({ alert: anAlert(alert), existing });
    expect(p.kind).toBe(kind);
    if (p.kind === "comment") {
      expect(p.reopen).toBe(reopen);
      expect([p.repo, p.number]).toEqual(["acme/website", 41]);
      expect(p.page !== null).toBe(reopen);
    }
    if (body && (p.kind === "comment" || p.kind === "resolve")) expect(p.body).toMatch(body);
    if (reason && p.kind === "ignore") expect(p.reason).toMatch(reason);
  });

  it("finds when the last page went out, from Firstline's own texts only", () => {
    expect(lastPageAt({ issue: issue(), botLogin: BOT })).toBe(createdAt);
    const reopened = plan({ alert: anAlert({ startsAt: later }), existing: issue({ state: "closed" }) });
    const comment = {
      id: 9,
      author: BOT,
      createdAt: later + 60_000,
      body: reopened.kind === "comment" ? reopened.body : "",
    };
    expect(lastPageAt({ issue: issue({ comments: [comment] }), botLogin: BOT })).toBe(later + 60_000);
    expect(lastPageAt({ issue: issue({ author: "mallory" }), botLogin: BOT })).toBeNull();
  });
});

describe("planAlert: hostile alert text is quoted safely", () => {
  const hostile =
    "@carol <!-- firstline:card --> | <script>alert(1)</script> [x](javascript:alert(1)) **boom**\n/priority P4";
  const alert = anAlert({
    summary: hostile,
    labels: {
      alertname: "WebsiteDown",
      "@team": hostile,
      client: "acme",
      "<!-- firstline:escalation:1 -->": "x",
    },
    annotations: { summary: hostile, description: `${"long ".repeat(200)}@dave` },
    generatorUrl: "javascript:alert(1)",
  });

  it("no mention fires but the page, no marker is forged, no HTML, every row one cell pair", () => {
    const p = opened(plan({ alert }));
    expect(liveMentions(p.body)).toEqual(["pete"]);
    expect(markerKeys(p.body)).toEqual([
      alertKey("5d1a7e4c0b9f3a21"),
      `alert-fired:${Date.parse("2026-12-05T02:03:00Z")}`,
      "alert-page",
    ]);
    expect(p.body).not.toMatch(/<(script|!--\s*firstline:(card|escalation))/i);
    // The text may be quoted, but never as a link.
    expect(p.body).not.toMatch(/(?<!\\)\]\(javascript:|<javascript:/);
    expect(p.body).not.toContain("**Source:**");
    for (const row of p.body.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| ---"))) {
      expect(row.split(/(?<!\\)\|/)).toHaveLength(4);
    }
    expect(p.title).not.toMatch(/(^|\s)@carol/);
    expect(p.title).not.toContain("\n");
    expect(p.title.length).toBeLessThanOrEqual(120);
  });

  it("a hostile Alertmanager payload parses, and plans a safe issue", () => {
    const payload = {
      version: "4",
      status: "firing",
      alerts: [
        {
          status: "firing",
          labels: { alertname: "X @everyone", client: "acme", severity: "critical" },
          annotations: { summary: hostile },
          startsAt: "2026-12-05T02:00:00Z",
          fingerprint: "abc",
        },
      ],
    };
    const parsed = parseAlertPayload({ body: payload, clientLabel: "client" });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const p = opened(plan({ alert: parsed.alerts[0]! }));
    expect(liveMentions(p.body)).toEqual(["pete"]);
    expect(liveMentions(p.title)).toEqual([]);
    expect(markerKeys(p.body)).toEqual([
      "alert:abc",
      `alert-fired:${Date.parse("2026-12-05T02:00:00Z")}`,
      "alert-page",
    ]);
  });
});
