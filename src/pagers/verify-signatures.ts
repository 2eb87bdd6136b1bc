import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { signWebhookBody } from "./send-pager-request.js";

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function header(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : (value ?? "");
}

/**
 * PagerDuty's v3 webhook signature: `X-PagerDuty-Signature` holds one or more `v1=<hex HMAC-SHA256
 * of the raw body>` separated by commas (several while a secret is being rotated); one match is enough.
 */
export function verifyPagerDutySignature(params: {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly secret: string;
}): boolean {
  const expected = `v1=${createHmac("sha256", params.secret).update(params.body, "utf8").digest("hex")}`;
  return header(params.headers, "x-pagerduty-signature")
    .split(",")
    .map((s) => s.trim())
    .some((s) => same(s, expected));
}

/** The generic webhook's signature, the same scheme Firstline signs its own pages with. */
export function verifyFirstlineSignature(params: {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly secret: string;
}): boolean {
  return same(header(params.headers, "x-firstline-signature"), signWebhookBody(params.body, params.secret));
}
