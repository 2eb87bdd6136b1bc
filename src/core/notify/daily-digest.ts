import { DateTime } from "luxon";
import type { WorkingCalendar } from "../time/calendar.js";
import type { NotifyEvent } from "./events.js";
import { inWorkingHours } from "./plan.js";

/** What the daily digest counts, from the sweep's tickets. */
export interface DeskCounts {
  readonly open: number;
  readonly breached: number;
  readonly atRisk: number;
  readonly waitingOnClient: number;
  readonly p1: number;
}

/**
 * The short daily digest of the dashboard, due once a working day from the start of working
 * hours (the agency's calendar, so the hour comes from configuration): null when not due.
 */
export function dailyDigestEvent(params: {
  readonly counts: DeskCounts;
  readonly calendar: WorkingCalendar;
  readonly zone: string;
  readonly now: number;
  readonly lastSentDay: string | undefined;
  readonly link: string;
}): NotifyEvent | null {
  const { counts, now } = params;
  if (!inWorkingHours(params.calendar, now)) return null;
  const day = DateTime.fromMillis(now, { zone: params.zone }).toISODate() ?? "";
  if (params.lastSentDay === day) return null;
  return {
    id: `digest:${day}`,
    kind: "digest",
    at: now,
    headline: `Support desk on ${day}`,
    details: [
      `${counts.open} open tickets: ${counts.p1} P1, ${counts.breached} breached, ${counts.atRisk} at risk, ${counts.waitingOnClient} waiting on the client.`,
    ],
    people: [],
    link: params.link,
  };
}

/** The counts of the dashboard from the swept tickets' states. */
export function deskCounts(
  swept: readonly {
    readonly sla: {
      readonly priority: string;
      readonly metrics: readonly { readonly state: string; readonly endedAt: number | null }[];
    };
    readonly waitingOnClient: boolean;
  }[],
): DeskCounts {
  const live = (state: string) =>
    swept.filter((t) => t.sla.metrics.some((m) => m.endedAt === null && m.state === state)).length;
  return {
    open: swept.length,
    breached: live("breached"),
    atRisk: live("at-risk"),
    waitingOnClient: swept.filter((t) => t.waitingOnClient).length,
    p1: swept.filter((t) => t.sla.priority === "P1").length,
  };
}
