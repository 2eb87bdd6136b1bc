import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  WorkingCalendar,
  WEEKDAYS,
  type CalendarSpec,
  type LocalInterval,
} from "../../src/core/time/calendar.js";
import type { HolidayRegion } from "../../src/core/time/holidays.js";
import {
  addWorkingMinutes,
  addWorkingMs,
  explainWorkingSpan,
  nextWorkingInstant,
  workingMsBetween,
} from "../../src/core/time/working-time.js";
import { agencyCalendar } from "../helpers/calendars.js";

// Invariants not covered by test/core/time/calendar-properties.test.ts, over the agency calendar in
// every holiday region and over random calendars: zones whose clocks change at midnight, by half
// an hour, or backwards in winter; split days; days that close at midnight.

const REGIONS: HolidayRegion[] = ["england-and-wales", "scotland", "northern-ireland", "none"];
const ZONES = [
  "Europe/London",
  "Europe/Dublin",
  "America/New_York",
  "America/Santiago",
  "Africa/Cairo",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "Asia/Kolkata",
];
const SETTINGS = { seed: 20261202, numRuns: 400 };

/** One day's hours: up to three intervals on a 30-minute grid, some reaching midnight. */
const dayHours: fc.Arbitrary<LocalInterval[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 48 }), { minLength: 0, maxLength: 6 })
  .map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const intervals: LocalInterval[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2)
      intervals.push({ open: (sorted[i] ?? 0) * 30, close: (sorted[i + 1] ?? 0) * 30 });
    return intervals;
  });

const randomSpec: fc.Arbitrary<CalendarSpec> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    region: fc.constantFrom(...REGIONS),
    days: fc.tuple(dayHours, dayHours, dayHours, dayHours, dayHours, dayHours, dayHours),
    extraClosed: fc.uniqueArray(
      fc
        .integer({ min: 0, max: 3 * 365 })
        .map((d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10)),
      { maxLength: 10 },
    ),
  })
  .filter(({ days }) => days.some((d) => d.length > 0))
  .map(({ zone, region, days, extraClosed }) => ({
    zone,
    region,
    extraClosed,
    week: Object.fromEntries(WEEKDAYS.map((w, i) => [w, days[i] ?? []])),
  }));

// A fixed pool of calendars (each caches its days, so a pool is fast), drawn with the seed.
const CALENDARS = [
  ...REGIONS.map((region) => agencyCalendar(region)),
  ...fc.sample(randomSpec, { seed: SETTINGS.seed, numRuns: 16 }).map((spec) => new WorkingCalendar(spec)),
];
const calendar = fc.constantFrom(...CALENDARS);

const FROM = Date.parse("2025-01-01T00:00:00Z");
const TO = Date.parse("2027-12-31T00:00:00Z");
const MINUTE = 60_000;
const instant = fc.integer({ min: FROM / MINUTE, max: TO / MINUTE }).map((m) => m * MINUTE);
/** Three instants a <= b <= c, at most 40 days apart. */
const ordered = fc
  .tuple(instant, fc.integer({ min: 0, max: 40 * 1440 }), fc.integer({ min: 0, max: 40 * 1440 }))
  .map(([a, x, y]) => {
    const [first, second] = x <= y ? [x, y] : [y, x];
    return [a, a + first * MINUTE, a + second * MINUTE] as const;
  });
const minutes = fc.integer({ min: 0, max: 5 * 2400 });

describe("working calendar invariants (random instants, every region, random calendars)", () => {
  it("nextWorkingInstant is idempotent and skips no working time", () => {
    fc.assert(
      fc.property(calendar, instant, (cal, at) => {
        const next = nextWorkingInstant(cal, at);
        expect(next).toBeGreaterThanOrEqual(at);
        expect(nextWorkingInstant(cal, next)).toBe(next);
        expect(workingMsBetween(cal, at, next)).toBe(0);
      }),
      SETTINGS,
    );
  });

  it("nextWorkingInstant never goes backwards: a <= b gives next(a) <= next(b)", () => {
    fc.assert(
      fc.property(calendar, ordered, (cal, [a, b]) => {
        expect(nextWorkingInstant(cal, a)).toBeLessThanOrEqual(nextWorkingInstant(cal, b));
      }),
      SETTINGS,
    );
  });

  it("workingMinutesBetween is additive over a split point and never more than the time between", () => {
    fc.assert(
      fc.property(calendar, ordered, (cal, [a, b, c]) => {
        const whole = workingMsBetween(cal, a, c);
        expect(whole).toBe(workingMsBetween(cal, a, b) + workingMsBetween(cal, b, c));
        expect(whole).toBeGreaterThanOrEqual(0);
        expect(whole).toBeLessThanOrEqual(c - a);
        expect(workingMsBetween(cal, c, a)).toBe(0); // a reversed span counts nothing
      }),
      SETTINGS,
    );
  });

  it("adding from outside working time is adding from the next working instant", () => {
    fc.assert(
      fc.property(calendar, instant, minutes, (cal, at, n) => {
        if (n === 0) return;
        expect(addWorkingMinutes(cal, at, n)).toBe(addWorkingMinutes(cal, nextWorkingInstant(cal, at), n));
      }),
      SETTINGS,
    );
  });

  it("adding more working minutes never gives an earlier due", () => {
    fc.assert(
      fc.property(calendar, instant, minutes, minutes, (cal, at, x, y) => {
        const start = nextWorkingInstant(cal, at);
        const [small, large] = x <= y ? [x, y] : [y, x];
        expect(addWorkingMinutes(cal, start, small)).toBeLessThanOrEqual(
          addWorkingMinutes(cal, start, large),
        );
      }),
      SETTINGS,
    );
  });

  it("the working time between s and t, added to s, lands at or before t with no working time left", () => {
    fc.assert(
      fc.property(calendar, ordered, (cal, [s, , t]) => {
        const reached = addWorkingMs(cal, s, workingMsBetween(cal, s, t));
        expect(reached).toBeLessThanOrEqual(t);
        expect(workingMsBetween(cal, reached, t)).toBe(0);
      }),
      SETTINGS,
    );
  });

  it("the explanation of a span counts exactly the working minutes between its ends", () => {
    fc.assert(
      fc.property(calendar, ordered, (cal, [a, , c]) => {
        const counted = explainWorkingSpan(cal, a, c).reduce(
          (sum, step) => sum + (step.kind === "counted" ? step.minutes : 0),
          0,
        );
        expect(counted * MINUTE).toBe(workingMsBetween(cal, a, c));
      }),
      SETTINGS,
    );
  });

  it("a due is never inside closed time: the working time just before it is working time", () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 1, max: 5 * 2400 }), (cal, at, n) => {
        const due = addWorkingMinutes(cal, nextWorkingInstant(cal, at), n);
        expect(workingMsBetween(cal, due - MINUTE, due)).toBeGreaterThan(0);
      }),
      SETTINGS,
    );
  });
});
