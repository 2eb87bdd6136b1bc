import { MemoryStateStore } from "./memory-state-store.js";
import { RedisStateStore } from "./redis-state-store.js";
import type { StateStore } from "./state-store.js";

/** The state store the environment asks for: Redis when `REDIS_URL` is set, else this instance's memory. */
export function openStateStore(params: {
  readonly redisUrl?: string | undefined;
  readonly now?: () => number;
}): StateStore {
  if (params.redisUrl) return new RedisStateStore({ url: params.redisUrl });
  return new MemoryStateStore(params.now ? { now: params.now } : {});
}
