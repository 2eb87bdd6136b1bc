import { outcomeKey, type RecordedOutcome } from "../sla/recorded-outcomes.js";
import type { MetricStatus } from "../sla/ticket-sla.js";
import { marker, markersIn } from "../markers.js";
import type { TicketComment } from "./snapshot.js";

const OUTCOME = /^outcome:(c\d+:[A-Za-z]+:\d+):(met|breached):(\d+)$/;
const BREACH_NOTICE = /^notice:(c\d+:[A-Za-z]+:\d+):breached$/;

/**
 * The outcomes Firstline recorded on a ticket: the card's outcome markers and its breach notices,
 * read only from Firstline's own comments (a client cannot forge one).
 */
export function recordedOutcomes(params: { readonly comments: readonly TicketComment[]; readonly botLogin: string }): Map<string, RecordedOutcome> {
  const found = new Map<string, RecordedOutcome>();
  for (const [key, comment] of markersIn(params)) {
    const outcome = OUTCOME.exec(key);
    if (outcome?.[1] && outcome[2] && outcome[3]) {
      found.set(outcome[1], { state: outcome[2] as RecordedOutcome["state"], at: Number(outcome[3]) });
      continue;
    }
    const notice = BREACH_NOTICE.exec(key);
    if (notice?.[1] && !found.has(notice[1])) found.set(notice[1], { state: "breached", at: comment.createdAt });
  }
  return found;
}

/** The markers that record a ticket's decided metrics, for its card. */
export function outcomeMarkers(metrics: readonly MetricStatus[]): string[] {
  return metrics.flatMap((m) => {
    if (m.state === "met" && m.endedAt !== null) return [marker(`outcome:${outcomeKey(m)}:met:${m.endedAt}`)];
    if (m.state === "breached") return [marker(`outcome:${outcomeKey(m)}:breached:${m.breachedAt ?? m.due ?? 0}`)];
    return [];
  });
}
