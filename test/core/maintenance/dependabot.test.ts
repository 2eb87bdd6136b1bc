import { describe, expect, it } from "vitest";
import { dependabotAlertSchema, type DependabotAlert } from "../../../src/core/maintenance/alert-schemas.js";
import { groupDependabotAlerts, planSecurityTicket } from "../../../src/core/maintenance/dependabot.js";
import { securityTicketKey } from "../../../src/core/markers.js";
import { existingMaintenanceKeys, issueMarkerKeys } from "../../../src/core/maintenance/keys.js";
import { normaliseSeverity } from "../../../src/core/maintenance/severity.js";
import type { TicketSnapshot } from "../../../src/core/ticket/snapshot.js";
import { apply, BOT, webhookExamples } from "./alert-fixtures.js";
import { configWith } from "./config.js";

const examples = webhookExamples("dependabot_alert");
const created = examples.find((e) => e["action"] === "created") as {
  alert: unknown;
  repository: { full_name: string };
};
const REPO = created.repository.full_name; // wolfy1339/pika-pack
const config = configWith([], { clients: [{ id: "pika", name: "Pika", repos: [REPO] }] });
const SEMVER = { ecosystem: "npm", name: "semver" };

/** The real `created` alert (semver, medium), and a second, high advisory on the same package. */
const medium: DependabotAlert = dependabotAlertSchema.parse(created.alert);
const high: DependabotAlert = {
  ...medium,
  number: 21,
  html_url: `https://github.com/${REPO}/security/dependabot/21`,
  security_advisory: {
    ghsa_id: "GHSA-aaaa-bbbb-cccc",
    cve_id: null,
    summary: "Prototype pollution | in semver",
    severity: "high",
  },
  security_vulnerability: {
    severity: "high",
    vulnerable_version_range: "< 7.5.4",
    first_patched_version: { identifier: "7.5.4" },
  },
};
const as = (
  alert: DependabotAlert,
  state: string,
  extra: Partial<DependabotAlert> = {},
): DependabotAlert => ({ ...alert, state, ...extra });
const plan = (
  alerts: readonly DependabotAlert[],
  existing: TicketSnapshot | null,
  pullRequest?: { number: number; url: string },
) =>
  planSecurityTicket({
    repo: REPO,
    package: SEMVER,
    alerts,
    existing,
    config,
    botLogin: BOT,
    ...(pullRequest ? { pullRequest } : {}),
  });
const T0 = Date.parse("2026-03-02T09:00:00Z");

