import { describe, expect, it } from "vitest";
import { toilAlertsFromIssues, type AlertIssue } from "../../../src/core/toil/from-issues.js";
import { parseToilCommand } from "../../../src/core/toil/toil-command.js";

describe("parseToilCommand", () => {
  it.each([
    ["/toil woke 90m", { woke: true, workedMinutes: 90 }],
    ["/toil awake 30m", { woke: false, workedMinutes: 30 }],
    ["/toil woke 1h30m", { woke: true, workedMinutes: 90 }],
    ["/toil woke 1h 30m", { woke: true, workedMinutes: 90 }],
    ["/toil awake 2h", { woke: false, workedMinutes: 120 }],
    ["/toil awake 0m", { woke: false, workedMinutes: 0 }],
    ["/TOIL Woke 45M", { woke: true, workedMinutes: 45 }],
    ["Fixed, disk was full.\n\n/toil woke 75m\n", { woke: true, workedMinutes: 75 }],
    ["/toil awake 20m\n/toil woke 20m", { woke: true, workedMinutes: 20 }],
  ])("%j claims %j", (body, value) => {
    expect(parseToilCommand(body)).toEqual({ ok: true, value });
  });

  it.each([
    ["/toil", /is not a TOIL claim/],
    ["/toil woke", /is not a TOIL claim/],
    ["/toil asleep 30m", /is not a TOIL claim/],
    ["/toil woke 30", /"30" is not a time worked/],
    ["/toil woke half an hour", /is not a time worked/],
    ["/toil woke 25h", /more than a day/],
    ["/toil woke @carol 5m", /"@\u200dcarol 5m" is not a time worked/],
  ])("%j is refused with a reason", (body, reason) => {
    const parsed = parseToilCommand(body);
    expect(parsed?.ok).toBe(false);
    if (parsed && !parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  it.each(["", "thanks, looking now", "see /toil woke 30m above", "/toilet woke 5m"])(
    "%j holds no /toil command",
    (body) => {
      expect(parseToilCommand(body)).toBeNull();
    },
  );
});

describe("toilAlertsFromIssues", () => {
  const opened = Date.parse("2026-12-05T02:00:00Z");
  const issue = (number: number, comments: AlertIssue["comments"], openedAt = opened): AlertIssue => ({
    issue: { repo: "acme/website", number },
    openedAt,
    comments,
  });
  const comment = (author: string, minutes: number, body: string) => ({
    author,
    createdAt: opened + minutes * 60_000,
    body,
  });
  const onCallAt = () => ({ primary: "pete", secondLine: ["grace"] });

  it("takes the on-call person's claim, at the instant the alert issue was opened", () => {
    const result = toilAlertsFromIssues({
      issues: [issue(12, [comment("pete", 40, "Restarted php-fpm.\n/toil woke 90m")])],
      onCallAt,
    });
    expect(result).toEqual({
      alerts: [{ id: "acme/website#12", login: "pete", at: opened, woke: true, workedMinutes: 90 }],
      refused: [],
    });
  });

  it("the latest claim by a person replaces the earlier one; the second line may claim too", () => {
    const result = toilAlertsFromIssues({
      issues: [
        issue(3, [
          comment("pete", 50, "/toil awake 10m"),
          comment("grace", 20, "/toil woke 30m"),
          comment("pete", 10, "/toil woke 1h"),
        ]),
      ],
      onCallAt,
    });
    expect(result.alerts.map((a) => [a.login, a.woke, a.workedMinutes])).toEqual([
      ["pete", false, 10],
      ["grace", true, 30],
    ]);
  });

  it("refuses claims by people not on call and claims that do not parse; an unclaimed issue earns nothing", () => {
    const result = toilAlertsFromIssues({
      issues: [
        issue(4, [comment("carol", 5, "/toil woke 30m"), comment("pete", 6, "/toil woke")]),
        issue(5, [comment("pete", 1, "on it")]),
      ],
      onCallAt,
    });
    expect(result.alerts).toEqual([]);
    expect(result.refused.map((r) => [r.issue.number, r.author, r.reason.slice(0, 30)])).toEqual([
      [4, "carol", "carol was not on call when thi"],
      [4, "pete", '"/toil woke" is not a TOIL cla'],
    ]);
  });

  it("asks who was on call at each issue's own opening", () => {
    const seen: number[] = [];
    const later = opened + 7 * 86_400_000;
    const result = toilAlertsFromIssues({
      issues: [
        issue(6, [comment("pete", 5, "/toil awake 5m")]),
        issue(7, [{ author: "pete", createdAt: later + 60_000, body: "/toil awake 5m" }], later),
      ],
      onCallAt: (ms) => {
        seen.push(ms);
        return ms === later ? { primary: "bob", secondLine: [] } : onCallAt();
      },
    });
    expect(seen).toEqual([opened, later]);
    expect(result.alerts.map((a) => a.id)).toEqual(["acme/website#6"]);
    expect(result.refused.map((r) => r.issue.number)).toEqual([7]);
  });
});
