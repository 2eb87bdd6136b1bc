import { describe, expect, it } from "vitest";
import { parsePagerAck } from "../../src/config/pager-webhook-schemas.js";

const pd = (event: unknown) => JSON.stringify({ event });
const okEvent = {
  id: "01E",
  event_type: "incident.acknowledged",
  occurred_at: "2026-12-05T02:03:00Z",
  agent: { id: "PALICE1", summary: "Alice" },
  data: { incident_key: "firstline/acme/website#3" },
};

describe("pager webhooks are hostile input until parsed", () => {
  it.each([
    { what: "not JSON", source: "pagerduty" as const, body: "{nope" },
    { what: "no event", source: "pagerduty" as const, body: "{}" },
    {
      what: "a date that is not one",
      source: "pagerduty" as const,
      body: pd({ ...okEvent, occurred_at: "yesterday" }),
    },
    {
      what: "an enormous key",
      source: "pagerduty" as const,
      body: pd({ ...okEvent, data: { incident_key: "x".repeat(10_000) } }),
    },
    {
      what: "an Opsgenie action without an alert",
      source: "opsgenie" as const,
      body: JSON.stringify({ action: "Acknowledge" }),
    },
    {
      what: "a generic acknowledgement with an unknown field",
      source: "webhook" as const,
      body: JSON.stringify({ action: "acknowledge", key: "k", id: "1", admin: true }),
    },
    {
      what: "a generic acknowledgement of an unknown action",
      source: "webhook" as const,
      body: JSON.stringify({ action: "delete", key: "k", id: "1" }),
    },
  ])("refuses $what with a reason", ({ source, body }) => {
    const parsed = parsePagerAck({ source, body });
    expect(parsed.ok).toBe(false);
  });

  it("reads acknowledgements and resolutions, and ignores other events", () => {
    expect(parsePagerAck({ source: "pagerduty", body: pd(okEvent) })).toEqual({
      ok: true,
      ack: {
        source: "pagerduty",
        eventId: "01E",
        kind: "acknowledge",
        key: "firstline/acme/website#3",
        identities: ["PALICE1"],
        name: "Alice",
        at: Date.parse("2026-12-05T02:03:00Z"),
      },
    });
    expect(
      parsePagerAck({
        source: "pagerduty",
        body: pd({ ...okEvent, event_type: "incident.priority_updated" }),
      }),
    ).toEqual({ ok: true, ack: null });
    expect(
      parsePagerAck({
        source: "opsgenie",
        body: JSON.stringify({ action: "Close", alert: { alias: "k", username: "a@b.c", alertId: "x" } }),
      }),
    ).toMatchObject({ ok: true, ack: { kind: "resolve", key: "k", identities: ["a@b.c"] } });
    expect(
      parsePagerAck({
        source: "opsgenie",
        body: JSON.stringify({ action: "AddNote", alert: { alias: "k" } }),
      }),
    ).toEqual({ ok: true, ack: null });
    expect(
      parsePagerAck({
        source: "webhook",
        body: JSON.stringify({ action: "resolve", key: "k", id: "9", by: "alice-okafor" }),
      }),
    ).toMatchObject({ ok: true, ack: { kind: "resolve", identities: ["alice-okafor"], at: null } });
  });
});