describe("Dependabot alerts as one ticket per repository and package", () => {
  it("every example payload parses with the schema", () => {
    for (const example of examples)
      expect(dependabotAlertSchema.safeParse(example["alert"]).success).toBe(true);
    expect(medium.dependency.package).toEqual(SEMVER);
    expect(medium.state).toBe("open");
  });

  it("two open alerts on one package make one ticket, at the worst severity's priority", () => {
    const actions = plan([medium, high], null, { number: 31, url: `https://github.com/${REPO}/pull/31` });
    expect(actions).toHaveLength(1);
    const [create] = actions;
    expect(create).toMatchObject({
      kind: "create-issue",
      repo: REPO,
      title: "Security: update semver (npm) in wolfy1339/pika-pack",
      labels: ["type: maintenance", "priority: P3", "client: pika"],
    });
    expect(create?.kind === "create-issue" && create.body).toMatchInlineSnapshot(`
      "Dependabot reports 2 open alerts for **semver** (npm) in wolfy1339/pika-pack; the worst is **high**. Update the package to a fixed version, or dismiss an alert that does not apply with its reason.

      Dependabot's pull request: [#31](https://github.com/wolfy1339/pika-pack/pull/31).

      | Alert | Advisory | Severity | Affected versions | Fixed in | Manifest | State |
      |---|---|---|---|---|---|---|
      | [#21](https://github.com/wolfy1339/pika-pack/security/dependabot/21) | [GHSA-aaaa-bbbb-cccc](https://github.com/advisories/GHSA-aaaa-bbbb-cccc): Prototype pollution \\| in semver | high | &lt; 7.5.4 | 7.5.4 | package-lock.json | **open** |
      | [#20](https://github.com/wolfy1339/pika-pack/security/dependabot/20) | [GHSA-c2qf-rxjj-qqgw](https://github.com/advisories/GHSA-c2qf-rxjj-qqgw) CVE-2022-25883: semver vulnerable to Regular Expression Denial of Service | medium | &lt; 7.5.2 | 7.5.2 | package-lock.json | **open** |

      Firstline keeps this ticket in step with Dependabot alerts: the table changes as alerts are fixed or dismissed, and the ticket closes when none is open.

      <!-- firstline:security:wolfy1339/pika-pack:npm/semver -->
      <!-- firstline:open-alerts:20 21 -->"
    `);
  });

  it("fixing one updates the body in place and moves the priority; fixing both closes it", () => {
    let ticket = apply({ snapshot: null, actions: plan([medium, high], null), at: T0 });
    const oneFixed = plan([medium, as(high, "fixed")], ticket);
    expect(oneFixed.map((a) => a.kind)).toEqual(["update-issue-body", "add-labels", "remove-labels"]);
    expect(oneFixed.slice(1)).toEqual([
      { kind: "add-labels", labels: ["priority: P4"] },
      { kind: "remove-labels", labels: ["priority: P3"] },
    ]);
    ticket = apply({ snapshot: ticket, actions: oneFixed, at: T0 + 1000 });
    expect(ticket?.body).toContain("| fixed |");
    expect(ticket?.body).toContain("Dependabot reports an open alert for **semver**");
    expect(plan([medium, as(high, "fixed")], ticket)).toEqual([]); // nothing changed: no writes

    const bothFixed = plan([as(medium, "fixed"), as(high, "fixed")], ticket);
    expect(bothFixed.map((a) => a.kind)).toEqual(["update-issue-body", "create-comment", "close-issue"]);
    ticket = apply({ snapshot: ticket, actions: bothFixed, at: T0 + 2000 });
    expect(ticket?.state).toBe("closed");
    expect(ticket?.body).toContain(
      "Every Dependabot alert for **semver** (npm) in wolfy1339/pika-pack is fixed or dismissed.",
    );
    expect(plan([as(medium, "fixed"), as(high, "fixed")], ticket)).toEqual([]);
  });

  it("dismissed and auto-dismissed alerts count as not open", () => {
    const actions = plan([medium, as(high, "dismissed", { dismissed_reason: "tolerable_risk" })], null);
    expect(actions[0]).toMatchObject({ labels: ["type: maintenance", "priority: P4", "client: pika"] });
    expect(actions[0]?.kind === "create-issue" && actions[0].body).toContain(
      "| dismissed (tolerable\\_risk) |",
    );
    expect(plan([as(medium, "auto_dismissed"), as(high, "dismissed")], null)).toEqual([]);
  });

  it("a new worse alert raises the priority", () => {
    const ticket = apply({ snapshot: null, actions: plan([medium], null), at: T0 });
    expect(ticket?.labels).toContain("priority: P4");
    const critical = {
      ...high,
      security_advisory: { ...high.security_advisory, severity: "critical" },
      security_vulnerability: null,
    };
    expect(plan([medium, critical], ticket).slice(1)).toEqual([
      { kind: "add-labels", labels: ["priority: P2"] },
      { kind: "remove-labels", labels: ["priority: P4"] },
    ]);
  });

  it("a priority a person chose is left alone", () => {
    let ticket = apply({ snapshot: null, actions: plan([medium, high], null), at: T0 });
    ticket = apply({
      snapshot: ticket,
      actions: [
        { kind: "remove-labels", labels: ["priority: P3"] },
        { kind: "add-labels", labels: ["priority: P1"] },
      ],
      at: T0 + 500,
      by: "alice",
    });
    expect(plan([medium, as(high, "fixed")], ticket).map((a) => a.kind)).toEqual(["update-issue-body"]);
  });

  it("reopens a ticket the bot closed when an alert opens again; one a person closed over open alerts stays closed", () => {
    let ticket = apply({ snapshot: null, actions: plan([medium], null), at: T0 });
    ticket = apply({ snapshot: ticket, actions: plan([as(medium, "fixed")], ticket), at: T0 + 1000 });
    expect(ticket?.state).toBe("closed");
    const reopened = plan([as(medium, "open")], ticket);
    expect(reopened.map((a) => a.kind)).toEqual(["reopen-issue", "update-issue-body", "create-comment"]);
    expect(reopened[2]).toMatchObject({ body: "Reopened: Dependabot alert #20 is open." });

    let personal = apply({ snapshot: null, actions: plan([medium], null), at: T0 });
    personal = apply({
      snapshot: personal,
      actions: [{ kind: "close-issue", reason: "completed", why: "" }],
      at: T0 + 1000,
      by: "alice",
    });
    expect(plan([medium], personal)).toEqual([]);
    expect(plan([medium, high], personal).map((a) => a.kind)).toEqual([
      "reopen-issue",
      "update-issue-body",
      "add-labels",
      "remove-labels",
      "create-comment",
    ]);
  });

  it("a fixed alert with no ticket opens nothing; disabled opens nothing", () => {
    const fixed = dependabotAlertSchema.parse(examples.find((e) => e["action"] === "fixed")?.["alert"]);
    expect(
      planSecurityTicket({
        repo: "octocat/hello-world",
        package: { ecosystem: "pip", name: "ansible" },
        alerts: [fixed],
        existing: null,
        config,
        botLogin: BOT,
      }),
    ).toEqual([]);
    const off = configWith([], { securityAlerts: { enabled: false } });
    expect(
      planSecurityTicket({
        repo: REPO,
        package: SEMVER,
        alerts: [medium],
        existing: null,
        config: off,
        botLogin: BOT,
      }),
    ).toEqual([]);
  });

  it("a repository no client owns gets no client label; alerts of other packages are ignored", () => {
    const other = {
      ...high,
      dependency: { ...high.dependency, package: { ecosystem: "npm", name: "lodash" } },
    };
    const actions = planSecurityTicket({
      repo: "someone/else",
      package: SEMVER,
      alerts: [medium, other],
      existing: null,
      config,
      botLogin: BOT,
    });
    expect(actions[0]).toMatchObject({ labels: ["type: maintenance", "priority: P4"] });
    expect(actions[0]?.kind === "create-issue" && actions[0].body).not.toContain("#21");
  });

  it("groups a repository's alerts by package, and the marker finds the ticket again", () => {
    const lodash = {
      ...high,
      number: 22,
      dependency: { ...high.dependency, package: { ecosystem: "npm", name: "lodash" } },
    };
    expect(
      groupDependabotAlerts([medium, lodash, high]).map((g) => [
        g.package.name,
        g.alerts.map((a) => a.number),
      ]),
    ).toEqual([
      ["lodash", [22]],
      ["semver", [20, 21]],
    ]);
    const [create] = plan([medium], null);
    const body = create?.kind === "create-issue" ? create.body : "";
    expect(issueMarkerKeys({ issues: [{ author: BOT, body }], botLogin: BOT })).toEqual(
      new Set([securityTicketKey({ repo: REPO, package: SEMVER }), "open-alerts:20"]),
    );
    expect(existingMaintenanceKeys({ issues: [{ author: BOT, body }], botLogin: BOT }).size).toBe(0);
    expect(
      securityTicketKey({ repo: "acme/website", package: { ecosystem: "npm", name: "@babel/core" } }),
    ).toBe("security:acme/website:npm/@babel/core");
    expect(
      securityTicketKey({ repo: "acme/website", package: { ecosystem: "pip", name: "weird+name -->" } }),
    ).toBe("security:acme/website:pip/weird-name----");
  });

  it.each([
    ["moderate", "medium"],
    ["MODERATE", "medium"],
    ["medium", "medium"],
    ["Critical", "critical"],
    ["low", "low"],
    ["unknown", "medium"],
    [null, "medium"],
  ])("severity %j counts as %s", (text, severity) => {
    expect(normaliseSeverity(text)).toBe(severity);
  });
});
