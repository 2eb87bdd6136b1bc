import { LABELS, isMoreUrgent } from "../labels.js";
import { mention } from "../markdown/safe-text.js";
import type { SlaPolicy } from "../sla/policy.js";
import { computeTicketSla, type MetricStatus, type TicketSla } from "../sla/ticket-sla.js";
import { workingClock } from "../time/clock.js";
import { nextWorkingInstant } from "../time/working-time.js";
import { formatLocal } from "../time/format.js";
import { classifyTicket, priorityFromRules, waitingLabel, type TriageConfig } from "../triage/classify.js";
import type { FirstlineConfig } from "../config/firstline-config.js";
import { labelChanges, type TicketAction } from "./actions.js";
import { renderCard } from "./card.js";
import { cardExtras, reporterText } from "./card-extras.js";
import {
  CARD_KEY,
  followUpKey,
  LABELS_REFUSED_KEY,
  marker,
  markersIn,
  noticeKey,
  suggestPriorityKey,
  waitingReminderKey,
} from "../markers.js";
import type { Responders } from "./responders.js";
import { outcomeMarkers, recordedOutcomes } from "./outcomes.js";
import { timelineOf, untrustedLabelChanges, withLabelEvents, type TicketSnapshot } from "./snapshot.js";
import { metricInstanceKey } from "../sla/recorded-outcomes.js";

/** The slice of configuration a refresh needs. */
export type RefreshConfig = TriageConfig & Pick<FirstlineConfig, "followUpAfter" | "waitingReminderAfter">;

/** What a refresh decided, with the SLA it computed (for dashboards and logs). */
export interface RefreshPlan {
  readonly actions: readonly TicketAction[];
  readonly sla: TicketSla;
}

const METRIC_WORDS: Readonly<Record<MetricStatus["metric"], string>> = {
  firstResponse: "first response",
  nextResponse: "next response",
  resolution: "resolution",
};

/**
 * Brings one ticket up to date: the card, the `sla:` labels, one notice per metric, state and
 * cycle, lifting "needs info" once the reporter supplied it, a one-time priority suggestion, a
 * follow-up nudge and a waiting-on-client reminder. Idempotent: run twice on the same snapshot it
 * plans the same, and on a snapshot that already shows its effects it plans nothing.
 */
