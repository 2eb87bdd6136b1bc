import type { Octokit } from "@octokit/core";
import Bottleneck from "bottleneck/light.js";

/** GitHub asks integrations to wait at least a second between writes (its secondary rate limits). */
const SECONDS_BETWEEN_WRITES = 1;

/** The part of a request that tells a write from a read, as Octokit's `request` hook sees it. */
interface HookedRequest {
  readonly method?: string;
  readonly url?: string;
  readonly query?: unknown;
}

/**
 * A write is a REST request that is not GET or HEAD, or a GraphQL mutation. A GraphQL query is a
 * read even though it is sent as a POST.
 */
export function isWriteRequest(options: HookedRequest): boolean {
  const method = (options.method ?? "GET").toUpperCase();
  if (method === "GET" || method === "HEAD") return false;
  const { pathname } = new URL(options.url ?? "/", "http://github.test");
  if (!pathname.endsWith("/graphql")) return true;
  return typeof options.query === "string" && /^\s*mutation\b/.test(options.query.replace(/#[^\n]*/g, ""));
}

/**
 * Octokit's throttling plugin spaces every GraphQL request a second apart, as it does writes, so
 * a sweep reading 1,000 tickets 100 at a time waited ten seconds for nothing; and it spaces
 * writes that notify people three seconds apart, stricter than GitHub's 80 content writes a
 * minute. These options give the plugin write groups that never wait (it keeps its rate-limit
 * retries and its search pacing); `paceWrites` then spaces every real write a second apart (60
 * a minute) and lets reads go back to back. The sweep's write budget keeps to 500 an hour.
 */
export function readsAtFullSpeed(): {
  readonly write: Bottleneck.Group;
  readonly notifications: Bottleneck.Group;
} {
  return {
    write: new Bottleneck.Group({ maxConcurrent: null, minTime: 0 }),
    notifications: new Bottleneck.Group({ maxConcurrent: null, minTime: 0 }),
  };
}

/**
 * Spaces the writes of one Octokit a second apart. The hook is the outermost, so it sees each
 * request once: the plugins' retries happen inside it and are theirs to pace.
 */
export function paceWrites(octokit: Pick<Octokit, "hook">): void {
  const writes = new Bottleneck({ maxConcurrent: 1, minTime: SECONDS_BETWEEN_WRITES * 1000 });
  octokit.hook.before("request", async (options) => {
    if (isWriteRequest(options)) await writes.schedule(() => Promise.resolve());
  });
}
