import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/core";
import type { ProbotOctokit } from "probot";
import { recordWritesInstead } from "./dry-run.js";
import type { DryRunLog } from "./dry-run-log.js";
import { DEFAULT_REQUEST_TIMEOUT_MS, timedFetch } from "./timed-fetch.js";
import type { GitHubTransport } from "./transport.js";
import { paceWrites, readsAtFullSpeed } from "./write-pacing.js";

/**
 * The one place Firstline's GitHub clients are configured: the app's (Probot's Octokit), the
 * Action's and the command line's. Each gets the same time limit per request, the same retries
 * (server errors, not refusals) and the same answer to rate limits (wait as GitHub asks, a few
 * times, with a warning).
 */

/** How many times a rate-limited request waits and tries again before giving up. */
const RATE_LIMIT_RETRIES = 3;

/** Refusals a retry cannot change. */
const DO_NOT_RETRY = [400, 401, 403, 404, 422];

/** Options of Octokit's throttling plugin a caller adds (a Redis `connection` and `id`, to share limits between processes). */
export type ExtraThrottleOptions = Readonly<Record<string, unknown>>;

interface RateLimited {
  readonly method: string;
  readonly url: string;
}

function onLimit(kind: string) {
  return (
    retryAfter: number,
    options: RateLimited,
    octokit: { log: { warn: (message: string) => void } },
    retryCount: number,
  ): boolean => {
    octokit.log.warn(`${kind} on ${options.method} ${options.url}; retrying in ${retryAfter}s`);
    return retryCount < RATE_LIMIT_RETRIES;
  };
}

/** The request, retry and throttle options every Firstline Octokit starts from. */
function sharedOptions(params: {
  readonly requestTimeoutMs?: number | undefined;
  readonly throttle?: ExtraThrottleOptions | undefined;
  readonly fetch?: typeof fetch | undefined;
}) {
  return {
    request: { fetch: timedFetch(params.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, params.fetch) },
    retry: { doNotRetry: DO_NOT_RETRY },
    throttle: {
      onRateLimit: onLimit("rate limited"),
      onSecondaryRateLimit: onLimit("secondary rate limit"),
      ...params.throttle,
    },
  };
}

const FirstlineOctokit = Octokit.plugin(retry, throttling);

/**
 * GitHub for the Action and the command line, from a token: reads (GraphQL queries included) back
 * to back, writes a second apart. With `dryRun`, writes are recorded there instead of sent.
 */
export function githubClient(params: {
  readonly token: string;
  /** GITHUB_API_URL (GitHub Enterprise, tests); api.github.com by default. */
  readonly baseUrl?: string | undefined;
  readonly userAgent: string;
  readonly requestTimeoutMs?: number | undefined;
  readonly warn: (message: string) => void;
  /** Octokit's request log; a failed request is the caller's to report. */
  readonly debug?: (message: string) => void;
  readonly throttle?: ExtraThrottleOptions;
  readonly dryRun?: DryRunLog | undefined;
  /** How requests go out (Node's global `fetch` by default). */
  readonly fetch?: typeof fetch | undefined;
}): GitHubTransport {
  const debug = params.debug ?? (() => undefined);
  const shared = sharedOptions(params);
  const octokit = new FirstlineOctokit({
    auth: params.token,
    baseUrl: (params.baseUrl ?? "https://api.github.com").replace(/\/+$/, ""),
    userAgent: params.userAgent,
    log: { debug, info: debug, warn: params.warn, error: debug },
    ...shared,
    throttle: { ...readsAtFullSpeed(), ...shared.throttle },
  });
  paceWrites(octokit);
  if (params.dryRun) recordWritesInstead(octokit, params.dryRun);
  return octokit;
}

/**
 * The app's Octokit class: Probot's (given as `base`, so nothing here loads Probot for the Action)
 * with the shared options on top of Probot's own. `throttle` adds options to Probot's throttling
 * (a Redis connection shared by several app processes); `fastFail` turns retries and throttling
 * off, for tests. The base must pace writes itself (the app's urgent-writes-first gate does): the
 * throttling plugin here lets writes and GraphQL reads go without waiting.
 */
export function appOctokit(params: {
  readonly base: typeof ProbotOctokit;
  readonly requestTimeoutMs?: number | undefined;
  readonly throttle?: ExtraThrottleOptions;
  readonly fastFail?: boolean;
}): typeof ProbotOctokit {
  const shared = sharedOptions(params);
  return params.base.defaults((options: Record<string, unknown>) => ({
    ...options,
    request: { ...(options["request"] as object), ...shared.request },
    retry: params.fastFail ? { enabled: false } : { ...(options["retry"] as object), ...shared.retry },
    throttle: {
      ...(options["throttle"] as object),
      ...shared.throttle,
      // Writes are paced (and ordered by urgency) by the app's own gate; the plugin keeps its
      // rate-limit retries and search pacing, and no longer spaces GraphQL reads as writes.
      ...readsAtFullSpeed(),
      ...(params.fastFail ? { enabled: false } : {}),
    },
  }));
}