export function planTicketRefresh(params: {
  readonly snapshot: TicketSnapshot;
  readonly config: RefreshConfig;
  readonly policy: SlaPolicy;
  readonly botLogin: string;
  readonly responders: Responders | null;
  readonly now: number;
}): RefreshPlan {
  const { config, policy, botLogin, now } = params;
  const markers = markersIn({ comments: params.snapshot.comments, botLogin });
  const actions: TicketAction[] = [];
  const touchedByPerson = (label: string) => {
    const last = [...params.snapshot.events]
      .reverse()
      .find((e) => (e.type === "labeled" || e.type === "unlabeled") && e.label === label);
    return last !== undefined && last.by.toLowerCase() !== botLogin.toLowerCase();
  };

  // A ticket whose opening was never handled (the app was down, the delivery failed) is triaged
  // here, as on receipt: its labels count from its opening.
  const triage = untriagedLabels({ snapshot: params.snapshot, config, markers });
  const triaged = withLabelEvents({
    snapshot: params.snapshot,
    add: triage,
    at: params.snapshot.createdAt,
    by: botLogin,
  });

  // Needs info: lifted once the reporter's words supply what was missing. The SLA is computed
  // with the lift applied, so the card and notices already see the clock running again.
  const extras = cardExtras({ snapshot: triaged, config, policy });
  const lift: string[] = [];
  if (triaged.labels.includes(LABELS.needsInfo) && extras.needsInfo.length === 0) {
    lift.push(LABELS.needsInfo);
    const waiting = waitingLabel(config);
    if (triaged.labels.includes(waiting) && !touchedByPerson(waiting)) lift.push(waiting);
  }
  const snapshot = withLabelEvents({ snapshot: triaged, remove: lift, at: now, by: botLogin });
  const computed = computeTicketSla({
    timeline: timelineOf({ snapshot, policy, botLogin }),
    policy,
    now,
    recorded: recordedOutcomes({ comments: snapshot.comments, botLogin }),
  });
  // Maintenance is the agency's own work on its day, not a client waiting for an answer: it has no
  // response targets (the dashboard lists it until it is done).
  const sla = snapshot.labels.includes(LABELS.type("maintenance")) ? { ...computed, metrics: [] } : computed;
  const inHours = params.responders?.inHours ?? nextWorkingInstant(sla.terms.calendar, now) === now;
  const responders: Responders = params.responders ?? { support: null, onCall: null, inHours };

  // SLA labels follow the current cycle, unless a person set or removed them.
  const lastCycle = Math.max(0, ...sla.metrics.map((m) => m.cycle));
  const current = sla.metrics.filter((m) => m.cycle === lastCycle);
  const breached = current.some((m) => m.state === "breached");
  const atRisk = !breached && current.some((m) => m.state === "at-risk");
  // Steering labels changed by someone other than staff are put back as the clocks count them.
  const untrusted = untrustedLabelChanges({ snapshot, policy, botLogin });
  const add: string[] = [...triage, ...untrusted.add];
  const remove = [...lift, ...untrusted.remove];
  for (const [label, wanted] of [
    [LABELS.breached, breached],
    [LABELS.atRisk, atRisk],
  ] as const) {
    if (touchedByPerson(label)) continue;
    if (wanted) add.push(label);
    else remove.push(label);
  }
  actions.push(...labelChanges({ current: params.snapshot.labels, add, remove }));

  // The card, as it reads once the labels above are applied.
  const cardText = [
    renderCard({
      sla,
      extras: { ...extras, needsInfo: snapshot.labels.includes(LABELS.needsInfo) ? extras.needsInfo : [] },
    }),
    ...outcomeMarkers(sla.metrics),
  ].join("\n");
  const card = markers.get(CARD_KEY);
  if (!card && snapshot.state === "open")
    actions.push({ kind: "create-comment", body: cardText, why: "ticket card" });
  else if (card && card.body !== cardText)
    actions.push({ kind: "update-comment", commentId: card.id, body: cardText, why: "ticket card" });

  if (untrusted.by.length > 0 && !markers.has(LABELS_REFUSED_KEY)) {
    actions.push({
      kind: "create-comment",
      body: `Thanks ${untrusted.by.map(mention).join(" ")}. Labels that set a ticket's priority, client, type or pause are for the support team, so Firstline has put them back as they were and the service-level clocks are unchanged. If something should change, say so in a comment and the team will pick it up.\n${marker(LABELS_REFUSED_KEY)}`,
      why: "label refused",
    });
  }

  if (snapshot.state === "open") {
    actions.push(...planNotices({ sla, current, markers, responders, zone: policy.zone }));
    actions.push(...planPrioritySuggestion({ snapshot, sla, config, markers }));
    actions.push(...planNudges({ snapshot, sla, config, policy, markers, responders, now, botLogin }));
  }
  return { actions, sla };
}

/** The triage labels of a ticket that has none and no card yet (its opening was never handled). */
function untriagedLabels(params: {
  snapshot: TicketSnapshot;
  config: RefreshConfig;
  markers: ReadonlyMap<string, unknown>;
}): string[] {
  const { snapshot, config, markers } = params;
  if (snapshot.state !== "open" || markers.has(CARD_KEY)) return [];
  if (snapshot.labels.some((l) => /^(priority|client|type): /.test(l))) return [];
  const decision = classifyTicket({
    config,
    issue: { repo: snapshot.repo, title: snapshot.title, body: snapshot.body, isPullRequest: false },
  });
  return decision.ticket ? [...decision.labels] : [];
}

function planNotices(params: {
  sla: TicketSla;
  current: readonly MetricStatus[];
  markers: ReadonlyMap<string, unknown>;
  responders: Responders;
  zone: string;
}): TicketAction[] {
  const { sla, current, markers, responders, zone } = params;
  const actions: TicketAction[] = [];
  for (const metric of current) {
    if (metric.endedAt !== null || (metric.state !== "at-risk" && metric.state !== "breached")) continue;
    const key = noticeKey({ metricKey: metricInstanceKey(metric), state: metric.state });
    if (markers.has(key)) continue;
    const who = noticeRecipients({ sla, responders });
    if (who === "later") continue;
    const due = metric.due === null ? "" : ` (due ${formatLocal(metric.due, zone)})`;
    const what =
      metric.state === "breached"
        ? `**SLA breached**: the ${METRIC_WORDS[metric.metric]} target of ${metric.target} for ${sla.priority}${metric.reclassified ? " was already exceeded when the priority changed (reclassified)" : " has run out"}${due}.`
        : `**SLA at risk**: ${Math.round((metric.elapsedMs / metric.targetMs) * 100)}% of the ${METRIC_WORDS[metric.metric]} target of ${metric.target} for ${sla.priority} has gone${due}.`;
    const to = who.length > 0 ? `${who.map(mention).join(" ")}: ` : "";
    actions.push({
      kind: "create-comment",
      body: `${to}${what}\n${marker(key)}`,
      why: `${metric.metric} ${metric.state}`,
    });
  }
  return actions;
}

