import { PRIORITIES, type Priority } from "../labels.js";
import type { TicketSnapshot } from "../ticket/snapshot.js";
import { CARD_KEY, marker } from "../markers.js";
import { recordedOutcomes } from "../ticket/outcomes.js";
import { timelineOf } from "../ticket/snapshot.js";
import type { SlaPolicy } from "./policy.js";
import { computeTicketSla, type TicketSla } from "./ticket-sla.js";

/** One row of the SLA report: a client and priority over the period. */
export interface SlaReportRow {
  readonly client: string;
  readonly priority: Priority;
  readonly tickets: number;
  /** First responses given (of tickets that have had one, or whose target has passed). */
  readonly responded: number;
  /** Share of first responses within target, 0 to 1; null when no first response has been judged yet. */
  readonly withinTarget: number | null;
  /** Median and 90th percentile minutes to first response, on each metric's own clock. */
  readonly medianMinutes: number | null;
  readonly p90Minutes: number | null;
  readonly breaches: number;
  readonly reclassified: number;
}

/** The bot that wrote a ticket's card: Firstline, as far as a read-only report can tell. */
function cardAuthor(snapshot: TicketSnapshot): string {
  return (
    snapshot.comments.find((c) => c.author.endsWith("[bot]") && c.body.includes(marker(CARD_KEY)))?.author ??
    ""
  );
}

/** A ticket's SLA as reports read it: with the outcomes its card recorded. */
export function reportedSla(params: {
  readonly snapshot: TicketSnapshot;
  readonly policy: SlaPolicy;
  readonly now: number;
  readonly botLogin?: string | undefined;
}): TicketSla {
  const { snapshot } = params;
  const botLogin = params.botLogin ?? cardAuthor(snapshot);
  // A read-only report that is not told Firstline's login reads every label change as made (the
  // app puts back the labels a client changes, so the history it leaves is the staff's).
  const trusted = params.botLogin === undefined ? { ...params.policy, isStaff: () => true } : params.policy;
  return computeTicketSla({
    timeline: timelineOf({ snapshot, policy: trusted, botLogin }),
    policy: params.policy,
    now: params.now,
    recorded: recordedOutcomes({ comments: snapshot.comments, botLogin }),
  });
}

/** Maintenance and alert tickets carry no client response target: reports leave them out. */
export function isClientTicket(snapshot: TicketSnapshot): boolean {
  return !snapshot.labels.some((l) => l === "type: maintenance" || l === "type: alert");
}

function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? null;
}

/**
 * The SLA report over tickets opened in a period: per client and priority, how many tickets, the
 * share of first responses within target, the median and 90th percentile time to first response
 * (working time for working-hours targets), and breaches with reclassified ones counted apart.
 * Maintenance and alert tickets, which carry no client response target, are left out.
 */
export function slaReport(params: {
  readonly tickets: readonly TicketSnapshot[];
  readonly policy: SlaPolicy;
  readonly now: number;
  /** Firstline's login; when not given, the bot that wrote each ticket's card. */
  readonly botLogin?: string;
}): SlaReportRow[] {
  const rows = new Map<
    string,
    {
      client: string;
      priority: Priority;
      tickets: number;
      judged: number;
      within: number;
      minutes: number[];
      breaches: number;
      reclassified: number;
    }
  >();
  for (const snapshot of params.tickets) {
    if (!isClientTicket(snapshot)) continue;
    const sla = reportedSla({ snapshot, policy: params.policy, now: params.now, botLogin: params.botLogin });
    const first = sla.metrics.find((m) => m.metric === "firstResponse" && m.cycle === 1);
    const key = `${sla.terms.id}\u0000${sla.priority}`;
    const row = rows.get(key) ?? {
      client: sla.terms.id,
      priority: sla.priority,
      tickets: 0,
      judged: 0,
      within: 0,
      minutes: [],
      breaches: 0,
      reclassified: 0,
    };
    rows.set(key, row);
    row.tickets += 1;
    for (const metric of sla.metrics) {
      if (metric.state !== "breached") continue;
      if (metric.reclassified) row.reclassified += 1;
      else row.breaches += 1;
    }
    if (!first) continue;
    if (first.state === "met" || first.state === "breached") {
      row.judged += 1;
      if (first.state === "met") row.within += 1;
    }
    if (first.endedAt !== null) row.minutes.push(first.elapsedMs / 60_000);
  }
  return [...rows.values()]
    .sort((a, b) =>
      a.client === b.client
        ? PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority)
        : a.client < b.client
          ? -1
          : 1,
    )
    .map((r) => ({
      client: r.client,
      priority: r.priority,
      tickets: r.tickets,
      responded: r.minutes.length,
      withinTarget: r.judged === 0 ? null : r.within / r.judged,
      medianMinutes: percentile(r.minutes, 0.5),
      p90Minutes: percentile(r.minutes, 0.9),
      breaches: r.breaches,
      reclassified: r.reclassified,
    }));
}

const minutes = (value: number | null) => (value === null ? "" : String(Math.round(value)));
const share = (value: number | null) => (value === null ? "" : `${Math.round(value * 1000) / 10}%`);

/** The report as a markdown table (job summaries, the terminal). */
export function slaReportTable(rows: readonly SlaReportRow[]): string {
  return [
    "| client | priority | tickets | first responses within target | median to first response (min) | 90th percentile (min) | breaches | reclassified |",
    "|---|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.client} | ${r.priority} | ${r.tickets} | ${share(r.withinTarget) || "n/a"} | ${minutes(r.medianMinutes) || "n/a"} | ${minutes(r.p90Minutes) || "n/a"} | ${r.breaches} | ${r.reclassified} |`,
    ),
  ].join("\n");
}

/** The report as CSV. */
export function slaReportCsv(rows: readonly SlaReportRow[]): string {
  const header =
    "client,priority,tickets,first_responses_within_target,median_minutes_to_first_response,p90_minutes_to_first_response,breaches,reclassified";
  return `${[header, ...rows.map((r) => [r.client, r.priority, r.tickets, r.withinTarget === null ? "" : r.withinTarget.toFixed(3), minutes(r.medianMinutes), minutes(r.p90Minutes), r.breaches, r.reclassified].join(","))].join("\n")}\n`;
}
