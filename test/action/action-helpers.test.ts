import { describe, expect, it } from "vitest";
import { readPullRequestEvent } from "../../src/action/pull-request-event.js";
import { horizonIssue, HORIZON_MARKER } from "../../src/github/rota-horizon-issue.js";
import { toilPeriod } from "../../src/action/toil-period.js";

describe("toilPeriod", () => {
  it.each([
    // [now, from, to, expected from, expected to, fromMs, toMs]
    [
      "2027-01-01T06:00:00Z",
      undefined,
      undefined,
      "2026-12-01",
      "2026-12-31",
      "2026-12-01T00:00:00.000Z",
      "2027-01-01T00:00:00.000Z",
    ],
    // 1 April 00:30 BST is still 31 March in UTC: the month is London's, and March ends at 23:00 UTC.
    [
      "2027-03-31T23:30:00Z",
      undefined,
      undefined,
      "2027-03-01",
      "2027-03-31",
      "2027-03-01T00:00:00.000Z",
      "2027-03-31T23:00:00.000Z",
    ],
    // 1 November 00:30 GMT: October began in summer time.
    [
      "2026-11-01T00:30:00Z",
      undefined,
      undefined,
      "2026-10-01",
      "2026-10-31",
      "2026-09-30T23:00:00.000Z",
      "2026-11-01T00:00:00.000Z",
    ],
    [
      "2027-01-01T06:00:00Z",
      "2026-11-15",
      undefined,
      "2026-11-15",
      "2026-11-30",
      "2026-11-15T00:00:00.000Z",
      "2026-12-01T00:00:00.000Z",
    ],
    [
      "2027-01-01T06:00:00Z",
      undefined,
      "2026-10-10",
      "2026-10-01",
      "2026-10-10",
      "2026-09-30T23:00:00.000Z",
      "2026-10-10T23:00:00.000Z",
    ],
    [
      "2027-01-01T06:00:00Z",
      "2026-12-24",
      "2026-12-24",
      "2026-12-24",
      "2026-12-24",
      "2026-12-24T00:00:00.000Z",
      "2026-12-25T00:00:00.000Z",
    ],
  ] as const)("now %s, from %s, to %s: %s to %s", (now, from, to, wantFrom, wantTo, fromMs, toMs) => {
    const period = toilPeriod({ now: new Date(now), zone: "Europe/London", from, to });
    expect(period).toEqual({
      from: wantFrom,
      to: wantTo,
      fromMs: Date.parse(fromMs),
      toMs: Date.parse(toMs),
    });
  });

  it("refuses a period that ends before it starts", () => {
    expect(() =>
      toilPeriod({
        now: new Date("2027-01-01T06:00:00Z"),
        zone: "Europe/London",
        from: "2026-12-10",
        to: "2026-12-01",
      }),
    ).toThrow("2026-12-01 is before from (2026-12-10)");
  });
});

describe("readPullRequestEvent", () => {
  const io = (env: Record<string, string>, files: Record<string, string> = {}) => ({
    env,
    readTextFile: (path: string) => {
      const text = files[path];
      if (text === undefined) throw new Error(`no file ${path}`);
      return text;
    },
  });

  it("reads the pull request number and repository", () => {
    const payload = JSON.stringify({
      action: "submitted",
      pull_request: { number: 7 },
      repository: { full_name: "northgate/support" },
    });
    expect(
      readPullRequestEvent(
        io({ GITHUB_EVENT_NAME: "pull_request_review", GITHUB_EVENT_PATH: "e.json" }, { "e.json": payload }),
      ),
    ).toEqual({ number: 7, repository: "northgate/support" });
  });

  it.each([
    [
      "a push",
      { GITHUB_EVENT_NAME: "push", GITHUB_EVENT_PATH: "e.json" },
      {},
      "this run was started by a push event",
    ],
    ["no payload file", { GITHUB_EVENT_NAME: "pull_request" }, {}, "GITHUB_EVENT_PATH is not set"],
    [
      "a payload without a pull request",
      { GITHUB_EVENT_PATH: "e.json" },
      { "e.json": '{"issue": {"number": 3}}' },
      "the event payload at e.json names no pull request",
    ],
  ] as const)("refuses %s", (_what, env, files, message) => {
    expect(() => readPullRequestEvent(io(env, files))).toThrow(message);
  });
});

describe("horizonIssue", () => {
  const gap = {
    rule: "rota/coverage",
    severity: "error" as const,
    file: "rota/support.yml",
    line: 30,
    message: "weeks 2027-07-07 to 2027-07-14 have no first line support: ...",
  };
  const away = {
    rule: "rota/away",
    severity: "error" as const,
    file: "rota/support.yml",
    line: 12,
    message: "@erin-walsh is away",
  };
  const warning = {
    rule: "rota/fairness",
    severity: "warning" as const,
    file: "rota/support.yml",
    line: 5,
    message: "uneven",
  };

  it("is null while nothing is an error", () => {
    expect(horizonIssue({ findings: [warning], dir: "rota", admins: ["dana-whitfield"] })).toBeNull();
  });

  it("lists the gaps first, then other errors with their lines, mentions the admins, and carries the marker", () => {
    const issue = horizonIssue({ findings: [away, gap, warning], dir: "rota", admins: ["dana-whitfield"] });
    expect(issue?.title).toBe("The rota does not cover the next 13 weeks");
    const body = issue?.body ?? "";
    expect(body).toContain("For: @dana-whitfield");
    expect(body.indexOf("### Weeks not covered")).toBeLessThan(body.indexOf("### Other errors"));
    expect(body).toContain(
      "- weeks 2027-07-07 to 2027-07-14 have no first line support: ... (`rota/support.yml:30`)",
    );
    expect(body).toContain("- `rota/support.yml:12` [rota/away] @\u200derin-walsh is away");
    expect(body).not.toContain("uneven");
    expect(body.endsWith(HORIZON_MARKER)).toBe(true);
  });

  it("is titled for errors alone when every week is covered", () => {
    expect(horizonIssue({ findings: [away], dir: "rota", admins: [] })?.title).toBe("The rota has errors");
  });
});
