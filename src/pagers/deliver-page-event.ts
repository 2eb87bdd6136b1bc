import { randomUUID } from "node:crypto";
import type { PageEvent } from "../core/paging/page-event.js";
import type { PagerConfig } from "../core/paging/pagers-of.js";
import { pagerRequests } from "../core/paging/pager-requests.js";
import { sendPagerRequest, type PagerOutcome, type PagerTransport } from "./send-pager-request.js";

/** Environment variables, where every pager secret comes from. */
export type Env = Readonly<Record<string, string | undefined>>;

/** One request's fate at one pager. */
export interface PagerDelivery extends PagerOutcome {
  readonly pager: PagerConfig["kind"];
  readonly what: string;
}

/**
 * Tells every configured pager about a page event, one after another, and says how each request
 * went. Secrets come only from the environment: FIRSTLINE_PAGERDUTY_ROUTING_KEY,
 * FIRSTLINE_OPSGENIE_API_KEY, FIRSTLINE_PAGER_WEBHOOK_SECRET.
 */
export async function deliverPageEvent(params: {
  readonly pagers: readonly PagerConfig[];
  readonly event: PageEvent;
  readonly env: Env;
  readonly transport: PagerTransport;
}): Promise<PagerDelivery[]> {
  const { pagers, event, env, transport } = params;
  const results: PagerDelivery[] = [];
  for (const pager of pagers) {
    const requests = pagerRequests({
      pager,
      event,
      secrets: {
        pagerDutyRoutingKey: env["FIRSTLINE_PAGERDUTY_ROUTING_KEY"],
        opsgenieApiKey: env["FIRSTLINE_OPSGENIE_API_KEY"],
      },
      deliveryId: randomUUID(),
    });
    for (const request of requests) {
      if ("problem" in request) {
        results.push({
          pager: pager.kind,
          what: event.action,
          ok: false,
          status: null,
          attempts: 0,
          detail: request.problem,
        });
        continue;
      }
      const webhookSecret = pager.kind === "webhook" ? env["FIRSTLINE_PAGER_WEBHOOK_SECRET"] : undefined;
      results.push({
        pager: pager.kind,
        what: request.what,
        ...(await sendPagerRequest({ request, transport, webhookSecret })),
      });
    }
  }
  return results;
}
