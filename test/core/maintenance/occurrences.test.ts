import { describe, expect, it } from "vitest";
import {
  InvalidMaintenanceConfig,
  planMaintenanceOccurrences,
} from "../../../src/core/maintenance/occurrences.js";
import { configWith, uncheckedConfigWith } from "./config.js";

const dates = (config: ReturnType<typeof configWith>, from: string, to: string) =>
  planMaintenanceOccurrences({ config, from, to }).map((o) => [o.date, o.originalDate]);

describe("planMaintenanceOccurrences", () => {
  it("expands monthly on the first Wednesday, none moved", () => {
    const config = configWith([
      {
        client: "acme",
        task: "Apply CMS core updates",
        rrule: "FREQ=MONTHLY;BYDAY=1WE",
        since: "2026-01-01",
      },
    ]);
    expect(dates(config, "2026-01-01", "2026-12-31").map(([d]) => d)).toEqual([
      "2026-01-07",
      "2026-02-04",
      "2026-03-04",
      "2026-04-01",
      "2026-05-06",
      "2026-06-03",
      "2026-07-01",
      "2026-08-05",
      "2026-09-02",
      "2026-10-07",
      "2026-11-04",
      "2026-12-02",
    ]);
  });

  it.each([
    // [client, rule, window, [date, originalDate]]
    ["riverside", "FREQ=MONTHLY;BYMONTHDAY=25", ["2026-12-01", "2026-12-31"], [["2026-12-29", "2026-12-25"]]], // Christmas (Fri), Boxing Day substitute (Mon 28)
    ["glenmore", "FREQ=MONTHLY;BYMONTHDAY=25", ["2026-12-01", "2026-12-31"], [["2026-12-29", "2026-12-25"]]],
    [
      "riverside",
      "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=4",
      ["2027-01-01", "2027-01-31"],
      [["2027-01-04", "2027-01-04"]],
    ], // England: Mon 4 Jan is a working day
    [
      "glenmore",
      "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=4",
      ["2027-01-01", "2027-01-31"],
      [["2027-01-05", "2027-01-04"]],
    ], // Scotland: 2 January's substitute
    [
      "glenmore",
      "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=2",
      ["2026-01-01", "2026-01-31"],
      [["2026-01-05", "2026-01-02"]],
    ], // Fri 2 Jan 2026, Scottish holiday
    [
      "riverside",
      "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=2",
      ["2026-01-01", "2026-01-31"],
      [["2026-01-02", "2026-01-02"]],
    ],
    [
      "acme",
      "FREQ=WEEKLY;BYDAY=SA",
      ["2026-03-01", "2026-03-15"],
      [
        ["2026-03-02", "2026-02-28"],
        ["2026-03-09", "2026-03-07"],
      ],
    ], // Saturday → Monday, from before the window; the 14th moves past it
    [
      "acme",
      "FREQ=MONTHLY;BYMONTHDAY=-1",
      ["2026-01-01", "2026-03-31"],
      [
        ["2026-02-02", "2026-01-31"],
        ["2026-03-02", "2026-02-28"],
        ["2026-03-31", "2026-03-31"],
      ],
    ],
  ])("%s %s in %j", (client, rrule, [from, to], expected) => {
    const config = configWith([{ client, task: "Check", rrule }]);
    expect(dates(config, from as string, to as string)).toEqual(expected);
  });

  it("an occurrence moved into the window from before it is included, one moved out of it is not", () => {
    const config = configWith([
      { client: "riverside", task: "Renewals", rrule: "FREQ=MONTHLY;BYMONTHDAY=25" },
    ]);
    expect(dates(config, "2026-12-29", "2026-12-29")).toEqual([["2026-12-29", "2026-12-25"]]);
    expect(dates(config, "2026-12-20", "2026-12-28")).toEqual([]);
  });

  it("a window across a year end", () => {
    const config = configWith([
      { client: "riverside", task: "Renewals", rrule: "FREQ=MONTHLY;BYMONTHDAY=25" },
      { client: "glenmore", task: "Restore test", rrule: "FREQ=WEEKLY;BYDAY=FR" },
    ]);
    expect(
      planMaintenanceOccurrences({ config, from: "2026-12-20", to: "2027-01-10" }).map(
        (o) => `${o.date} ${o.client} (${o.originalDate})`,
      ),
    ).toEqual([
      "2026-12-29 glenmore (2026-12-25)", // Christmas Day, Fri
      "2026-12-29 riverside (2026-12-25)",
      "2027-01-05 glenmore (2027-01-01)", // New Year's Day Fri; Mon 4 is 2 January's substitute in Scotland
      "2027-01-08 glenmore (2027-01-08)",
    ]);
  });

  it("counts from since: nothing before it, and INTERVAL counts from it", () => {
    const config = configWith([
      {
        client: "glenmore",
        task: "Restore test",
        rrule: "FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU",
        since: "2026-02-01",
      },
    ]);
    expect(dates(config, "2026-01-01", "2026-12-31").map(([d]) => d)).toEqual([
      "2026-02-10",
      "2026-05-12",
      "2026-08-11",
      "2026-11-10",
    ]);
    const late = configWith([
      { client: "acme", task: "Backups", rrule: "FREQ=WEEKLY;BYDAY=MO", since: "2026-06-10" },
    ]);
    expect(dates(late, "2026-06-01", "2026-06-20").map(([d]) => d)).toEqual(["2026-06-15"]);
  });

  it("COUNT and UNTIL end a rule", () => {
    const config = configWith([
      { client: "acme", task: "Three checks", rrule: "FREQ=WEEKLY;BYDAY=TU;COUNT=3", since: "2026-03-01" },
      {
        client: "acme",
        task: "Until March",
        rrule: "FREQ=WEEKLY;BYDAY=TH;UNTIL=20260312",
        since: "2026-03-01",
      },
    ]);
    expect(
      planMaintenanceOccurrences({ config, from: "2026-03-01", to: "2026-04-30" }).map(
        (o) => `${o.date} ${o.task}`,
      ),
    ).toEqual([
      "2026-03-03 Three checks",
      "2026-03-05 Until March",
      "2026-03-10 Three checks",
      "2026-03-12 Until March",
      "2026-03-17 Three checks",
    ]);
  });

  it("a daily task's weekend occurrences fold into Monday's ticket", () => {
    const config = configWith([
      { client: "acme", task: "Check backups", rrule: "FREQ=DAILY", since: "2026-03-01" },
    ]);
    expect(dates(config, "2026-03-06", "2026-03-10")).toEqual([
      ["2026-03-06", "2026-03-06"],
      ["2026-03-09", "2026-03-07"],
      ["2026-03-10", "2026-03-10"],
    ]);
  });

  it("does not shift a date across a daylight-saving change", () => {
    const config = configWith(
      [{ client: "acme", task: "Clocks", rrule: "FREQ=YEARLY;BYMONTH=3,10;BYDAY=-1MO" }],
      { timezone: "Pacific/Auckland" },
    );
    expect(dates(config, "2026-01-01", "2026-12-31").map(([d]) => d)).toEqual(["2026-03-30", "2026-10-26"]);
  });

  it("returns every field with a stable key, repo defaulting to the client's first", () => {
    const config = configWith([
      {
        client: "acme",
        task: "Apply CMS core updates!",
        rrule: "FREQ=MONTHLY;BYDAY=1WE",
        since: "2026-01-01",
        priority: "P2",
        checklist: ["Backup", "Update"],
      },
      { client: "acme", task: "Intranet patching", rrule: "FREQ=MONTHLY;BYDAY=1WE", repo: "acme/intranet" },
    ]);
    expect(planMaintenanceOccurrences({ config, from: "2026-01-07", to: "2026-01-07" })).toEqual([
      {
        client: "acme",
        task: "Apply CMS core updates!",
        date: "2026-01-07",
        originalDate: "2026-01-07",
        priority: "P2",
        repo: "acme/website",
        checklist: ["Backup", "Update"],
        key: "maintenance:acme:apply-cms-core-updates:2026-01-07",
      },
      {
        client: "acme",
        task: "Intranet patching",
        date: "2026-01-07",
        originalDate: "2026-01-07",
        priority: "P3",
        repo: "acme/intranet",
        checklist: [],
        key: "maintenance:acme:intranet-patching:2026-01-07",
      },
    ]);
  });

  it("throws naming maintenance[i].rrule for a bad rule", () => {
    const config = uncheckedConfigWith([
      { client: "acme", task: "Fine", rrule: "FREQ=MONTHLY" },
      { client: "acme", task: "Broken", rrule: "FREQ=WEEKLY;INTERVAL=x" },
    ]);
    expect(() => planMaintenanceOccurrences({ config, from: "2026-01-01", to: "2026-01-31" })).toThrow(
      InvalidMaintenanceConfig,
    );
    expect(() => planMaintenanceOccurrences({ config, from: "2026-01-01", to: "2026-01-31" })).toThrow(
      'maintenance[1].rrule: INTERVAL must be a whole number from 1 to 999 (in "FREQ=WEEKLY;INTERVAL=x")',
    );
  });
});
