import type { SlaPolicy } from "../sla/policy.js";
import type { MetricStatus, TicketSla } from "../sla/ticket-sla.js";
import type { TicketAction } from "../ticket/actions.js";
import { planTicketRefresh, type RefreshConfig } from "../ticket/plan-refresh.js";
import type { Responders } from "../ticket/responders.js";
import type { TicketSnapshot } from "../ticket/snapshot.js";
import { workingClock } from "../time/clock.js";
import { isTicketRepository } from "../triage/classify.js";

/** One ticket's part of a sweep. */
export interface SweptTicket {
  readonly snapshot: TicketSnapshot;
  readonly sla: TicketSla;
  readonly actions: readonly TicketAction[];
  /** Lower is more urgent: breached, then at risk (soonest due first), then the rest. */
  readonly urgency: number;
  readonly needsFollowUp: boolean;
  readonly waitingOnClient: boolean;
}

/** The worst current metric of a ticket, for sorting and dashboards. */
export function worstMetric(sla: TicketSla): MetricStatus | undefined {
  const lastCycle = Math.max(0, ...sla.metrics.map((m) => m.cycle));
  const current = sla.metrics.filter((m) => m.cycle === lastCycle && m.endedAt === null);
  const rank = (m: MetricStatus) =>
    m.state === "breached" ? 0 : m.state === "at-risk" ? 1 : m.state === "running" ? 2 : 3;
  return [...current].sort((a, b) => rank(a) - rank(b) || (a.due ?? Infinity) - (b.due ?? Infinity))[0];
}

function urgencyOf(sla: TicketSla, now: number): number {
  const worst = worstMetric(sla);
  if (!worst) return 4e15;
  const due = worst.due ?? now + 1e13;
  if (worst.state === "breached") return due - 2e15;
  if (worst.state === "at-risk") return due - 1e15;
  return due;
}

/** What planning one ticket of a sweep needs. */
export interface SweepPlanContext {
  readonly config: RefreshConfig;
  readonly policy: SlaPolicy;
  readonly botLogin: string;
  readonly responders: Responders | null;
  readonly now: number;
}

/**
 * One ticket's part of a sweep, refreshed by the same rules as a webhook; undefined for an issue
 * the sweep leaves alone (closed, or in a repository the configuration does not serve).
 */
export function planSweptTicket(
  params: SweepPlanContext & { readonly snapshot: TicketSnapshot },
): SweptTicket | undefined {
  const { snapshot, config, policy, botLogin, responders, now } = params;
  if (!isTicketRepository(config, snapshot.repo) || snapshot.state !== "open") return undefined;
  const plan = planTicketRefresh({ snapshot, config, policy, botLogin, responders, now });
  const terms = plan.sla.terms;
  const followUpMs =
    (config.followUpAfter.minutes + config.followUpAfter.days * terms.calendar.standardDayMinutes) * 60_000;
  const human = snapshot.comments.filter(
    (c) => c.author.toLowerCase() !== botLogin.toLowerCase() && !policy.isBot(c.author),
  );
  const lastActivity = Math.max(snapshot.createdAt, ...human.map((c) => c.createdAt));
  const waitingOnClient =
    config.pauseLabels[0] !== undefined && snapshot.labels.includes(config.pauseLabels[0]);
  return {
    snapshot,
    sla: plan.sla,
    actions: plan.actions,
    urgency: urgencyOf(plan.sla, now),
    needsFollowUp:
      !plan.sla.paused && workingClock(terms.calendar).msBetween(lastActivity, now) >= followUpMs,
    waitingOnClient,
  };
}

/** Most urgent first, so that a write budget spends itself where it matters (ties keep their order). */
export function byUrgency(swept: readonly SweptTicket[]): SweptTicket[] {
  return [...swept].sort((a, b) => a.urgency - b.urgency);
}

/**
 * Plans a sweep over open tickets: each ticket is refreshed by the same rules as a webhook, and
 * the plans are ordered most urgent first so that a write budget spends itself where it matters.
 * Tickets of repositories the configuration does not serve are skipped.
 */
export function planSweep(
  params: SweepPlanContext & { readonly tickets: readonly TicketSnapshot[] },
): SweptTicket[] {
  const swept: SweptTicket[] = [];
  for (const snapshot of params.tickets) {
    const ticket = planSweptTicket({ ...params, snapshot });
    if (ticket) swept.push(ticket);
  }
  return byUrgency(swept);
}
