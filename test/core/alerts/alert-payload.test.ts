import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAlertPayload } from "../../../src/config/alert-payload.js";
import {
  deriveFingerprint,
  fingerprintOfLabels,
  priorityForSeverity,
  severityOfLabel,
} from "../../../src/core/alerts/alert.js";

// Parsing sits in src/config (zod); it is tested here with the alert core it feeds.

const fixture = (name: string) => readFileSync(`test/fixtures/alerts/${name}`, "utf8");
const parse = (body: unknown, clientLabel = "client") => parseAlertPayload({ body, clientLabel });

describe("parseAlertPayload: Alertmanager webhooks, version 4", () => {
  it("reads a firing payload with several alerts, nanosecond times and Go's zero end time", () => {
    const result = parse(fixture("alertmanager-firing.json"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.format).toBe("alertmanager");
    expect(result.alerts).toHaveLength(2);
    expect(result.alerts[0]).toEqual({
      source: "alertmanager",
      name: "WebsiteDown",
      severity: "critical",
      status: "firing",
      fingerprint: "5d1a7e4c0b9f3a21",
      client: "acme",
      summary: "www.acme.example is not answering",
      description: "The probe of https://www.acme.example has failed for 2 minutes.",
      labels: {
        alertname: "WebsiteDown",
        client: "acme",
        instance: "https://www.acme.example",
        job: "blackbox-http",
        severity: "critical",
      },
      annotations: {
        description: "The probe of https://www.acme.example has failed for 2 minutes.",
        runbook_url: "https://runbooks.northgate.example/website-down.html",
        summary: "www.acme.example is not answering",
      },
      startsAt: Date.parse("2026-12-05T02:03:41.123Z"),
      endsAt: null,
      generatorUrl:
        "http://prometheus.northgate.example:9090/graph?g0.expr=probe_success%7Bjob%3D%22blackbox-http%22%7D+%3D%3D+0&g0.tab=1",
    });
    expect(result.alerts.map((a) => [a.client, a.fingerprint, a.startsAt])).toEqual([
      ["acme", "5d1a7e4c0b9f3a21", Date.parse("2026-12-05T02:03:41.123Z")],
      ["glenmore", "a03c77d2e61b4f08", Date.parse("2026-12-05T02:04:11.500Z")],
    ]);
  });

  it("reads a resolved payload with its end time", () => {
    const result = parse(JSON.parse(fixture("alertmanager-resolved.json")));
    expect(result.ok && result.alerts.map((a) => [a.status, a.fingerprint, a.endsAt])).toEqual([
      ["resolved", "5d1a7e4c0b9f3a21", Date.parse("2026-12-05T02:41:56.987Z")],
    ]);
  });

  it("keeps each alert's own status in a mixed payload, and maps severities", () => {
    const result = parse(fixture("alertmanager-disk.json"));
    expect(
      result.ok &&
        result.alerts.map((a) => [a.name, a.status, a.severity, a.client, a.generatorUrl === null]),
    ).toEqual([
      ["DiskWillFillIn4Hours", "firing", "warning", "riverside", false],
      ["HighLoad", "resolved", "info", null, false],
    ]);
  });

  it("reads the client from the configured label", () => {
    const payload = JSON.parse(fixture("alertmanager-disk.json")) as {
      alerts: { labels: Record<string, string> }[];
    };
    const result = parse(payload, "customer");
    expect(result.ok && result.alerts.map((a) => a.client)).toEqual([null, null]);
    payload.alerts[0]!.labels["customer"] = "Riverside";
    const again = parse(payload, "customer");
    expect(again.ok && again.alerts[0]?.client).toBe("riverside");
  });

  it("derives a fingerprint from the labels when Alertmanager sent none", () => {
    const payload = JSON.parse(fixture("alertmanager-resolved.json")) as {
      alerts: Record<string, unknown>[];
    };
    delete payload.alerts[0]!["fingerprint"];
    const result = parse(payload);
    expect(result.ok && result.alerts[0]?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprintOfLabels({ a: "1", b: "2" })).toBe(fingerprintOfLabels({ b: "2", a: "1" }));
    expect(fingerprintOfLabels({ a: "1", b: "2" })).not.toBe(fingerprintOfLabels({ a: "1", b: "3" }));
  });
});

describe("parseAlertPayload: the plain format", () => {
  it("reads a plain alert with defaults and a fingerprint from name and client", () => {
    const result = parse({
      name: "BackupFailed",
      severity: "warning",
      client: "acme",
      summary: "Nightly backup did not finish",
    });
    expect(result).toEqual({
      ok: true,
      format: "plain",
      alerts: [
        {
          source: "plain",
          name: "BackupFailed",
          severity: "warning",
          status: "firing",
          fingerprint: deriveFingerprint({ name: "BackupFailed", client: "acme" }),
          client: "acme",
          summary: "Nightly backup did not finish",
          description: null,
          labels: {},
          annotations: { summary: "Nightly backup did not finish" },
          startsAt: null,
          endsAt: null,
          generatorUrl: null,
        },
      ],
    });
  });

  it("the derived fingerprint is stable and differs per client", () => {
    const a = deriveFingerprint({ name: "BackupFailed", client: "acme" });
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(deriveFingerprint({ name: "BackupFailed", client: "acme" })).toBe(a);
    expect(deriveFingerprint({ name: "BackupFailed", client: "riverside" })).not.toBe(a);
    expect(deriveFingerprint({ name: "BackupFailed", client: null })).not.toBe(a);
  });

  it("takes a given fingerprint, the client label, a start and a resolution", () => {
    const result = parse({
      name: "CertExpiry",
      severity: "critical",
      status: "resolved",
      fingerprint: "cert-acme-www",
      labels: { client: "acme", host: "www" },
      startsAt: "2026-12-05T01:00:00+00:00",
      endsAt: "2026-12-05T01:30:00Z",
    });
    expect(
      result.ok && result.alerts.map((a) => [a.fingerprint, a.client, a.status, a.startsAt, a.endsAt]),
    ).toEqual([
      [
        "cert-acme-www",
        "acme",
        "resolved",
        Date.parse("2026-12-05T01:00:00Z"),
        Date.parse("2026-12-05T01:30:00Z"),
      ],
    ]);
  });

  it("reads a list of plain alerts", () => {
    const result = parse(
      JSON.stringify([
        { name: "A", severity: "info" },
        { name: "B", severity: "critical" },
      ]),
    );
    expect(result.ok && result.alerts.map((a) => [a.name, a.severity])).toEqual([
      ["A", "info"],
      ["B", "critical"],
    ]);
  });
});

describe("parseAlertPayload: bad payloads give one reason", () => {
  const firing = JSON.parse(fixture("alertmanager-firing.json")) as Record<string, unknown>;
  it.each<[string, unknown, RegExp]>([
    ["invalid JSON", "{not json", /^invalid JSON: /],
    ["a number", 42, /must be a JSON object/],
    ["null", null, /must be a JSON object/],
    ["an empty list", [], /empty list/],
    ["another webhook version", { ...firing, version: "3" }, /^version: must be "4"/],
    ["no alerts", { ...firing, alerts: [] }, /^alerts: /],
    [
      "an alert without alertname",
      {
        ...firing,
        alerts: [
          {
            status: "firing",
            labels: { severity: "critical" },
            annotations: {},
            startsAt: "2026-12-05T02:00:00Z",
          },
        ],
      },
      /^alerts\[0\]\.labels: has no alertname label/,
    ],
    [
      "a bad start",
      { ...firing, alerts: [{ status: "firing", labels: { alertname: "X" }, startsAt: "yesterday" }] },
      /^alerts\[0\]\.startsAt: /,
    ],
    ["a bad status", { ...firing, status: "pending" }, /^status: /],
    [
      "a fingerprint that could break a marker",
      { name: "X", severity: "critical", fingerprint: "x --> <!-- firstline:card" },
      /^fingerprint: must be 1 to 64 letters/,
    ],
    ["a plain alert without severity", { name: "X" }, /^severity: /],
    ["a plain severity of our own making", { name: "X", severity: "page" }, /^severity: /],
    [
      "an unknown plain key",
      { name: "X", severity: "info", sevrity: "critical" },
      /^sevrity: unknown key "sevrity"$/,
    ],
    [
      "a client that is no id",
      { name: "X", severity: "info", client: "Acme Council" },
      /^client: must be a client id/,
    ],
    [
      "a bad item in a list",
      [
        { name: "A", severity: "info" },
        { name: "", severity: "info" },
      ],
      /^\[1\]\.name: /,
    ],
    ["labels that are not strings", { name: "X", severity: "info", labels: { a: 1 } }, /^labels\.a: /],
  ])("%s", (_what, body, reason) => {
    const result = parse(body);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(reason);
      expect(result.reason).not.toContain("\n");
    }
  });
});

describe("severity and priority", () => {
  it.each([
    ["critical", "critical", "P1"],
    ["Critical", "critical", "P1"],
    ["page", "critical", "P1"],
    ["warning", "warning", "P3"],
    ["error", "warning", "P3"],
    [undefined, "warning", "P3"],
    ["info", "info", "P4"],
    ["none", "info", "P4"],
  ] as const)("severity label %j is %s, priority %s", (label, severity, priority) => {
    expect(severityOfLabel(label)).toBe(severity);
    expect(priorityForSeverity(severity)).toBe(priority);
  });
});
