import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { pendingPagesOver } from "./pending-pages.js";
import { DEFAULT_LOCK_TTL_MS, type KeyedTexts, type StateStore } from "./state-store.js";

// Deletes or extends a key only while it still holds our token: a lock that expired and was
// taken by another instance is never released or renewed by its old holder.
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
const LEASE = `local v = redis.call("get", KEYS[1])
if v == false or v == ARGV[1] then redis.call("set", KEYS[1], ARGV[1], "PX", ARGV[2]) return 1 end
return 0`;

/**
 * The state shared by every instance, in Redis (`REDIS_URL`). Keys live under `firstline:`; seen
 * keys and locks expire by themselves, so a crashed instance leaves nothing stuck.
 */
export class RedisStateStore implements StateStore {
  readonly kind = "redis";
  private readonly redis: Redis;
  private readonly instance = randomUUID();
  private readonly prefix: string;
  private readonly lockTtlMs: number;

  constructor(params: {
    readonly url: string;
    readonly prefix?: string;
    /** How long a lock outlives a holder that stopped renewing it (a crash); 30 s by default. */
    readonly lockTtlMs?: number;
  }) {
    this.redis = new Redis(params.url, { lazyConnect: false, maxRetriesPerRequest: 3 });
    this.prefix = params.prefix ?? "firstline:";
    this.lockTtlMs = params.lockTtlMs ?? DEFAULT_LOCK_TTL_MS;
  }

  private key(kind: string, key: string): string {
    return `${this.prefix}${kind}:${key}`;
  }

  async markSeen(key: string, ttlMs: number): Promise<boolean> {
    return (
      (await this.redis.set(this.key("seen", key), "1", "PX", Math.max(1, Math.round(ttlMs)), "NX")) === "OK"
    );
  }

  async isSeen(key: string): Promise<boolean> {
    return (await this.redis.exists(this.key("seen", key))) === 1;
  }

  async forgetSeen(key: string): Promise<void> {
    await this.redis.del(this.key("seen", key));
  }

  async withLock<T>(key: string, task: () => Promise<T>, ttlMs = this.lockTtlMs): Promise<T> {
    const lockKey = this.key("lock", key);
    const token = randomUUID();
    let wait = 5;
    while ((await this.redis.set(lockKey, token, "PX", ttlMs, "NX")) !== "OK") {
      await new Promise((resolve) => setTimeout(resolve, wait));
      wait = Math.min(wait * 2, 100);
    }
    // A live holder renews its lock, so a long task (writes paced a second apart) keeps it.
    const renew = setInterval(
      () => void this.redis.eval(RENEW, 1, lockKey, token, String(ttlMs)).catch(() => undefined),
      Math.max(50, ttlMs / 3),
    );
    renew.unref();
    try {
      return await task();
    } finally {
      clearInterval(renew);
      await this.redis.eval(RELEASE, 1, lockKey, token).catch(() => undefined);
    }
  }

  async tryLease(name: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.eval(LEASE, 1, this.key("lease", name), this.instance, String(ttlMs))) === 1;
  }

  async getValue(key: string): Promise<string | undefined> {
    return (await this.redis.get(this.key("value", key))) ?? undefined;
  }

  async setValue(key: string, value: string, ttlMs: number): Promise<void> {
    await this.redis.set(this.key("value", key), value, "PX", Math.max(1, Math.round(ttlMs)));
  }

  async deleteValue(key: string): Promise<void> {
    await this.redis.del(this.key("value", key));
  }
  /** Texts by key under `name`: one Redis hash, shared by every instance. */
  private keyedTexts(name: string): KeyedTexts {
    // Named when used: the prefix is set in the constructor, after the fields that call this.
    const hash = (): string => `${this.prefix}${name}`;
    return {
      set: async (key, value) => {
        await this.redis.hset(hash(), key, value);
      },
      delete: async (key) => {
        await this.redis.hdel(hash(), key);
      },
      list: async () => Object.entries(await this.redis.hgetall(hash())),
    };
  }

  readonly pendingPages = pendingPagesOver(this.keyedTexts("pages:pending"));
  readonly pendingMail = this.keyedTexts("mail:pending");

  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
