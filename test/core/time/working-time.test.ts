import { describe, expect, it } from "vitest";
import {
  addWorkingMinutes,
  nextWorkingInstant,
  workingMinutesBetween,
  explainWorkingSpan,
} from "../../../src/core/time/working-time.js";
import { roundTheClock } from "../../../src/core/time/clock.js";
import { WorkingCalendar } from "../../../src/core/time/calendar.js";
import { agencyCalendar, asLocal, local } from "../../helpers/calendars.js";

const london = agencyCalendar();

describe("next working instant", () => {
  it.each([
    ["a Saturday morning starts on Monday at opening", "2026-10-17 09:00", "2026-10-19 10:00"],
    ["inside hours is its own start", "2026-10-16 16:00", "2026-10-16 16:00"],
    ["exactly at opening", "2026-10-16 10:00", "2026-10-16 10:00"],
    ["exactly at closing is out of hours (half-open)", "2026-10-16 18:00", "2026-10-19 10:00"],
    ["before opening on a weekday", "2026-10-14 07:15", "2026-10-14 10:00"],
    ["Good Friday moves past Easter Monday", "2026-04-03 11:00", "2026-04-07 10:00"],
    [
      "Christmas Eve evening skips Christmas and the substitute Boxing Day",
      "2026-12-24 19:00",
      "2026-12-29 10:00",
    ],
  ])("%s", (_name, from, expected) => {
    expect(asLocal(nextWorkingInstant(london, local(from)))).toBe(expected);
  });
});

describe("adding working minutes", () => {
  it.each([
    ["a deadline landing exactly on 18:00 stays there", "2026-10-19 17:00", 60, "2026-10-19 18:00"],
    ["one more minute rolls to the next morning", "2026-10-19 17:00", 61, "2026-10-20 10:01"],
    ["8 working hours from Friday 16:00 end Monday 16:00", "2026-10-16 16:00", 480, "2026-10-19 16:00"],
    [
      "a P2 opened on Christmas Eve 17:30 is due Tue 29 Dec 10:30",
      "2026-12-24 17:30",
      60,
      "2026-12-29 10:30",
    ],
    ["Easter: Thursday 17:00 plus 2 hours is Tuesday 11:00", "2026-04-02 17:00", 120, "2026-04-07 11:00"],
    ["5 working days (40 hours) from a Wednesday 10:00", "2026-11-04 10:00", 2400, "2026-11-10 18:00"],
    ["across the spring change (29 Mar 2026)", "2026-03-27 17:00", 120, "2026-03-30 11:00"],
    ["across the autumn change (25 Oct 2026)", "2026-10-23 17:30", 90, "2026-10-26 11:00"],
    ["zero minutes is the instant itself", "2026-10-16 18:00", 0, "2026-10-16 18:00"],
  ])("%s", (_name, from, minutes, expected) => {
    expect(asLocal(addWorkingMinutes(london, local(from), minutes))).toBe(expected);
  });

  it("Scotland keeps St Andrew's Day (Mon 30 Nov 2026) that England works", () => {
    const scotland = agencyCalendar("scotland");
    const from = local("2026-11-27 17:00");
    expect(asLocal(addWorkingMinutes(london, from, 120))).toBe("2026-11-30 11:00");
    expect(asLocal(addWorkingMinutes(scotland, from, 120))).toBe("2026-12-01 11:00");
  });

  it("Northern Ireland keeps St Patrick's Day (Tue 17 Mar 2026) and the Boyne substitute (Mon 13 Jul 2026)", () => {
    const ni = agencyCalendar("northern-ireland");
    expect(asLocal(addWorkingMinutes(london, local("2026-03-16 17:00"), 120))).toBe("2026-03-17 11:00");
    expect(asLocal(addWorkingMinutes(ni, local("2026-03-16 17:00"), 120))).toBe("2026-03-18 11:00");
    expect(asLocal(addWorkingMinutes(ni, local("2026-07-10 17:00"), 120))).toBe("2026-07-14 11:00");
  });

  it("Scotland's 2 January is closed, England's is not", () => {
    const scotland = agencyCalendar("scotland");
    expect(asLocal(nextWorkingInstant(scotland, local("2026-01-02 11:00")))).toBe("2026-01-05 10:00");
    expect(asLocal(nextWorkingInstant(london, local("2026-01-02 11:00")))).toBe("2026-01-02 11:00");
  });

  it("no bank holidays with region none; extra closed dates close the day", () => {
    const none = agencyCalendar("none", { extraClosed: ["2026-12-24"] });
    expect(asLocal(nextWorkingInstant(none, local("2026-12-24 11:00")))).toBe("2026-12-25 10:00");
  });

  it("several intervals a day, with a lunch break", () => {
    const split = new WorkingCalendar({
      zone: "Europe/London",
      week: {
        mon: [
          { open: 540, close: 720 },
          { open: 780, close: 1020 },
        ],
      },
      region: "none",
      extraClosed: [],
    });
    expect(asLocal(addWorkingMinutes(split, local("2026-10-19 11:30"), 60))).toBe("2026-10-19 13:30");
    expect(asLocal(addWorkingMinutes(split, local("2026-10-19 11:30"), 30))).toBe("2026-10-19 12:00");
    expect(split.standardDayMinutes).toBe(420);
  });
});

describe("working minutes between", () => {
  it.each([
    [
      "Friday 17:00 to Monday 11:00 is two working hours, not 66",
      "2026-10-16 17:00",
      "2026-10-19 11:00",
      120,
    ],
    ["a whole week", "2026-10-19 00:00", "2026-10-26 00:00", 2400],
    ["the Christmas week of 2026", "2026-12-21 00:00", "2026-12-28 00:00", 4 * 480],
    ["reversed spans are empty", "2026-10-19 11:00", "2026-10-19 10:00", 0],
  ])("%s", (_name, from, to, minutes) => {
    expect(workingMinutesBetween(london, local(from), local(to))).toBe(minutes);
  });
});

describe("24/7 arithmetic", () => {
  it("runs on UTC instants across the spring change: 23:30 + 3h is 03:30 BST", () => {
    expect(asLocal(roundTheClock.addMs(local("2026-03-28 23:30"), 3 * 3_600_000))).toBe("2026-03-29 03:30");
  });

  it("across the autumn change the wall clock can show the due time before the start", () => {
    const start = Date.parse("2026-10-25T00:45:00Z"); // 01:45 BST, the first time round
    const due = roundTheClock.addMs(start, 30 * 60_000);
    expect(due - start).toBe(30 * 60_000);
    expect(asLocal(due)).toBe("2026-10-25 01:15"); // 01:15 GMT, the second time round
  });
});

describe("explanations", () => {
  it("names the weekend and bank holidays skipped", () => {
    const steps = explainWorkingSpan(london, local("2026-12-24 17:30"), local("2026-12-29 10:30"));
    expect(steps).toEqual([
      { kind: "counted", from: local("2026-12-24 17:30"), to: local("2026-12-24 18:00"), minutes: 30 },
      { kind: "skipped", date: "2026-12-25", reason: "bank holiday: Christmas Day" },
      { kind: "skipped", date: "2026-12-26", reason: "Saturday" },
      { kind: "skipped", date: "2026-12-27", reason: "Sunday" },
      { kind: "skipped", date: "2026-12-28", reason: "bank holiday: Boxing Day (substitute day)" },
      { kind: "counted", from: local("2026-12-29 10:00"), to: local("2026-12-29 10:30"), minutes: 30 },
    ]);
  });
});
