import type { Priority } from "../labels.js";
import { clockForTarget, type ClientTerms } from "./policy.js";
import type { Metric } from "./targets.js";

/** When a metric of a new ticket falls due. */
export interface DueAnswer {
  readonly target: string;
  readonly clock: "working" | "24/7";
  readonly start: number;
  readonly due: number;
}

/**
 * The due time of one metric for a ticket opened at `opened`, with no pauses or responses: the
 * clock starts at the first working instant at or after the event (at the event for 24/7 clocks)
 * and the target's time is added. Returns a message when the plan sets no such target.
 */
export function computeDue(params: {
  readonly terms: ClientTerms;
  readonly priority: Priority;
  readonly metric: Metric;
  readonly opened: number;
}): DueAnswer | string {
  const { terms, priority, metric, opened } = params;
  const target = terms.plan[priority][metric];
  if (!target) return `plan "${terms.planName}" sets no ${metric} target for ${priority}`;
  const { clock, targetMs } = clockForTarget(target, terms);
  const start = clock.startAt(opened);
  return { target: target.text, clock: clock.kind, start, due: clock.addMs(start, targetMs) };
}
