/** How long one HTTP request to GitHub may take before it is given up (and, where retries are on, tried again). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/**
 * `fetch` with a time limit on every attempt: a request GitHub never answers fails after
 * `timeoutMs` instead of holding a ticket's lock, a webhook or a whole sweep for ever. Given to
 * Octokit as `request.fetch`, so each retry gets its own limit and waits for rate limits (which
 * happen before the request) do not count against it.
 */
export function timedFetch(
  timeoutMs: number = DEFAULT_REQUEST_TIMEOUT_MS,
  /** The `fetch` to time (Node's own unless given: the Action gives `nodeHttpFetch`). */
  base?: typeof fetch,
): typeof fetch {
  return (input, init) => {
    const limit = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, limit]) : limit;
    // Node's global fetch is looked up only when no other is given: the look-up alone loads it.
    return (base ?? fetch)(input, { ...init, signal });
  };
}

/** The request time limit from the environment (`FIRSTLINE_REQUEST_TIMEOUT_MS`), else the default. */
export function requestTimeoutFromEnv(env: Readonly<Record<string, string | undefined>>): number {
  const value = Number(env["FIRSTLINE_REQUEST_TIMEOUT_MS"]);
  return Number.isInteger(value) && value >= 100 ? value : DEFAULT_REQUEST_TIMEOUT_MS;
}
