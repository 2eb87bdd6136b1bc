import { describe, expect, it } from "vitest";
import { checkRecurrenceRule, expandRecurrence } from "../../../src/core/maintenance/recurrence-rule.js";
import { maintenanceProblems } from "../../../src/core/maintenance/validate.js";
import { uncheckedConfigWith } from "./config.js";

describe("checkRecurrenceRule", () => {
  it.each([
    ["FREQ=MONTHLY;BYDAY=1WE", "FREQ=MONTHLY;BYDAY=1WE"],
    ["RRULE:freq=monthly;byday=1we", "FREQ=MONTHLY;BYDAY=1WE"],
    ["FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU", "FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU"],
    ["FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"],
    ["FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29"],
    ["FREQ=WEEKLY;UNTIL=20271231;WKST=MO", "FREQ=WEEKLY;UNTIL=20271231;WKST=MO"],
  ])("accepts %s", (text, rule) => {
    expect(checkRecurrenceRule(text)).toEqual({ ok: true, rule });
  });

  it.each([
    ["", "the rule is empty"],
    ["BYDAY=MO", "FREQ is missing"],
    ["FREQ=FORTNIGHTLY", 'FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY, not "FORTNIGHTLY"'],
    ["FREQ=HOURLY", "occurrences are dates"],
    ["FREQ=WEEKLY;INTERVAL=x", "INTERVAL must be a whole number"], // hangs the rrule library
    ["FREQ=WEEKLY;INTERVAL=0", "INTERVAL must be a whole number"],
    ["FREQ=MONTHLY;BYDAY=1XX", "BYDAY must be a list of weekdays"], // crashes the rrule library
    ["FREQ=WEEKLY;BYDAY=1MO", "only when FREQ is MONTHLY or YEARLY"],
    ["FREQ=MONTHLY;BYDAY=6MO", "BYDAY numbers must be from 1 to 5"],
    ["FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY must be a list"],
    ["FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "the rule never occurs"], // runs to the year 9999 in the library
    ["FREQ=MONTHLY;BYMONTH=4,6;BYMONTHDAY=31", "the rule never occurs"],
    ["FREQ=DAILY;BYSETPOS=2", "BYSETPOS cannot be used when FREQ is DAILY"],
    ["FREQ=MONTHLY;BYSETPOS=1", "BYSETPOS needs another BY part"],
    ["FREQ=DAILY;BYYEARDAY=1", "BYYEARDAY can be used only when FREQ is YEARLY"],
    ["FREQ=DAILY;BYHOUR=9", "BYHOUR has no meaning here"],
    ["FREQ=DAILY;COUNT=3;UNTIL=20270101", "COUNT and UNTIL cannot both be given"],
    ["FREQ=DAILY;FREQ=WEEKLY", "FREQ appears twice"],
    ["FREQ=DAILY;UNTIL=20270230", "UNTIL must be a date"],
    ["FREQ=DAILY;TZID=Europe/London", 'use "since" for the first date'],
    ["FREQ=DAILY;FOO=1", 'unknown rule part "FOO"'],
    ["FREQ=DAILY;;", "is not NAME=VALUE"],
    ["DTSTART:20260101\nRRULE:FREQ=DAILY", "a rule is one line"],
  ])("rejects %j: %s", (text, message) => {
    const result = checkRecurrenceRule(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain(message);
      expect(result.message).toContain(`(in ${JSON.stringify(text)})`);
    }
  });

  it("expands in floating dates from since, inclusive of both ends", () => {
    expect(
      expandRecurrence({
        rrule: "FREQ=WEEKLY;BYDAY=MO",
        since: "2026-03-30",
        from: "2026-03-01",
        to: "2026-04-13",
      }),
    ).toEqual(["2026-03-30", "2026-04-06", "2026-04-13"]);
    expect(
      expandRecurrence({ rrule: "FREQ=MONTHLY", since: "2026-01-31", from: "2026-01-01", to: "2026-05-31" }),
    ).toEqual(["2026-01-31", "2026-03-31", "2026-05-31"]);
  });
});

describe("maintenanceProblems", () => {
  it("names each problem's key path for the loader to give a line", () => {
    const config = uncheckedConfigWith(
      [
        { client: "acme", task: "Fine", rrule: "FREQ=MONTHLY" },
        { client: "acme", task: "Broken", rrule: "FREQ=WEEKLY;INTERVAL=x" },
        { client: "acme", task: "fine!", rrule: "FREQ=YEARLY" },
        { client: "lonely", task: "Nowhere", rrule: "FREQ=YEARLY" },
      ],
      {
        clients: [
          { id: "acme", name: "Acme", repos: ["acme/website"] },
          { id: "lonely", name: "Lonely" },
        ],
      },
    );
    expect(maintenanceProblems(config)).toEqual([
      {
        path: ["maintenance", 1, "rrule"],
        keyPath: "maintenance[1].rrule",
        message: 'INTERVAL must be a whole number from 1 to 999 (in "FREQ=WEEKLY;INTERVAL=x")',
      },
      {
        path: ["maintenance", 2, "task"],
        keyPath: "maintenance[2].task",
        message: 'another task of client "acme" has the same name (maintenance[0]): tickets would clash',
      },
      {
        path: ["maintenance", 3],
        keyPath: "maintenance[3]",
        message: 'client "lonely" has no repository and there is no shared ticket repository: set repo',
      },
    ]);
  });

  it("the repository's own example configuration has none", async () => {
    const { readFileSync } = await import("node:fs");
    const { parseConfig } = await import("../../../src/config/load-config.js");
    const parsed = parseConfig({
      file: ".github/firstline.yml",
      text: readFileSync(".github/firstline.yml", "utf8"),
    });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(maintenanceProblems(parsed.value.value)).toEqual([]);
  });
});
