/** How many times a pager request is tried in all before the failure is reported. */
export const MAX_PAGER_ATTEMPTS = 4;

/** The longest wait between two tries, whatever a pager's Retry-After asks. */
const MAX_WAIT_MS = 60_000;

/**
 * Whether to try a pager request again after an answer, and after how long. A 429 or a 5xx (or
 * no answer at all, `status` null) is tried again: after the pager's Retry-After (seconds or an
 * HTTP date) when it gives one, else after 1, 2, 4 seconds. Any other 4xx is final: the request
 * itself is wrong and sending it again would be refused again.
 */
export function retryAfterAnswer(params: {
  readonly status: number | null;
  readonly retryAfter: string | null;
  readonly attempt: number;
  readonly now: number;
}): { readonly retry: false } | { readonly retry: true; readonly waitMs: number } {
  const { status, attempt } = params;
  const transient = status === null || status === 429 || status >= 500;
  if (!transient || attempt >= MAX_PAGER_ATTEMPTS) return { retry: false };
  const asked = waitAsked(params.retryAfter, params.now);
  const backoff = 1000 * 2 ** (attempt - 1);
  return { retry: true, waitMs: Math.min(MAX_WAIT_MS, asked ?? backoff) };
}

function waitAsked(retryAfter: string | null, now: number): number | null {
  if (retryAfter === null || retryAfter.trim() === "") return null;
  if (/^\d{1,6}$/.test(retryAfter.trim())) return Number(retryAfter.trim()) * 1000;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
