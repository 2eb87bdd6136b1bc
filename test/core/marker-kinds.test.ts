import { describe, expect, it } from "vitest";
import {
  ALERT_RESOLVED_KEY,
  alertFiredKey,
  alertKey,
  codeScanningTicketKey,
  followUpKey,
  LABELS_REFUSED_KEY,
  maintenanceKey,
  marker,
  markerKeysIn,
  pagerFailedKey,
  parseAlertFiredKey,
  parseAlertKey,
  parseMaintenanceKey,
  parseNudgeKey,
  parsePagerFailedKey,
  parseRefusedKey,
  parseSecurityTicketKey,
  parseSuggestPriorityKey,
  parseTicketPageKey,
  parseWokenKey,
  refusedKey,
  secretScanningTicketKey,
  securityTicketKey,
  suggestPriorityKey,
  taskSlug,
  ticketPageKey,
  waitingReminderKey,
  wokenKey,
} from "../../src/core/markers.js";

describe("marker kinds: each key read back by its own pattern", () => {
  it("maintenance: client, task slug and the date the occurrence first fell on", () => {
    const key = maintenanceKey({
      client: "acme",
      task: "Apply CMS core updates",
      originalDate: "2027-01-06",
    });
    expect(key).toBe("maintenance:acme:apply-cms-core-updates:2027-01-06");
    expect(parseMaintenanceKey(key)).toEqual({
      client: "acme",
      taskSlug: "apply-cms-core-updates",
      originalDate: "2027-01-06",
    });
    expect(taskSlug("Ünïcode — and spaces!")).toBe("unicode-and-spaces");
    expect(taskSlug("!!!")).toBe("task");
    expect(parseMaintenanceKey("maintenance:acme:task")).toBeNull();
    expect(parseMaintenanceKey("maintenance:ACME:task:2027-01-06")).toBeNull();
  });

  it("alerts: the issue by fingerprint, one firing by its start, the resolution", () => {
    expect(parseAlertKey(alertKey("5d1a7e4c0b9f3a21"))).toEqual({ fingerprint: "5d1a7e4c0b9f3a21" });
    expect(parseAlertKey("alert:has space")).toBeNull();
    expect(parseAlertKey(alertFiredKey(1_765_000_000_000))).toBeNull();
    expect(parseAlertFiredKey(alertFiredKey(1_765_000_000_000))).toEqual({ startsAt: 1_765_000_000_000 });
    expect(parseAlertFiredKey("alert-fired:soon")).toBeNull();
    expect(markerKeysIn(marker(ALERT_RESOLVED_KEY))).toEqual(["alert-resolved"]);
  });

  it("pages and pagers: one page per P1 spell, one failure note per event", () => {
    expect(parseTicketPageKey(ticketPageKey(1_765_000_000_000))).toEqual({ since: 1_765_000_000_000 });
    expect(parseTicketPageKey("ticket-page:")).toBeNull();
    const failed = { action: "escalate", at: 1_765_000_000_000 } as const;
    expect(pagerFailedKey(failed)).toBe("pager-failed:escalate:1765000000000");
    expect(parsePagerFailedKey(pagerFailedKey(failed))).toEqual(failed);
    expect(parsePagerFailedKey("pager-failed:ring:1")).toBeNull();
    expect(parseWokenKey(wokenKey({ login: "mei-chen", morning: "2026-12-08" }))).toEqual({
      login: "mei-chen",
      morning: "2026-12-08",
    });
    expect(parseWokenKey("woken:mei-chen:tomorrow")).toBeNull();
  });

  it("ticket notes: refusals, suggestions and nudges", () => {
    expect(refusedKey("Client-Person")).toBe("refused:client-person");
    expect(parseRefusedKey(refusedKey("Client-Person"))).toEqual({ login: "client-person" });
    expect(parseRefusedKey(LABELS_REFUSED_KEY)).toBeNull();
    expect(parseSuggestPriorityKey(suggestPriorityKey("P1"))).toEqual({ priority: "P1" });
    expect(parseSuggestPriorityKey("suggest-priority:P9")).toBeNull();
    expect(parseNudgeKey(followUpKey(42))).toEqual({ kind: "follow-up", at: 42 });
    expect(parseNudgeKey(waitingReminderKey(43))).toEqual({ kind: "waiting-reminder", at: 43 });
    expect(parseNudgeKey("follow-up:")).toBeNull();
  });

  it("security tickets: made marker-safe, read back with their kind and repository", () => {
    const hostile = securityTicketKey({
      repo: "acme/website",
      package: { ecosystem: "pip", name: "weird+name -->" },
    });
    expect(hostile).toBe("security:acme/website:pip/weird-name----");
    expect(parseSecurityTicketKey(hostile)).toEqual({
      kind: "security",
      repo: "acme/website",
      subject: "pip/weird-name----",
    });
    expect(parseSecurityTicketKey(codeScanningTicketKey({ repo: "acme/website", ruleId: "js/xss" }))).toEqual(
      {
        kind: "code-scanning",
        repo: "acme/website",
        subject: "js/xss",
      },
    );
    expect(
      parseSecurityTicketKey(secretScanningTicketKey({ repo: "acme/website", secretType: "github_pat" }))
        ?.kind,
    ).toBe("secret-scanning");
    expect(parseSecurityTicketKey("security:not-a-repo:npm/x")).toBeNull();
  });
});
