import { MemoryStateStore } from "./memory-state-store.js";
import { RedisStateStore } from "./redis-state-store.js";
import type { StateStore } from "./state-store.js";

/** The state store the environment asks for: Redis when `REDIS_URL` is set, else this instance's memory. */
export function openStateStore(params: {
  readonly redisUrl?: string | undefined;
  readonly now?: () => number;
  /** How long a crashed instance's locks outlive it (Redis only). */
  readonly lockTtlMs?: number;
}): StateStore {
  if (params.redisUrl)
    return new RedisStateStore({
      url: params.redisUrl,
      ...(params.lockTtlMs === undefined ? {} : { lockTtlMs: params.lockTtlMs }),
    });
  return new MemoryStateStore(params.now ? { now: params.now } : {});
}
