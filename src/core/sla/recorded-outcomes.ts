import type { MetricReading } from "./metric-clock.js";

/**
 * An outcome Firstline already recorded for one metric: once met or breached, a metric stays so,
 * whatever later changes to the configuration (a colleague removed from staff, a client moved to
 * another plan) would make of the same history.
 */
export interface RecordedOutcome {
  readonly state: "met" | "breached";
  /** When it was met or breached (epoch ms), if known. */
  readonly at: number | null;
}

/** Recorded outcomes by `c<cycle>:<metric>:<instance>`. */
export type RecordedOutcomes = ReadonlyMap<string, RecordedOutcome>;

/** The key of one metric of one cycle. */
export function metricInstanceKey(metric: {
  readonly cycle: number;
  readonly metric: string;
  readonly instance: number;
}): string {
  return `c${metric.cycle}:${metric.metric}:${metric.instance}`;
}

/** A reading with its recorded outcome applied: history stands, only the undecided is computed. */
export function withRecordedOutcome<R extends MetricReading>(
  reading: R,
  recorded: RecordedOutcome | undefined,
): R {
  if (!recorded || reading.state === recorded.state) return reading;
  if (recorded.state === "met") {
    const endedAt = recorded.at ?? reading.endedAt;
    return {
      ...reading,
      state: "met",
      breachedAt: null,
      reclassified: false,
      endedAt,
      remainingMs: Math.max(0, reading.remainingMs),
    };
  }
  return {
    ...reading,
    state: "breached",
    breachedAt: recorded.at ?? reading.breachedAt ?? reading.due,
    remainingMs: Math.min(0, reading.remainingMs),
  };
}
