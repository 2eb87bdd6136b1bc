import { describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config/load-config.js";
import { pagersOf } from "../../../src/core/paging/pagers-of.js";
import { retryAfterAnswer } from "../../../src/core/paging/retry-policy.js";

const parse = (text: string) => parseConfig({ file: ".github/firstline.yml", text });

describe("pager configuration", () => {
  it("reads the old alerts.pagerUrl as a webhook pager, so existing configurations keep paging", () => {
    const parsed = parse("alerts:\n  pagerUrl: https://relay.example.org/page\n");
    if (!parsed.ok) throw new Error("expected a valid configuration");
    expect(pagersOf(parsed.value.value.alerts)).toEqual([
      { kind: "webhook", url: "https://relay.example.org/page" },
    ]);
  });

  it("fills each pager's defaults", () => {
    const parsed = parse(
      "alerts:\n  pagers:\n    - kind: pagerduty\n    - kind: opsgenie\n      users: { alice: alice@example.org }\n",
    );
    if (!parsed.ok) throw new Error("expected a valid configuration");
    expect(pagersOf(parsed.value.value.alerts)).toEqual([
      {
        kind: "pagerduty",
        eventsUrl: "https://events.pagerduty.com/v2/enqueue",
        apiUrl: "https://api.pagerduty.com",
        schedules: { primary: null, secondLine: null },
        users: {},
      },
      { kind: "opsgenie", apiUrl: "https://api.opsgenie.com", users: { alice: "alice@example.org" } },
    ]);
  });

  it.each([
    {
      what: "both the old and the new form",
      text: "alerts:\n  pagerUrl: https://a.example.org/\n  pagers: [{ kind: webhook, url: https://b.example.org/ }]\n",
      message: /alerts\.pagerUrl.*set one or the other/,
    },
    {
      what: "the same kind twice",
      text: "alerts:\n  pagers: [{ kind: opsgenie }, { kind: opsgenie }]\n",
      message: /a second opsgenie pager/,
    },
    { what: "an unknown kind", text: "alerts:\n  pagers: [{ kind: pigeon }]\n", message: /kind/ },
    {
      what: "a secret in the file",
      text: "alerts:\n  pagers: [{ kind: opsgenie, apiKey: abc }]\n",
      message: /apiKey/,
    },
    { what: "a webhook without a URL", text: "alerts:\n  pagers: [{ kind: webhook }]\n", message: /url/ },
  ])("refuses $what, naming the key", ({ text, message }) => {
    const parsed = parse(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(JSON.stringify(parsed.problems)).toMatch(message);
  });
});

describe("retryAfterAnswer", () => {
  const now = Date.parse("2026-12-05T02:00:00Z");
  it.each([
    { status: 202, retryAfter: null, attempt: 1, expected: { retry: false } },
    { status: 400, retryAfter: null, attempt: 1, expected: { retry: false } },
    { status: 401, retryAfter: null, attempt: 1, expected: { retry: false } },
    { status: 422, retryAfter: null, attempt: 1, expected: { retry: false } },
    { status: 429, retryAfter: "3", attempt: 1, expected: { retry: true, waitMs: 3000 } },
    {
      status: 429,
      retryAfter: "Sat, 05 Dec 2026 02:00:10 GMT",
      attempt: 1,
      expected: { retry: true, waitMs: 10_000 },
    },
    { status: 429, retryAfter: "3600", attempt: 1, expected: { retry: true, waitMs: 60_000 } },
    { status: 503, retryAfter: null, attempt: 1, expected: { retry: true, waitMs: 1000 } },
    { status: 500, retryAfter: null, attempt: 3, expected: { retry: true, waitMs: 4000 } },
    { status: null, retryAfter: null, attempt: 2, expected: { retry: true, waitMs: 2000 } },
    { status: 503, retryAfter: null, attempt: 4, expected: { retry: false } },
  ])("$status (Retry-After $retryAfter) on try $attempt", ({ status, retryAfter, attempt, expected }) => {
    expect(retryAfterAnswer({ status, retryAfter, attempt, now })).toEqual(expected);
  });
});
