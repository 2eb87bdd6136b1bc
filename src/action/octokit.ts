import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/core";
import { requestTimeoutFromEnv, timedFetch } from "../github/timed-fetch.js";
import { transportOf, type GitHubTransport } from "../github/transport.js";
import { paceWrites, readsAtFullSpeed } from "../github/write-pacing.js";

const FirstlineOctokit = Octokit.plugin(retry, throttling);

/**
 * The Action's connection to GitHub (GITHUB_API_URL on GitHub Enterprise and in tests), with
 * retries on server errors and waits on rate limits, as the app's Probot client has; writes a
 * second apart, reads (GraphQL queries included) back to back.
 */
export function actionGitHub(params: {
  readonly token: string;
  readonly apiUrl: string | undefined;
  readonly warn: (message: string) => void;
  /** Octokit's own request log: a failed request is the command's to report, so it goes to the debug log. */
  readonly debug: (message: string) => void;
}): GitHubTransport {
  const octokit = new FirstlineOctokit({
    auth: params.token,
    log: { debug: params.debug, info: params.debug, warn: params.warn, error: params.debug },
    baseUrl: params.apiUrl ?? "https://api.github.com",
    userAgent: "firstline-action",
    request: { fetch: timedFetch(requestTimeoutFromEnv(process.env)) },
    throttle: {
      ...readsAtFullSpeed(),
      onRateLimit: (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        params.warn(`rate limited on ${options.method} ${options.url}; retrying in ${retryAfter}s`);
        return retryCount < 3;
      },
      onSecondaryRateLimit: (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        params.warn(`secondary rate limit on ${options.method} ${options.url}; retrying in ${retryAfter}s`);
        return retryCount < 3;
      },
    },
    retry: { doNotRetry: [400, 401, 403, 404, 422] },
  });
  paceWrites(octokit);
  return transportOf(octokit);
}
