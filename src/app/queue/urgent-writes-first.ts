import { AsyncLocalStorage } from "node:async_hooks";
import type { Octokit } from "@octokit/core";
import Bottleneck from "bottleneck/light.js";
import { isWriteRequest } from "../../github/write-pacing.js";

/** The rank of the delivery being worked on (1 most urgent), carried to the requests it makes. */
export const deliveryRankContext = new AsyncLocalStorage<number>();

/** Work without a rank (the sweep, routes) comes after every ranked delivery. */
const UNRANKED = 5;

// One write at a time per installation in this instance, the most urgent waiting write first.
// GitHub's pace (a write a second) is still kept by Octokit's throttling inside this gate: the
// gate only decides which write goes next, instead of the order they were asked for.
const gates = new Bottleneck.Group({ maxConcurrent: 1 });

/**
 * An Octokit plugin: writes wait their turn by the rank of the delivery that makes them, so under
 * GitHub's write limits the P1 tickets', alerts' and pages' writes go before the rest. Reads
 * (and GraphQL queries) pass straight through.
 */
export function urgentWritesFirst(octokit: Pick<Octokit, "hook">, options: { auth?: unknown }): void {
  const auth = options.auth as { installationId?: number } | undefined;
  const key = String(auth?.installationId ?? "app");
  octokit.hook.wrap("request", (request, requestOptions) => {
    // The installation token is asked for inside a write's own request (the auth hook), through
    // this same hook: gating it would wait on the write that waits on it.
    if (!isWriteRequest(requestOptions) || /\/access_tokens$/.test(requestOptions.url ?? ""))
      return request(requestOptions);
    const rank = deliveryRankContext.getStore() ?? UNRANKED;
    return gates
      .key(key)
      .schedule({ priority: Math.min(9, Math.max(0, rank)) }, async () => request(requestOptions));
  });
}
