import type { SlaClock } from "../time/clock.js";
import type { Pause } from "./ticket-timeline.js";

/** A stretch during which one target (and the clock it runs on) was in force. */
export interface TargetPeriod {
  readonly from: number;
  readonly to: number | null;
  readonly clock: SlaClock;
  /** Milliseconds of the clock's time allowed; null when the priority sets no target for the metric. */
  readonly targetMs: number | null;
}

/** Where one metric stands at an instant. */
export interface MetricReading {
  readonly state: "running" | "at-risk" | "breached" | "met" | "paused";
  /** When the clock began to run (the first working instant at or after the event, for working clocks). */
  readonly start: number;
  /** When the target in force runs out; null while paused before it does. */
  readonly due: number | null;
  readonly elapsedMs: number;
  readonly remainingMs: number;
  readonly breachedAt: number | null;
  readonly reclassified: boolean;
  readonly endedAt: number | null;
}

/** The clock's time in `[start, t)` less the paused time, each pause measured on the same clock. */
export function elapsedAt(params: {
  clock: SlaClock;
  start: number;
  pauses: readonly Pause[];
  at: number;
}): number {
  const { clock, start, pauses, at } = params;
  if (at <= start) return 0;
  let total = clock.msBetween(start, at);
  for (const pause of pauses) {
    const from = Math.max(pause.from, start);
    const to = Math.min(pause.to ?? at, at);
    if (to > from) total -= clock.msBetween(from, to);
  }
  return Math.max(0, total);
}

/**
 * The instant at which the elapsed time reaches `targetMs`, walking the unpaused stretches from
 * `start`. Null when a pause that has not ended comes first.
 */
export function instantWhenElapsed(params: {
  clock: SlaClock;
  start: number;
  pauses: readonly Pause[];
  targetMs: number;
}): number | null {
  const { clock, start, pauses, targetMs } = params;
  let cursor = start;
  let accumulated = 0;
  const ordered = [...pauses].filter((p) => (p.to ?? Infinity) > start).sort((a, b) => a.from - b.from);
  for (const pause of ordered) {
    if (pause.from > cursor) {
      const available = clock.msBetween(cursor, pause.from);
      if (accumulated + available >= targetMs) return clock.addMs(cursor, targetMs - accumulated);
      accumulated += available;
    }
    if (pause.to === null) return null;
    cursor = Math.max(cursor, pause.to);
  }
  return clock.addMs(cursor, targetMs - accumulated);
}

/**
 * Reads one metric at `now`. `event` is what started it; `end` what met it (a response, or the
 * ticket closing). Each target period is judged on its own clock: the metric breaches at the first
 * instant its elapsed time reaches the target in force; when a priority change brings in a target
 * that is already exceeded, the breach is recorded at the change and marked `reclassified`.
 */
export function readMetric(params: {
  readonly event: number;
  readonly end: number | null;
  readonly periods: readonly TargetPeriod[];
  readonly pauses: readonly Pause[];
  readonly now: number;
  readonly atRisk: number;
}): MetricReading {
  const { event, end, periods, now, atRisk } = params;
  const ended = end !== null && end <= now;
  const horizon = ended ? end : now;
  // Only pauses before the metric ended matter; one still open when it ended closes there.
  const pauses = params.pauses
    .filter((p) => p.from < horizon || (!ended && p.from <= horizon))
    .map((p) => (ended && (p.to === null || p.to > horizon) ? { ...p, to: horizon } : p));
  let breachedAt: number | null = null;
  let reclassified = false;
  for (const period of periods) {
    if (period.targetMs === null) continue;
    const start = period.clock.startAt(event);
    const from = Math.max(period.from, event);
    const to = period.to ?? Infinity;
    if (from > horizon) break;
    const due = instantWhenElapsed({ clock: period.clock, start, pauses, targetMs: period.targetMs });
    if (due === null) continue;
    // A breach must come before the response that meets the metric (a response exactly at the
    // due time meets it), or by now while it is still running.
    const inTime = (at: number) => (ended ? at < horizon : at <= now);
    if (due < from) {
      if (from > event && inTime(from)) {
        breachedAt = from;
        reclassified = true;
        break;
      }
      continue;
    }
    if (due < to && inTime(due)) {
      breachedAt = due;
      break;
    }
  }
  const last = periods[periods.length - 1];
  if (!last) throw new Error("a metric needs at least one target period");
  const start = last.clock.startAt(event);
  const elapsedMs = elapsedAt({ clock: last.clock, start, pauses, at: horizon });
  const targetMs = last.targetMs ?? Infinity;
  const due =
    last.targetMs === null
      ? null
      : instantWhenElapsed({ clock: last.clock, start, pauses, targetMs: last.targetMs });
  const remainingMs = Number.isFinite(targetMs) ? targetMs - elapsedMs : Infinity;
  const endedAt = ended ? end : null;
  const pausedNow = pauses.some((p) => p.to === null && p.from <= now);
  let state: MetricReading["state"];
  if (breachedAt !== null) state = "breached";
  else if (endedAt !== null) state = "met";
  else if (pausedNow) state = "paused";
  else if (elapsedMs >= atRisk * targetMs) state = "at-risk";
  else state = "running";
  return { state, start, due, elapsedMs, remainingMs, breachedAt, reclassified, endedAt };
}
