import type { FirstlineConfig } from "../config/firstline-config.js";
import { minutesInWords } from "../alerts/alert-text.js";
import { clientOfLabel, LABELS } from "../labels.js";
import { mention, neutralise } from "../markdown/safe-text.js";
import type { SlaPolicy } from "../sla/policy.js";
import { computeTicketSla } from "../sla/ticket-sla.js";
import { formatLocal } from "../time/format.js";
import { nextWorkingInstant } from "../time/working-time.js";
import type { TicketAction } from "../ticket/actions.js";
import { marker, markersIn, PAGE_KEY, ticketPageKey } from "../markers.js";
import type { Responders } from "../ticket/responders.js";
import { timelineOf, type TicketSnapshot } from "../ticket/snapshot.js";
import { issueUrl, pageKey, type PageEvent } from "./page-event.js";

/** A page a ticket needs now: the comment that mentions the on-call person, and the pager event. */
export interface TicketPagePlan {
  readonly action: TicketAction;
  /** Null when the rota names nobody to page: the comment says so, and no pager is told. */
  readonly event: PageEvent | null;
}

/**
 * Whether an emergency ticket pages now, and how. Out of working hours, an open P1 ticket of a
 * client with out-of-hours cover pages the on-call primary (else the second line) once for each
 * time it became P1 out of hours: at its opening, or when its priority was raised. A ticket that
 * became P1 in working hours is the support pair's, and a client without cover waits for the
 * morning. The comment carries the page marker, so escalation treats it as it treats alert pages.
 */
export function planTicketPage(params: {
  readonly snapshot: TicketSnapshot;
  readonly policy: SlaPolicy;
  readonly config: Pick<FirstlineConfig, "alerts">;
  readonly responders: Responders;
  readonly botLogin: string;
  readonly now: number;
}): TicketPagePlan | null {
  const { snapshot, policy, responders, botLogin, now } = params;
  if (snapshot.state !== "open" || responders.inHours) return null;
  if (snapshot.labels.includes(LABELS.type("alert"))) return null;
  const sla = computeTicketSla({ timeline: timelineOf({ snapshot, policy, botLogin }), policy, now });
  if (sla.priority !== "P1" || !sla.terms.outOfHours) return null;
  const since = p1Since(snapshot);
  const agency = policy.termsFor({ repo: "" }).calendar;
  if (nextWorkingInstant(agency, since) === since) return null;
  const key = ticketPageKey(since);
  if (markersIn({ comments: snapshot.comments, botLogin }).has(key)) return null;
  const primary = responders.onCall?.primary ?? null;
  const logins = primary ? [primary] : [...(responders.onCall?.secondLine ?? [])];
  const client = snapshot.labels.map(clientOfLabel).find((c) => c !== undefined) ?? null;
  const whose = `${neutralise(sla.terms.name)} (\`${sla.terms.id}\`, out-of-hours cover)`;
  if (logins.length === 0) {
    const pickUp = formatLocal(nextWorkingInstant(agency, now), policy.zone);
    return {
      action: {
        kind: "create-comment",
        body: `${marker(key)}\n**Emergency ticket** for ${whose}, but the rota names nobody on call this week: nobody is paged. First line support picks this up at ${pickUp}.`,
        why: "emergency page",
      },
      event: null,
    };
  }
  const first = params.config.alerts.escalation[0];
  const escalation = first
    ? ` Unacknowledged after ${minutesInWords(first.afterMinutes)}, the escalation starts.`
    : "";
  const who = primary ? "on call" : "second line (the rota names no on-call primary this week)";
  const body = [
    `${marker(PAGE_KEY)}\n${marker(key)}`,
    `**Emergency ticket** for ${whose}: ${sla.priority} out of hours. Paging ${logins.map(mention).join(" ")}, ${who}: acknowledge by commenting, assigning yourself, reacting, \`/ack\` here or at the pager.${escalation}`,
    "Out-of-hours work earns TOIL: when done, claim it here with `/toil woke 90m` or `/toil awake 30m`.",
  ].join("\n\n");
  const summary = `P1 ticket${client ? ` (${client})` : ""}: ${snapshot.title}`
    .replace(/\s+/g, " ")
    .slice(0, 300);
  return {
    action: { kind: "create-comment", body, why: "emergency page" },
    event: {
      action: "trigger",
      key: pageKey(snapshot),
      summary,
      logins,
      by: null,
      url: issueUrl(snapshot),
      repo: snapshot.repo,
      number: snapshot.number,
      client,
      at: now,
    },
  };
}

/** When the ticket last became P1: the last time a P1 label was added, or its opening. */
function p1Since(snapshot: TicketSnapshot): number {
  const labelled = snapshot.events
    .filter((e) => e.type === "labeled" && e.label === LABELS.priority("P1"))
    .map((e) => e.at);
  return labelled.length > 0 ? Math.max(...labelled) : snapshot.createdAt;
}
