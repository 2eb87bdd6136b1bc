import { DateTime } from "luxon";
import { PRIORITIES, type Priority } from "../labels.js";
import type { SlaPolicy } from "../sla/policy.js";
import { isClientTicket, reportedSla } from "../sla/report.js";
import type { TicketSnapshot } from "../ticket/snapshot.js";

/** One line or bar series of a chart. */
export interface Series {
  readonly name: string;
  /** One value per category; null where there is nothing to show (no first response judged that month). */
  readonly values: readonly (number | null)[];
}

/** The numbers behind the service charts, by local calendar month and week. */
export interface ServiceSeries {
  /** Months, oldest first, as `YYYY-MM`. */
  readonly months: readonly string[];
  /** Share of first responses within target, in percent, per client and month (of tickets opened that month). */
  readonly firstResponses: readonly Series[];
  /** SLA breaches per month (when they happened), reclassified ones left out. */
  readonly breaches: Series;
  /** Weeks, oldest first, as the Monday `YYYY-MM-DD`. */
  readonly weeks: readonly string[];
  /** Tickets opened per week, one series per priority. */
  readonly openedByPriority: readonly Series[];
}

/** The last `months` local calendar months as `YYYY-MM`, oldest first, the month of `now` included. */
export function lastMonths(params: {
  readonly now: number;
  readonly zone: string;
  readonly months: number;
}): string[] {
  const today = DateTime.fromMillis(params.now, { zone: params.zone });
  return Array.from({ length: params.months }, (_, i) =>
    today
      .startOf("month")
      .minus({ months: params.months - 1 - i })
      .toFormat("yyyy-LL"),
  );
}

/**
 * The service's trends from the tickets of a period (open and closed): first responses within
 * target per month and client, breaches per month, tickets opened per week by priority. Pure:
 * the same tickets and `now` always give the same numbers, so a chart built from them changes
 * only when the tickets do.
 */
export function serviceSeries(params: {
  readonly tickets: readonly TicketSnapshot[];
  readonly policy: SlaPolicy;
  readonly now: number;
  readonly zone: string;
  readonly botLogin?: string;
  /** How many months to show, the current one included. */
  readonly months: number;
  /** How many weeks to show, the current one included. */
  readonly weeks: number;
}): ServiceSeries {
  const { zone } = params;
  const today = DateTime.fromMillis(params.now, { zone });
  const months = lastMonths({ now: params.now, zone, months: params.months });
  const weeks = Array.from(
    { length: params.weeks },
    (_, i) =>
      today
        .startOf("week")
        .minus({ weeks: params.weeks - 1 - i })
        .toISODate() ?? "",
  );
  const monthOf = (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-LL");
  const weekOf = (ms: number) => DateTime.fromMillis(ms, { zone }).startOf("week").toISODate() ?? "";
  const judged = new Map<string, { within: number; judged: number }>();
  const breaches = new Map<string, number>();
  const opened = new Map<string, number>();
  const clients = new Set<string>();
  for (const snapshot of params.tickets) {
    if (!isClientTicket(snapshot)) continue;
    const sla = reportedSla({ snapshot, policy: params.policy, now: params.now, botLogin: params.botLogin });
    const week = weekOf(snapshot.createdAt);
    opened.set(`${week}|${sla.priority}`, (opened.get(`${week}|${sla.priority}`) ?? 0) + 1);
    clients.add(sla.terms.id);
    const first = sla.metrics.find((m) => m.metric === "firstResponse" && m.cycle === 1);
    if (first && (first.state === "met" || first.state === "breached")) {
      const key = `${sla.terms.id}|${monthOf(snapshot.createdAt)}`;
      const row = judged.get(key) ?? { within: 0, judged: 0 };
      row.judged += 1;
      if (first.state === "met") row.within += 1;
      judged.set(key, row);
    }
    for (const metric of sla.metrics) {
      if (metric.state !== "breached" || metric.reclassified || metric.breachedAt === null) continue;
      const month = monthOf(metric.breachedAt);
      breaches.set(month, (breaches.get(month) ?? 0) + 1);
    }
  }
  return {
    months,
    firstResponses: [...clients].sort().map((client) => ({
      name: client,
      values: months.map((month) => {
        const row = judged.get(`${client}|${month}`);
        return row ? Math.round((row.within / row.judged) * 1000) / 10 : null;
      }),
    })),
    breaches: { name: "breaches", values: months.map((month) => breaches.get(month) ?? 0) },
    weeks,
    openedByPriority: PRIORITIES.map((priority: Priority) => ({
      name: priority,
      values: weeks.map((week) => opened.get(`${week}|${priority}`) ?? 0),
    })),
  };
}
