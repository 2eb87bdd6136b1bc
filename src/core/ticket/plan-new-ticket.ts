import type { SlaPolicy } from "../sla/policy.js";
import { computeTicketSla } from "../sla/ticket-sla.js";
import type { TicketEvent } from "../sla/ticket-timeline.js";
import type { TriageDecision } from "../triage/classify.js";
import type { TicketAction } from "./actions.js";
import { renderCard } from "./card.js";

/**
 * What to do when a ticket is opened: one labels call and one card comment (which carries any
 * question for the reporter too), so a new ticket costs two writes.
 */
export function planNewTicket(params: {
  readonly decision: TriageDecision;
  readonly policy: SlaPolicy;
  readonly issue: {
    readonly repo: string;
    readonly number: number;
    readonly author: string;
    readonly createdAt: number;
    readonly labels: readonly string[];
  };
  readonly now: number;
}): TicketAction[] {
  const { decision, policy, issue, now } = params;
  if (!decision.ticket) return [];
  const existing = new Set(issue.labels);
  // A label a person already chose (for example a priority in a template) is never overridden.
  const personChose = (prefix: string) => issue.labels.some((l) => l.startsWith(prefix));
  // Details are asked only of bug reports: a type a person chose decides that too.
  const personType = issue.labels.map((l) => /^type: (.+)$/.exec(l)?.[1]).find((t) => t !== undefined);
  const askForInfo = decision.needsInfo.length > 0 && (personType === undefined || personType === "bug");
  const infoLabels = new Set(decision.infoLabels);
  const labels = decision.labels.filter((l) => {
    if (!askForInfo && infoLabels.has(l)) return false;
    if (existing.has(l)) return false;
    const prefix = l.includes(": ") ? `${l.split(": ")[0]}: ` : l;
    return !(["client: ", "priority: ", "type: "].includes(prefix) && personChose(prefix));
  });
  const allLabels = [...issue.labels, ...labels];
  const events: TicketEvent[] = [
    { type: "opened", at: issue.createdAt, by: issue.author },
    ...allLabels.map((label) => ({ type: "labeled" as const, at: issue.createdAt, by: "firstline", label })),
  ];
  const sla = computeTicketSla({
    timeline: { repo: issue.repo, number: issue.number, reporter: issue.author, events },
    policy,
    now,
  });
  const card = renderCard({
    sla,
    extras: {
      type: allLabels.map((l) => /^type: (.+)$/.exec(l)?.[1]).find((t) => t !== undefined),
      needsInfo: askForInfo ? decision.needsInfo : [],
      reporter: issue.author,
      clientUnknown: decision.client === "unknown" && !personChose("client: "),
      chargeable: false,
      chargeableSuggested: decision.chargeableMatches,
    },
  });
  const actions: TicketAction[] = [];
  if (labels.length > 0) actions.push({ kind: "add-labels", labels });
  actions.push({ kind: "create-comment", body: card, why: "ticket card" });
  return actions;
}
