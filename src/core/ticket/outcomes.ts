import { metricInstanceKey, type RecordedOutcome } from "../sla/recorded-outcomes.js";
import type { MetricStatus } from "../sla/ticket-sla.js";
import { marker, markersIn, outcomeKey, parseNoticeKey, parseOutcomeKey } from "../markers.js";
import type { TicketComment } from "./snapshot.js";

/**
 * The outcomes Firstline recorded on a ticket: the card's outcome markers and its breach notices,
 * read only from Firstline's own comments (a client cannot forge one).
 */
export function recordedOutcomes(params: {
  readonly comments: readonly TicketComment[];
  readonly botLogin: string;
}): Map<string, RecordedOutcome> {
  const found = new Map<string, RecordedOutcome>();
  for (const [key, comment] of markersIn(params)) {
    const outcome = parseOutcomeKey(key);
    if (outcome) {
      found.set(outcome.metricKey, { state: outcome.state, at: outcome.at });
      continue;
    }
    const notice = parseNoticeKey(key);
    if (notice?.state === "breached" && !found.has(notice.metricKey))
      found.set(notice.metricKey, { state: "breached", at: comment.createdAt });
  }
  return found;
}

/** The markers that record a ticket's decided metrics, for its card. */
export function outcomeMarkers(metrics: readonly MetricStatus[]): string[] {
  return metrics.flatMap((m) => {
    if (m.state === "met" && m.endedAt !== null)
      return [marker(outcomeKey({ metricKey: metricInstanceKey(m), state: "met", at: m.endedAt }))];
    if (m.state === "breached")
      return [
        marker(
          outcomeKey({ metricKey: metricInstanceKey(m), state: "breached", at: m.breachedAt ?? m.due ?? 0 }),
        ),
      ];
    return [];
  });
}
