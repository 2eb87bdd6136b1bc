import type { Priority } from "../labels.js";
import { readMetric, type MetricReading, type TargetPeriod } from "./metric-clock.js";
import { clockForTarget, type ClientTerms, type SlaPolicy } from "./policy.js";
import { metricInstanceKey, withRecordedOutcome, type RecordedOutcomes } from "./recorded-outcomes.js";
import type { Metric } from "./targets.js";
import {
  priorityAt,
  readTimeline,
  type Comment,
  type Cycle,
  type TicketTimeline,
  type TimelineFacts,
} from "./ticket-timeline.js";

/** One metric of one cycle of a ticket, read at an instant. */
export interface MetricStatus extends MetricReading {
  readonly metric: Metric;
  /** The ticket's cycle (1 for the first opening, 2 after the first reopen, ...). */
  readonly cycle: number;
  /** For nextResponse, which one in the cycle (1, 2, ...); 1 otherwise. */
  readonly instance: number;
  /** The event that started the metric. */
  readonly event: number;
  readonly priority: Priority;
  readonly target: string;
  readonly clock: "working" | "24/7";
  readonly targetMs: number;
}

/** A ticket's SLA at an instant. */
export interface TicketSla {
  readonly terms: ClientTerms;
  readonly priority: Priority;
  readonly paused: boolean;
  readonly open: boolean;
  readonly metrics: readonly MetricStatus[];
  readonly facts: TimelineFacts;
}

/**
 * Computes every SLA metric of a ticket from its timeline at `now`: pure, so the same timeline
 * always gives the same answer, and the card on the issue is only ever a cache of this.
 */
export function computeTicketSla(params: {
  readonly timeline: TicketTimeline;
  readonly policy: SlaPolicy;
  readonly now: number;
  /** Outcomes already recorded for this ticket: they stand, whatever the configuration says now. */
  readonly recorded?: RecordedOutcomes;
}): TicketSla {
  const { timeline, policy, now } = params;
  const facts = readTimeline({ timeline, now, pauseLabels: policy.pauseLabels });
  const terms = policy.termsFor({ clientLabel: facts.clientLabel, repo: timeline.repo });
  const isResponse = (comment: Comment) =>
    policy.isStaff(comment.by) && comment.by.toLowerCase() !== timeline.reporter.toLowerCase();
  const isClientSide = (comment: Comment) => !policy.isBot(comment.by) && !isResponse(comment);
  const metrics: MetricStatus[] = [];
  for (const cycle of facts.cycles) {
    const inCycle = facts.comments.filter(
      (c) => c.at >= cycle.start && (cycle.end === null || c.at <= cycle.end),
    );
    const firstResponse = inCycle.find(isResponse);
    const firstEnd = earliest(firstResponse?.at, cycle.end);
    pushMetric({
      metrics,
      metric: "firstResponse",
      cycle,
      instance: 1,
      event: cycle.start,
      end: firstEnd,
      terms,
      facts,
      policy,
      now,
    });
    pushMetric({
      metrics,
      metric: "resolution",
      cycle,
      instance: 1,
      event: cycle.start,
      end: cycle.end,
      terms,
      facts,
      policy,
      now,
    });
    if (firstResponse) {
      let instance = 0;
      let waitingSince: number | undefined;
      for (const comment of inCycle.filter((c) => c.at > firstResponse.at)) {
        if (isResponse(comment) && waitingSince !== undefined) {
          instance += 1;
          pushMetric({
            metrics,
            metric: "nextResponse",
            cycle,
            instance,
            event: waitingSince,
            end: comment.at,
            terms,
            facts,
            policy,
            now,
          });
          waitingSince = undefined;
        } else if (isClientSide(comment) && waitingSince === undefined) {
          waitingSince = comment.at;
        }
      }
      if (waitingSince !== undefined) {
        instance += 1;
        pushMetric({
          metrics,
          metric: "nextResponse",
          cycle,
          instance,
          event: waitingSince,
          end: cycle.end,
          terms,
          facts,
          policy,
          now,
        });
      }
    }
  }
  const lastCycle = facts.cycles[facts.cycles.length - 1];
  return {
    terms,
    priority: facts.priorityNow,
    paused: facts.pauses.some((p) => p.to === null),
    open: lastCycle !== undefined && lastCycle.end === null,
    metrics: params.recorded
      ? metrics.map((m) => withRecordedOutcome(m, params.recorded?.get(metricInstanceKey(m))))
      : metrics,
    facts,
  };
}

function earliest(a: number | undefined, b: number | null): number | null {
  if (a === undefined) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

function pushMetric(params: {
  metrics: MetricStatus[];
  metric: Metric;
  cycle: Cycle;
  instance: number;
  event: number;
  end: number | null;
  terms: ClientTerms;
  facts: TimelineFacts;
  policy: SlaPolicy;
  now: number;
}): void {
  const { metric, event, end, terms, facts, policy, now } = params;
  const periods = targetPeriods({ metric, event, terms, facts });
  const last = periods[periods.length - 1];
  if (!last || last.period.targetMs === null) return;
  const reading = readMetric({
    event,
    end,
    periods: periods.map((p) => p.period),
    pauses: facts.pauses,
    now,
    atRisk: policy.atRisk,
  });
  params.metrics.push({
    ...reading,
    metric,
    cycle: params.cycle.index,
    instance: params.instance,
    event,
    priority: last.priority,
    target: last.target ?? "",
    clock: last.period.clock.kind,
    targetMs: last.period.targetMs,
  });
}

function targetPeriods(params: { metric: Metric; event: number; terms: ClientTerms; facts: TimelineFacts }) {
  const { metric, event, terms, facts } = params;
  const changes = [
    { at: event, priority: priorityAt(facts.priorities, event) },
    ...facts.priorities.filter((p) => p.at > event),
  ];
  return changes.map((change, index) => {
    const target = terms.plan[change.priority][metric];
    const next = changes[index + 1];
    const { clock, targetMs } = target
      ? clockForTarget(target, terms)
      : clockForTarget({ text: "", unit: "working", minutes: 0, days: 0 }, terms);
    const period: TargetPeriod = {
      from: change.at,
      to: next?.at ?? null,
      clock,
      targetMs: target ? targetMs : null,
    };
    return { period, priority: change.priority, target: target?.text };
  });
}
