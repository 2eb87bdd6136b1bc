import { PRIORITY_NAMES } from "../labels.js";
import { formatLocal, formatMinutes } from "../time/format.js";
import type { SpanStep } from "../time/working-time.js";
import { clockForTarget } from "./policy.js";
import type { MetricStatus, TicketSla } from "./ticket-sla.js";

const MINUTE_MS = 60_000;

/** A ticket's SLA in words, line by line: what was counted, what was skipped, and why the state is what it is. */
export function explainTicketSla(params: { readonly sla: TicketSla; readonly now: number }): string[] {
  const { sla, now } = params;
  const { terms } = sla;
  const at = (ms: number) => formatLocal(ms, terms.zone);
  const lines = [
    `Client ${terms.id} (${terms.name}), plan ${terms.planName}, priority ${sla.priority} (${PRIORITY_NAMES[sla.priority]}); ${terms.outOfHours ? "out-of-hours cover" : "working hours only"}; zone ${terms.zone}.`,
    `Read at ${at(now)}.`,
  ];
  for (const pause of sla.facts.pauses) {
    lines.push(
      `Paused ${at(pause.from)} to ${pause.to === null ? "now (still paused)" : at(pause.to)} (${pause.labels.join(", ")}).`,
    );
  }
  for (const change of sla.facts.priorities.slice(1)) {
    lines.push(
      `Priority set to ${change.priority} at ${at(change.at)}${change.by ? ` by ${change.by}` : ""}.`,
    );
  }
  for (const metric of sla.metrics) lines.push("", ...explainMetric({ metric, sla, now }));
  if (sla.metrics.length === 0) lines.push("", "No SLA metric applies yet.");
  return lines;
}

function explainMetric(params: { metric: MetricStatus; sla: TicketSla; now: number }): string[] {
  const { metric, sla, now } = params;
  const { terms } = sla;
  const at = (ms: number) => formatLocal(ms, terms.zone);
  const name = metric.metric === "nextResponse" ? `nextResponse #${metric.instance}` : metric.metric;
  const lines = [
    `${name}, cycle ${metric.cycle}: target ${metric.target} for ${metric.priority}, on the ${metric.clock === "24/7" ? "24/7 clock" : "working-hours clock"}.`,
    `  Started by the event at ${at(metric.event)}; the clock ${metric.start === metric.event ? "starts then" : `starts at ${at(metric.start)}, the first working instant`}.`,
  ];
  const target = terms.plan[metric.priority][metric.metric];
  const until = metric.endedAt ?? now;
  if (target) {
    const { clock } = clockForTarget(target, terms);
    for (const step of clock.explain(metric.start, until)) lines.push(`  ${describeStep(step, at)}`);
  }
  const due = metric.due === null ? "not known while paused" : at(metric.due);
  lines.push(
    `  Elapsed ${formatMinutes(metric.elapsedMs / MINUTE_MS)} of ${formatMinutes(metric.targetMs / MINUTE_MS)} (pauses not counted); due ${due}.`,
  );
  lines.push(`  State: ${metric.state}, because ${reason(metric, at)}.`);
  return lines;
}

function describeStep(step: SpanStep, at: (ms: number) => string): string {
  if (step.kind === "skipped") return `skipped ${step.date}: ${step.reason}`;
  return `counted ${at(step.from)} to ${at(step.to)}: ${formatMinutes(step.minutes)}`;
}

function reason(metric: MetricStatus, at: (ms: number) => string): string {
  switch (metric.state) {
    case "breached":
      return metric.reclassified
        ? `the priority change at ${at(metric.breachedAt ?? 0)} brought in a target that was already exceeded (reclassified)`
        : `the target ran out at ${at(metric.breachedAt ?? 0)} before ${metric.metric === "resolution" ? "the ticket was closed" : "a staff response"}`;
    case "met":
      return `it ended at ${at(metric.endedAt ?? 0)}, inside the target`;
    case "paused":
      return "a pause label is on the ticket, so the clock is stopped";
    case "at-risk":
      return `${formatMinutes(metric.elapsedMs / MINUTE_MS)} of ${formatMinutes(metric.targetMs / MINUTE_MS)} has elapsed, past the at-risk share`;
    case "running":
      return `${formatMinutes(metric.remainingMs / MINUTE_MS)} remains`;
  }
}
