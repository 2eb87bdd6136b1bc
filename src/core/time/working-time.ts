import type { WorkingCalendar } from "./calendar.js";

const MINUTE_MS = 60_000;
/** No sane target runs this far: a calendar that never opens must not loop forever. */
const MAX_DAYS_SCANNED = 3 * 366;

/** The first working instant at or after `ms` (an instant inside working time is its own answer). */
export function nextWorkingInstant(calendar: WorkingCalendar, ms: number): number {
  let day = calendar.dayOf(ms);
  for (let scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++) {
    for (const [open, close] of day.intervals) {
      if (ms < close) return Math.max(ms, open);
    }
    day = calendar.dayByOrdinal(day.ordinal + 1);
  }
  throw new Error("no working time within three years");
}

/**
 * Adds working minutes to an instant. Time outside working hours does not count; a deadline that
 * lands exactly on a closing time stays there (Monday 18:00, not Tuesday 10:00).
 */
export function addWorkingMinutes(calendar: WorkingCalendar, ms: number, minutes: number): number {
  return addWorkingMs(calendar, ms, Math.round(minutes * MINUTE_MS));
}

/** Adds working milliseconds to an instant (see `addWorkingMinutes`). */
export function addWorkingMs(calendar: WorkingCalendar, ms: number, amount: number): number {
  let remaining = amount;
  if (remaining <= 0) return ms;
  let day = calendar.dayOf(ms);
  for (let scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++) {
    for (const [open, close] of day.intervals) {
      if (close <= ms) continue;
      const from = Math.max(open, ms);
      const available = close - from;
      if (remaining <= available) return from + remaining;
      remaining -= available;
    }
    day = calendar.dayByOrdinal(day.ordinal + 1);
  }
  throw new Error("no working time within three years");
}

/** Working milliseconds in `[from, to)`; zero when `to <= from`. */
export function workingMsBetween(calendar: WorkingCalendar, from: number, to: number): number {
  if (to <= from) return 0;
  let total = 0;
  let day = calendar.dayOf(from);
  while (day.startMs < to) {
    for (const [open, close] of day.intervals) {
      const a = Math.max(open, from);
      const b = Math.min(close, to);
      if (b > a) total += b - a;
    }
    day = calendar.dayByOrdinal(day.ordinal + 1);
  }
  return total;
}

/** Working minutes in `[from, to)`. */
export function workingMinutesBetween(calendar: WorkingCalendar, from: number, to: number): number {
  return workingMsBetween(calendar, from, to) / MINUTE_MS;
}

/** One stretch of counted working time, or one day passed over and why. */
export type SpanStep =
  | { readonly kind: "counted"; readonly from: number; readonly to: number; readonly minutes: number }
  | { readonly kind: "skipped"; readonly date: string; readonly reason: string };

/**
 * Explains `[from, to)` day by day: the working segments counted and the days skipped (weekends,
 * bank holidays by name). Days with working hours but none inside the span are not listed.
 */
export function explainWorkingSpan(calendar: WorkingCalendar, from: number, to: number): SpanStep[] {
  const steps: SpanStep[] = [];
  if (to <= from) return steps;
  let day = calendar.dayOf(from);
  for (let scanned = 0; day.startMs < to && scanned < MAX_DAYS_SCANNED; scanned++) {
    if (day.closedBecause !== undefined) {
      const reason =
        day.closedBecause === "weekend"
          ? `${day.weekday === "sat" ? "Saturday" : day.weekday === "sun" ? "Sunday" : "no working hours"}`
          : `bank holiday: ${day.closedBecause.holiday}`;
      steps.push({ kind: "skipped", date: day.date, reason });
    }
    for (const [open, close] of day.intervals) {
      const a = Math.max(open, from);
      const b = Math.min(close, to);
      if (b > a) steps.push({ kind: "counted", from: a, to: b, minutes: (b - a) / MINUTE_MS });
    }
    day = calendar.dayByOrdinal(day.ordinal + 1);
  }
  return steps;
}
