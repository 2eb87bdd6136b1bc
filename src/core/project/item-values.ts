import { DateTime } from "luxon";
import type { SweptTicket } from "../sweep/plan-sweep.js";
import { worstMetric } from "../sweep/plan-sweep.js";
import type { Responders } from "../ticket/responders.js";
import { zoneAbbreviation } from "../time/format.js";
import { FIELD, type FieldValues, type ProjectSlaState } from "./project-fields.js";

const TYPE_LABEL = /^type: (.+)$/i;

/** The SLA state an item shows: its most urgent open target's, or met when none is left running. */
export function slaStateOf(ticket: SweptTicket): ProjectSlaState {
  if (ticket.sla.paused) return "paused";
  const worst = worstMetric(ticket.sla);
  if (!worst) return "met";
  return worst.state === "at-risk" ? "at risk" : worst.state;
}

/**
 * The values a ticket's item should have. Only states and absolute times go in (nothing that
 * changes by itself as time passes), so a quiet sweep finds every item as it left it.
 */
export function itemValuesOf(params: {
  readonly ticket: SweptTicket;
  readonly responders: Responders | null;
  readonly zone: string;
}): FieldValues {
  const { ticket, responders, zone } = params;
  const worst = worstMetric(ticket.sla);
  const due = !ticket.sla.paused && worst?.due != null ? DateTime.fromMillis(worst.due, { zone }) : null;
  const type =
    ticket.snapshot.labels.map((l) => TYPE_LABEL.exec(l)?.[1]?.toLowerCase()).find((t) => t !== undefined) ??
    null;
  return {
    [FIELD.client]: ticket.sla.terms.id,
    [FIELD.priority]: ticket.sla.priority,
    [FIELD.type]: type,
    [FIELD.slaState]: slaStateOf(ticket),
    [FIELD.nextDue]: due ? due.toISODate() : null,
    [FIELD.nextDueTime]: due ? `${due.toFormat("HH:mm")} ${zoneAbbreviation(due)}` : null,
    [FIELD.waitingOn]: ticket.waitingOnClient ? "client" : "us",
    [FIELD.onSupport]: responders?.support
      ? `@${responders.support.developer}, @${responders.support.operations}`
      : null,
  };
}
