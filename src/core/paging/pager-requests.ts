import { opsgenieRequests } from "./opsgenie-alerts.js";
import type { PageEvent } from "./page-event.js";
import { pagerDutyEventRequest } from "./pagerduty-events.js";
import type { PagerConfig } from "./pagers-of.js";
import type { PagerProblem, PagerRequest } from "./pager-request.js";
import { webhookPagerRequest } from "./webhook-pager.js";

/** The secrets a pager needs, read by the shell from environment variables. */
export interface PagerSecrets {
  readonly pagerDutyRoutingKey?: string | undefined;
  readonly opsgenieApiKey?: string | undefined;
}

/** The requests that tell one pager about one page event. */
export function pagerRequests(params: {
  readonly pager: PagerConfig;
  readonly event: PageEvent;
  readonly secrets: PagerSecrets;
  readonly deliveryId: string;
}): readonly (PagerRequest | PagerProblem)[] {
  const { pager, event, secrets } = params;
  switch (pager.kind) {
    case "pagerduty":
      return [
        pagerDutyEventRequest({ event, eventsUrl: pager.eventsUrl, routingKey: secrets.pagerDutyRoutingKey }),
      ];
    case "opsgenie":
      return opsgenieRequests({
        event,
        apiUrl: pager.apiUrl,
        apiKey: secrets.opsgenieApiKey,
        users: pager.users,
      });
    case "webhook":
      return [webhookPagerRequest({ event, url: pager.url, deliveryId: params.deliveryId })];
  }
}
