/** GitHub's rate-limit buckets the emulator keeps. */
export type RateResource = "core" | "search" | "graphql";

const LIMITS: Readonly<Record<RateResource, number>> = { core: 5000, search: 30, graphql: 5000 };
const WINDOWS_MS: Readonly<Record<RateResource, number>> = {
  core: 3_600_000,
  search: 60_000,
  graphql: 3_600_000,
};

export interface RateStatus {
  readonly resource: RateResource;
  readonly limit: number;
  readonly used: number;
  readonly remaining: number;
  /** Epoch seconds (emulator time) when the window starts again. */
  readonly reset: number;
}

/** Primary rate limits per caller and bucket, measured on the emulator's clock. */
export class RateLimits {
  private readonly buckets = new Map<string, { used: number; resetAtMs: number }>();

  constructor(private readonly now: () => Date) {}

  private bucket(caller: string, resource: RateResource): { used: number; resetAtMs: number } {
    const key = `${caller}\0${resource}`;
    const nowMs = this.now().getTime();
    let bucket = this.buckets.get(key);
    if (!bucket || nowMs >= bucket.resetAtMs) {
      bucket = { used: 0, resetAtMs: nowMs + WINDOWS_MS[resource] };
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  /** The bucket as it stands, without using anything. */
  peek(caller: string, resource: RateResource): RateStatus {
    const bucket = this.bucket(caller, resource);
    const limit = LIMITS[resource];
    return {
      resource,
      limit,
      used: bucket.used,
      remaining: Math.max(0, limit - bucket.used),
      reset: Math.ceil(bucket.resetAtMs / 1000),
    };
  }

  /** Counts `cost` against the bucket (a 304 answer counts nothing, as on GitHub). */
  use(caller: string, resource: RateResource, cost: number): RateStatus {
    this.bucket(caller, resource).used += cost;
    return this.peek(caller, resource);
  }

  /** The `x-ratelimit-*` headers for a status. */
  static headers(status: RateStatus): Record<string, string> {
    return {
      "x-ratelimit-limit": String(status.limit),
      "x-ratelimit-remaining": String(status.remaining),
      "x-ratelimit-reset": String(status.reset),
      "x-ratelimit-used": String(status.used),
      "x-ratelimit-resource": status.resource,
    };
  }
}
