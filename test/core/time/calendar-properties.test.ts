import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addWorkingMinutes,
  nextWorkingInstant,
  workingMinutesBetween,
} from "../../../src/core/time/working-time.js";
import type { HolidayRegion } from "../../../src/core/time/holidays.js";
import { agencyCalendar } from "../../helpers/calendars.js";

const regions: HolidayRegion[] = ["england-and-wales", "scotland", "northern-ireland", "none"];
const calendars = regions.map((region) => agencyCalendar(region));
const from2025 = Date.parse("2025-01-01T00:00:00Z");
const to2028 = Date.parse("2028-01-01T00:00:00Z");
const instant = fc.integer({ min: from2025, max: to2028 }).map((ms) => Math.floor(ms / 60_000) * 60_000);
const calendar = fc.constantFrom(...calendars);
const minutes = fc.integer({ min: 0, max: 5 * 2400 });
const settings = { seed: 20261126, numRuns: 300 };

function isWorkingOrClose(cal: (typeof calendars)[number], ms: number): boolean {
  const day = cal.dayOf(ms);
  if (day.intervals.some(([open, close]) => ms >= open && ms <= close)) return true;
  // exactly at a close that the previous local day owns (a close at midnight)
  return cal.dayOf(ms - 1).intervals.some(([, close]) => close === ms);
}

describe("calendar invariants over random instants in every region", () => {
  it("due >= start", () => {
    fc.assert(
      fc.property(calendar, instant, minutes, (cal, at, n) => {
        const start = nextWorkingInstant(cal, at);
        expect(start).toBeGreaterThanOrEqual(at);
        expect(addWorkingMinutes(cal, start, n)).toBeGreaterThanOrEqual(start);
      }),
      settings,
    );
  });

  it("a due is inside working time or exactly at a close", () => {
    fc.assert(
      fc.property(calendar, instant, minutes, (cal, at, n) => {
        const due = addWorkingMinutes(cal, nextWorkingInstant(cal, at), n);
        expect(isWorkingOrClose(cal, due)).toBe(true);
      }),
      settings,
    );
  });

  it("adding a then b equals adding a + b", () => {
    fc.assert(
      fc.property(calendar, instant, minutes, minutes, (cal, at, a, b) => {
        const start = nextWorkingInstant(cal, at);
        expect(addWorkingMinutes(cal, addWorkingMinutes(cal, start, a), b)).toBe(
          addWorkingMinutes(cal, start, a + b),
        );
      }),
      settings,
    );
  });

  it("working minutes between start and add(start, n) is n", () => {
    fc.assert(
      fc.property(calendar, instant, minutes, (cal, at, n) => {
        const start = nextWorkingInstant(cal, at);
        expect(workingMinutesBetween(cal, start, addWorkingMinutes(cal, start, n))).toBe(n);
      }),
      settings,
    );
  });
});
