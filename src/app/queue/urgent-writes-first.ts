import { AsyncLocalStorage } from "node:async_hooks";
import type { Octokit } from "@octokit/core";
import Bottleneck from "bottleneck";
import { isWriteRequest } from "../../github/write-pacing.js";
import { UrgentFirstLane } from "./urgent-first-lane.js";

/** The rank of the delivery being worked on (1 most urgent), carried to the requests it makes. */
export const deliveryRankContext = new AsyncLocalStorage<number>();

/** Work without a rank (the sweep, routes) comes after every ranked delivery. */
export const UNRANKED = 5;

/** GitHub asks for about one write a second per installation. */
const MS_BETWEEN_WRITES = 1_000;

interface Gates {
  /** One write at a time per installation in this instance, the most urgent waiting write first. */
  readonly lanes: Map<string, UrgentFirstLane>;
  /** A write a second per installation: in this instance, or across instances through Redis. */
  readonly pace: Bottleneck.Group;
}

const localGates = new Map<number, Gates>();
const clusteredGates = new WeakMap<object, Gates>();

/**
 * The gates of this process for one spacing: clustered when Probot's throttling has a Redis
 * connection, so every instance keeps to one pace per installation.
 */
function gatesFor(params: { readonly connection: unknown; readonly spacingMs: number }): Gates {
  const { connection, spacingMs } = params;
  const clustered = typeof connection === "object" && connection !== null;
  const known = clustered ? clusteredGates.get(connection) : localGates.get(spacingMs);
  if (known) return known;
  const gates: Gates = {
    lanes: new Map(),
    pace: clustered
      ? new Bottleneck.Group({
          id: "firstline-write-pace",
          minTime: spacingMs,
          connection: connection as Bottleneck.IORedisConnection,
          // Keys of installations that stop writing leave Redis after two minutes.
          timeout: 2 * 60_000,
        })
      : new Bottleneck.Group({ minTime: spacingMs }),
  };
  if (clustered) clusteredGates.set(connection, gates);
  else localGates.set(spacingMs, gates);
  return gates;
}

/**
 * How many writes one request carries: one, or as many as a request that posts several comments
 * at once says (`request.firstlineWrites`).
 */
function writesIn(options: { readonly request?: unknown }): number {
  const request = options.request as { firstlineWrites?: unknown } | undefined;
  const count = request?.firstlineWrites;
  return typeof count === "number" && Number.isInteger(count) && count > 1 ? Math.min(count, 100) : 1;
}

/**
 * An Octokit plugin that decides which write goes next and paces writes a second apart per
 * installation (shared by every instance when Probot's throttling has Redis): writes wait their
 * turn by the rank of the delivery that makes them, so the P1 tickets', alerts' and pages' writes
 * go before the rest. Reads, GraphQL queries included, pass straight through: the app's Octokit
 * gives the throttling plugin write groups that never wait (`readsAtFullSpeed`), so this gate is
 * the only pace, and one write queued here never waits behind reads or a stricter notification
 * spacing (three seconds, where GitHub's own limit is 80 content writes a minute).
 */
export function urgentWritesFirst(
  octokit: Pick<Octokit, "hook">,
  options: {
    auth?: unknown;
    throttle?: {
      connection?: unknown;
      enabled?: boolean;
      /** The spacing of writes (1 s, as GitHub asks; the reliability tests shorten it). */
      writeSpacingMs?: number;
    };
  },
): void {
  // With throttling off (tests) writes keep their order but are not paced.
  const paced = options.throttle?.enabled !== false;
  const auth = options.auth as { installationId?: number } | undefined;
  const key = String(auth?.installationId ?? "app");
  const { lanes, pace } = gatesFor({
    connection: paced ? options.throttle?.connection : undefined,
    spacingMs: paced ? (options.throttle?.writeSpacingMs ?? MS_BETWEEN_WRITES) : 0,
  });
  let lane = lanes.get(key);
  if (!lane) {
    lane = new UrgentFirstLane(() => pace.key(key).schedule(() => Promise.resolve()));
    lanes.set(key, lane);
  }
  const installationLane = lane;
  octokit.hook.wrap("request", (request, requestOptions) => {
    // The installation token is asked for inside a write's own request (the auth hook), through
    // this same hook: gating it would wait on the write that waits on it.
    if (!isWriteRequest(requestOptions) || /\/access_tokens$/.test(requestOptions.url ?? ""))
      return request(requestOptions);
    const rank = deliveryRankContext.getStore() ?? UNRANKED;
    return installationLane.run(rank, async () => request(requestOptions), writesIn(requestOptions));
  });
}
