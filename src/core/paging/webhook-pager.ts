import { isoInstant } from "../time/format.js";
import type { PageEvent } from "./page-event.js";
import { JSON_HEADERS, type PagerRequest } from "./pager-request.js";

/** The header that carries the generic webhook's signature: `sha256=<hex HMAC-SHA256 of the body>`. */
export const WEBHOOK_SIGNATURE_HEADER = "x-firstline-signature";

/**
 * The generic pager webhook: one JSON body for every event (documented in the README), signed by
 * the shell. `message`, `notify` and `at` keep the fields the old `alerts.pagerUrl` body had, so a
 * relay written for it keeps working.
 */
export function webhookPagerRequest(params: {
  readonly event: PageEvent;
  readonly url: string;
  readonly deliveryId: string;
}): PagerRequest {
  const { event, url, deliveryId } = params;
  const body = {
    version: 1,
    source: "firstline",
    id: deliveryId,
    action: event.action,
    key: event.key,
    message: event.summary,
    notify: event.logins,
    by: event.by,
    client: event.client,
    repo: event.repo,
    issue: event.number,
    url: event.url,
    at: isoInstant(event.at),
  };
  return {
    method: "POST",
    url,
    headers: { ...JSON_HEADERS, "x-firstline-delivery": deliveryId },
    body: JSON.stringify(body),
    what: event.action,
  };
}
