import { describe, expect, it } from "vitest";
import { onCallSeries } from "../../../src/core/charts/on-call-series.js";
import type { PageRecord } from "../../../src/core/paging/pages-on-issue.js";
import type { ToilReport } from "../../../src/core/toil/toil.js";
import { local } from "../../helpers/calendars.js";

const group = (start: string, days: number) => ({
  start: local(start),
  alerts: ["a"],
  woke: days >= 0.5,
  workedMinutes: 30,
  base: days,
  extra: 0,
  days,
});

const toil: ToilReport = {
  people: [
    {
      login: "Dan-Mercer",
      days: 1,
      groups: [group("2026-11-03 02:00", 0.5), group("2026-11-20 22:00", 0.5)],
    },
    // Midnight at the turn of the month in London: the group belongs to December.
    { login: "priya", days: 0.75, groups: [group("2026-12-01 00:10", 0.5), group("2026-08-01 03:00", 0.25)] },
  ],
  inHours: [],
};
const pages: PageRecord[] = [
  { at: local("2026-11-03 02:00"), logins: ["dan-mercer"], kind: "page" },
  { at: local("2026-11-03 02:10"), logins: ["dan-mercer", "sam"], kind: "escalation" },
  { at: local("2026-12-01 00:10"), logins: ["priya"], kind: "page" },
];

describe("TOIL and pages per person per month", () => {
  const series = onCallSeries({
    toil,
    pages,
    now: local("2026-12-10 12:00"),
    zone: "Europe/London",
    months: 3,
  });

  it("counts TOIL days by the month a group started and pages by the month they were sent, months without as 0", () => {
    expect(series.months).toEqual(["2026-10", "2026-11", "2026-12"]);
    expect(series.toilDays).toEqual([
      { name: "Dan-Mercer", values: [0, 1, 0] },
      { name: "priya", values: [0, 0, 0.5] },
      { name: "sam", values: [0, 0, 0] },
    ]);
    expect(series.pages).toEqual([
      { name: "Dan-Mercer", values: [0, 2, 0] },
      { name: "priya", values: [0, 0, 1] },
      { name: "sam", values: [0, 1, 0] },
    ]);
  });

  it("leaves out what falls before the months shown, and has no series when nothing happened", () => {
    expect(series.toilDays.find((s) => s.name === "priya")?.values).toEqual([0, 0, 0.5]);
    const empty = onCallSeries({
      toil: { people: [], inHours: [] },
      pages: [],
      now: local("2026-12-10 12:00"),
      zone: "Europe/London",
      months: 6,
    });
    expect(empty).toEqual({
      months: ["2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"],
      toilDays: [],
      pages: [],
    });
  });
});