/** Out of hours only P1 tickets of clients with out-of-hours cover reach the on-call person; the rest wait for 10:00. */
function noticeRecipients(params: { sla: TicketSla; responders: Responders }): string[] | "later" {
  const { sla, responders } = params;
  if (responders.inHours)
    return responders.support ? [responders.support.developer, responders.support.operations] : [];
  if (sla.priority === "P1" && sla.terms.outOfHours)
    return responders.onCall ? [responders.onCall.primary] : [];
  return "later";
}

function planPrioritySuggestion(params: {
  snapshot: TicketSnapshot;
  sla: TicketSla;
  config: RefreshConfig;
  markers: ReadonlyMap<string, unknown>;
}): TicketAction[] {
  const { snapshot, sla, config, markers } = params;
  const suggested = priorityFromRules(config, { title: "", body: reporterText(snapshot) });
  if (!suggested || !isMoreUrgent(suggested, sla.priority)) return [];
  const key = suggestPriorityKey(suggested);
  if (markers.has(key)) return [];
  return [
    {
      kind: "create-comment",
      body: `The latest details suggest this may be **${suggested}** rather than ${sla.priority}. Staff can change it with \`/priority ${suggested}\`; Firstline will not change a priority on its own.\n${marker(key)}`,
      why: "priority review",
    },
  ];
}

function planNudges(params: {
  snapshot: TicketSnapshot;
  sla: TicketSla;
  config: RefreshConfig;
  policy: SlaPolicy;
  markers: ReadonlyMap<string, unknown>;
  responders: Responders;
  now: number;
  botLogin: string;
}): TicketAction[] {
  const { snapshot, sla, config, policy, markers, responders, now, botLogin } = params;
  if (!responders.inHours) return [];
  const actions: TicketAction[] = [];
  const clock = workingClock(sla.terms.calendar);
  const workingMs = (target: RefreshConfig["followUpAfter"]) =>
    (target.minutes + target.days * sla.terms.calendar.standardDayMinutes) * 60_000;
  const openPause = sla.facts.pauses.find((p) => p.to === null);
  if (!openPause && !snapshot.labels.includes(LABELS.chargeable)) {
    const human = snapshot.comments.filter(
      (c) => c.author.toLowerCase() !== botLogin.toLowerCase() && !policy.isBot(c.author),
    );
    const lastActivity = Math.max(
      snapshot.createdAt,
      ...human.map((c) => c.createdAt),
      ...sla.facts.pauses.map((p) => p.to ?? 0),
    );
    const key = followUpKey(lastActivity);
    if (!markers.has(key) && clock.msBetween(lastActivity, now) >= workingMs(config.followUpAfter)) {
      const who = responders?.support
        ? `${mention(responders.support.developer)} ${mention(responders.support.operations)}: `
        : "";
      actions.push({
        kind: "create-comment",
        body: `${who}this ticket has had no reply for ${config.followUpAfter.text}. Please follow it up, or take over where it was left.\n${marker(key)}`,
        why: "follow-up",
      });
    }
  }
  // Remind the reporter only while the ticket waits on them now, counted from when it began to.
  const waiting = waitingLabel(config);
  const waitingSince = [...snapshot.events]
    .reverse()
    .find((e) => e.type === "labeled" && e.label === waiting)?.at;
  if (openPause && snapshot.labels.includes(waiting) && waitingSince !== undefined) {
    const key = waitingReminderKey(waitingSince);
    if (!markers.has(key) && clock.msBetween(waitingSince, now) >= workingMs(config.waitingReminderAfter)) {
      actions.push({
        kind: "create-comment",
        body: `${mention(snapshot.author)}, we are still waiting for your reply here. When you can, please answer the question above so we can carry on.\n${marker(key)}`,
        why: "waiting reminder",
      });
    }
  }
  return actions;
}
