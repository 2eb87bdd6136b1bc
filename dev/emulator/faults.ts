import * as z from "zod";

/** Fault injection settings; any of them may be changed at any time through the control API. */
export const faultChangesSchema = z
  .strictObject({
    /** Milliseconds added before every API answer. */
    latencyMs: z.number().int().min(0).max(60_000),
    /** Share (0 to 1) of API requests answered `502 Bad Gateway`, drawn from the seeded generator. */
    serverErrorShare: z.number().min(0).max(1),
    /** Share (0 to 1) of API requests answered with a secondary rate limit (403 with `retry-after`). */
    secondaryRateLimitShare: z.number().min(0).max(1),
    /** The next N API requests are answered with a secondary rate limit, whatever the share says. */
    secondaryRateLimitNext: z.number().int().min(0),
    /** The `retry-after` header of a secondary rate limit, in seconds. */
    retryAfterSeconds: z.number().int().min(0),
    /** Only writes (POST, PUT, PATCH, DELETE) are affected; reads always pass. */
    writesOnly: z.boolean(),
    /** Seed of the generator that picks which requests fail; setting it restarts the sequence. */
    seed: z.number().int(),
    /** The next N requests whose path contains `hangMatching` are never answered (until the caller gives up). */
    hangNext: z.number().int().min(0),
    /** What the path of a request to hang contains (`/graphql`, `/issues/3/labels`; ending in `$`: is); empty: any request. */
    hangMatching: z.string(),
    /** The next N successful writes (REST writes and GraphQL mutations) whose path contains `loseAnswerMatching` are carried out but answered 502, as when GitHub's answer is lost. */
    loseAnswerNext: z.number().int().min(0),
    /** What the path of a write whose answer is lost contains (ending in `$`: is); empty: any write. */
    loseAnswerMatching: z.string(),
    /** REST requests under `/repos/<owner/name>/` answered with this status (403, 404, 451, 5xx), by repository. */
    repoStatus: z.record(z.string().regex(/^[^/]+\/[^/]+$/), z.number().int().min(400).max(599)),
  })
  .partial();

export type FaultChanges = z.input<typeof faultChangesSchema>;
/** The settings in force: every field present. */
export type FaultSettings = { [K in keyof FaultChanges]-?: Exclude<FaultChanges[K], undefined> };

const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  serverErrorShare: 0,
  secondaryRateLimitShare: 0,
  secondaryRateLimitNext: 0,
  retryAfterSeconds: 60,
  writesOnly: false,
  seed: 1,
  hangNext: 0,
  hangMatching: "",
  loseAnswerNext: 0,
  loseAnswerMatching: "",
  repoStatus: {},
};

/** What happens to one API request. */
export type FaultOutcome = "none" | "server-error" | "secondary-rate-limit";

/** mulberry32: small, fast and repeatable. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Whether a request path matches a fault's pattern: a part of it, or the whole path when the pattern ends with `$`. */
function pathMatches(path: string, pattern: string): boolean {
  return pattern.endsWith("$") ? path.split("?")[0] === pattern.slice(0, -1) : path.includes(pattern);
}

/** Decides, request by request, which faults to inject. */
export class Faults {
  private current: FaultSettings = { ...NO_FAULTS };
  private random = seededRandom(this.current.seed);

  settings(): FaultSettings {
    return { ...this.current };
  }

  /** Changes some settings; a new `seed` restarts the random sequence. */
  set(changes: FaultChanges): FaultSettings {
    const parsed = faultChangesSchema.parse(changes);
    const defined = Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined));
    this.current = { ...this.current, ...defined };
    if (parsed.seed !== undefined) this.random = seededRandom(this.current.seed);
    return this.settings();
  }

  /** Back to no faults at all. */
  reset(): FaultSettings {
    this.current = { ...NO_FAULTS };
    this.random = seededRandom(this.current.seed);
    return this.settings();
  }

  /** Whether to leave this request unanswered (counts it against `hangNext`). */
  takeHang(path: string): boolean {
    const settings = this.current;
    if (settings.hangNext <= 0 || !pathMatches(path, settings.hangMatching)) return false;
    this.current = { ...settings, hangNext: settings.hangNext - 1 };
    return true;
  }

  /** Whether the answer to this write, which succeeded, is lost (counts it against `loseAnswerNext`). */
  takeLostAnswer(params: {
    readonly path: string;
    readonly write: boolean;
    readonly status: number;
  }): boolean {
    const settings = this.current;
    if (
      !params.write ||
      params.status >= 400 ||
      settings.loseAnswerNext <= 0 ||
      !pathMatches(params.path, settings.loseAnswerMatching)
    )
      return false;
    this.current = { ...settings, loseAnswerNext: settings.loseAnswerNext - 1 };
    return true;
  }

  /** The status every REST request to a repository is answered with, if it is made to fail. */
  repoStatusFor(path: string): number | undefined {
    const match = /^\/repos\/([^/]+\/[^/?]+)/.exec(path);
    if (!match?.[1]) return undefined;
    const wanted = match[1].toLowerCase();
    const entry = Object.entries(this.current.repoStatus).find(([repo]) => repo.toLowerCase() === wanted);
    return entry?.[1];
  }

  /** The latency and outcome for one request. */
  decide(params: { readonly write: boolean }): {
    readonly latencyMs: number;
    readonly outcome: FaultOutcome;
  } {
    const settings = this.current;
    if (settings.writesOnly && !params.write) return { latencyMs: 0, outcome: "none" };
    if (settings.secondaryRateLimitNext > 0) {
      this.current = { ...settings, secondaryRateLimitNext: settings.secondaryRateLimitNext - 1 };
      return { latencyMs: settings.latencyMs, outcome: "secondary-rate-limit" };
    }
    const draw = this.random();
    if (draw < settings.serverErrorShare) return { latencyMs: settings.latencyMs, outcome: "server-error" };
    if (draw < settings.serverErrorShare + settings.secondaryRateLimitShare)
      return { latencyMs: settings.latencyMs, outcome: "secondary-rate-limit" };
    return { latencyMs: settings.latencyMs, outcome: "none" };
  }
}
