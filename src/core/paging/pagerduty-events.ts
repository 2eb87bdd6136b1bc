import { isoInstant } from "../time/format.js";
import type { PageEvent } from "./page-event.js";
import { JSON_HEADERS, oneLine, type PagerProblem, type PagerRequest } from "./pager-request.js";

/**
 * The PagerDuty Events API v2 request for a page event. Every event of an issue carries the same
 * `dedup_key` (the page key), so a trigger opens one PagerDuty alert, an escalation updates it
 * (PagerDuty's escalation policy, level 2 being the second-line schedule, pages the people), and
 * acknowledge and resolve close the loop. PagerDuty pages whoever its schedule has on call; Firstline
 * keeps the schedules' overrides in step with the rota, so that is the rota's person.
 */
export function pagerDutyEventRequest(params: {
  readonly event: PageEvent;
  readonly eventsUrl: string;
  readonly routingKey: string | undefined;
}): PagerRequest | PagerProblem {
  const { event, eventsUrl, routingKey } = params;
  if (!routingKey) return { problem: "FIRSTLINE_PAGERDUTY_ROUTING_KEY is not set" };
  const base = { routing_key: routingKey, dedup_key: event.key };
  const body =
    event.action === "trigger" || event.action === "escalate"
      ? {
          ...base,
          event_action: "trigger",
          client: "Firstline",
          client_url: event.url,
          payload: {
            summary: oneLine(
              event.action === "escalate"
                ? `${event.summary} (escalated to ${event.logins.join(", ")})`
                : event.summary,
              1024,
            ),
            source: event.repo,
            severity: "critical",
            timestamp: isoInstant(event.at),
            ...(event.client ? { component: event.client } : {}),
            group: event.repo,
            class: event.action === "escalate" ? "escalation" : "page",
            custom_details: { notify: event.logins, issue: event.url },
          },
          links: [{ href: event.url, text: `${event.repo}#${event.number} on GitHub` }],
        }
      : { ...base, event_action: event.action };
  return {
    method: "POST",
    url: eventsUrl,
    headers: JSON_HEADERS,
    body: JSON.stringify(body),
    what: event.action,
  };
}
