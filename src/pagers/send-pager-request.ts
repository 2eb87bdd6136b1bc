import { createHmac } from "node:crypto";
import type { PagerRequest } from "../core/paging/pager-request.js";
import { retryAfterAnswer } from "../core/paging/retry-policy.js";
import { WEBHOOK_SIGNATURE_HEADER } from "../core/paging/webhook-pager.js";

/** What became of one request to a pager, after any retries. */
export interface PagerOutcome {
  readonly ok: boolean;
  /** The last HTTP status, or null when the pager never answered. */
  readonly status: number | null;
  readonly attempts: number;
  /** The pager's own words on a refusal (trimmed), or the network error. */
  readonly detail: string;
}

/** What sending needs from the world: fetch, a clock and a way to wait (the tests' is virtual). */
export interface PagerTransport {
  readonly fetch: typeof fetch;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

/** The signature of a generic webhook body: `sha256=<hex HMAC-SHA256>`. */
export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

/**
 * Sends one request to a pager, retrying 429s, 5xx and network failures with back-off (and a
 * pager's Retry-After), never a 4xx. A webhook body is signed when a secret is given.
 */
export async function sendPagerRequest(params: {
  readonly request: PagerRequest;
  readonly transport: PagerTransport;
  readonly webhookSecret?: string | undefined;
}): Promise<PagerOutcome> {
  const { request, transport } = params;
  const headers: Record<string, string> = { ...request.headers };
  if (params.webhookSecret)
    headers[WEBHOOK_SIGNATURE_HEADER] = signWebhookBody(request.body, params.webhookSecret);
  for (let attempt = 1; ; attempt++) {
    let status: number | null = null;
    let retryAfter: string | null = null;
    let detail: string;
    try {
      const response = await transport.fetch(request.url, {
        method: request.method,
        headers,
        body: request.body,
        signal: AbortSignal.timeout(10_000),
      });
      status = response.status;
      retryAfter = response.headers.get("retry-after");
      detail = (await response.text()).replace(/\s+/g, " ").slice(0, 300);
      if (response.ok) return { ok: true, status, attempts: attempt, detail };
    } catch (error) {
      detail = (error as Error).message;
    }
    const next = retryAfterAnswer({ status, retryAfter, attempt, now: transport.now() });
    if (!next.retry) return { ok: false, status, attempts: attempt, detail };
    await transport.sleep(next.waitMs);
  }
}
