import type { WorkingCalendar } from "./calendar.js";
import {
  addWorkingMs,
  explainWorkingSpan,
  nextWorkingInstant,
  workingMsBetween,
  type SpanStep,
} from "./working-time.js";

/**
 * How an SLA clock measures time: working time of a calendar, or round-the-clock (24/7) time,
 * which is plain UTC arithmetic and so right across daylight-saving changes.
 */
export interface SlaClock {
  readonly kind: "working" | "24/7";
  /** When a clock started by an event at `ms` begins to run. */
  readonly startAt: (ms: number) => number;
  /** The instant `amount` milliseconds of this clock's time after `ms`. */
  readonly addMs: (ms: number, amount: number) => number;
  /** This clock's milliseconds in `[from, to)`. */
  readonly msBetween: (from: number, to: number) => number;
  /** The span, step by step, for explanations. */
  readonly explain: (from: number, to: number) => SpanStep[];
}

/** A clock that counts only the calendar's working time. */
export function workingClock(calendar: WorkingCalendar): SlaClock {
  return {
    kind: "working",
    startAt: (ms) => nextWorkingInstant(calendar, ms),
    addMs: (ms, amount) => addWorkingMs(calendar, ms, amount),
    msBetween: (from, to) => workingMsBetween(calendar, from, to),
    explain: (from, to) => explainWorkingSpan(calendar, from, to),
  };
}

/** A clock that runs round the clock. */
export const roundTheClock: SlaClock = {
  kind: "24/7",
  startAt: (ms) => ms,
  addMs: (ms, amount) => ms + amount,
  msBetween: (from, to) => Math.max(0, to - from),
  explain: (from, to) => (to > from ? [{ kind: "counted", from, to, minutes: (to - from) / 60_000 }] : []),
};
