import { describe, expect, it } from "vitest";
import { describeWeek, type LocalInterval } from "../../../src/core/time/calendar.js";

const hours = (open: number, close: number): LocalInterval[] => [{ open: open * 60, close: close * 60 }];

describe("describeWeek: working hours in words, from the configuration", () => {
  it("names a run of equal days once", () => {
    const ten = hours(10, 18);
    expect(describeWeek({ mon: ten, tue: ten, wed: ten, thu: ten, fri: ten })).toBe(
      "10:00-18:00 Monday to Friday",
    );
  });
  it("lists days that differ, and two-day runs with 'and'", () => {
    const nine = hours(9, 17);
    expect(describeWeek({ mon: nine, tue: nine, wed: nine, thu: nine, fri: hours(9, 13) })).toBe(
      "09:00-17:00 Monday to Thursday, 09:00-13:00 Friday",
    );
    expect(describeWeek({ sat: nine, sun: nine })).toBe("09:00-17:00 Saturday and Sunday");
  });
  it("keeps split days and gaps apart", () => {
    const split = [
      { open: 8 * 60, close: 12 * 60 },
      { open: 13 * 60, close: 17 * 60 + 30 },
    ];
    expect(describeWeek({ mon: split, wed: split })).toBe(
      "08:00-12:00 and 13:00-17:30 Monday, 08:00-12:00 and 13:00-17:30 Wednesday",
    );
    expect(describeWeek({ fri: [{ open: 0, close: 1440 }] })).toBe("00:00-24:00 Friday");
  });
  it("says so when there are no hours", () => {
    expect(describeWeek({})).toBe("no working hours");
  });
});
