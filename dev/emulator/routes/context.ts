import { forbidden, notFound } from "../http-error.js";
import type { ShapeContext } from "../shapes/context.js";
import type { EmulatorState } from "../state/store.js";
import type { Actor, RepoRecord } from "../state/types.js";
import type { EventSink } from "../webhooks/payloads.js";
import type { AuthService } from "../auth.js";
import type { RateLimits } from "../rate-limit.js";

/** What a REST handler is given about the request (already matched and validated). */
export interface RouteRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string | string[]>>;
  readonly body: unknown;
  readonly actor: Actor;
  /** The full request URL, for `Link` headers. */
  readonly url: URL;
  /** The `Accept` header: media types such as `application/vnd.github.raw` change some answers. */
  readonly accept: string;
}

/** What a REST handler answers: a JSON `body`, or `raw` text with its own content type. */
export interface RouteResult {
  readonly status: number;
  readonly body?: unknown;
  readonly raw?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** The emulator parts a handler may use; `now` is read once per request. */
export interface RouteEnv {
  readonly state: EmulatorState;
  readonly shapes: ShapeContext;
  readonly now: Date;
  readonly emit: EventSink;
  readonly auth: AuthService;
  readonly rateLimits: RateLimits;
  /** The rate-limit caller key of this request. */
  readonly caller: string;
}

export type RouteHandler = (env: RouteEnv, request: RouteRequest) => RouteResult | Promise<RouteResult>;

/** The login that acts: the app's bot for an installation token, else the user. */
export function actingLogin(env: RouteEnv, actor: Actor): string {
  if (actor.kind === "user") return actor.login;
  if (actor.kind === "installation") return actor.login;
  throw forbidden("A JSON web token cannot be used for this endpoint; use an installation access token.");
}

/** Whether a caller may see a repository: an installation sees its account's, a user what it can read. */
export function canSeeRepo(state: EmulatorState, actor: Actor, repo: RepoRecord): boolean {
  if (actor.kind === "app") return false;
  if (actor.kind === "installation") {
    return (
      state.installations.get(actor.installationId)?.accountLogin.toLowerCase() === repo.owner.toLowerCase()
    );
  }
  return state.permissionOf(repo, actor.login) !== "none";
}

/** The repository of `{owner}/{repo}`, if the caller may see it (else GitHub's 404). */
export function visibleRepo(env: RouteEnv, request: RouteRequest): RepoRecord {
  const repo = env.state.requireRepo(String(request.params["owner"]), String(request.params["repo"]));
  if (request.actor.kind === "app")
    throw forbidden("A JSON web token cannot be used for this endpoint; use an installation access token.");
  if (!canSeeRepo(env.state, request.actor, repo)) throw notFound();
  return repo;
}

/** Requires the triage permission (labels, assignees, closing someone else's issue). */
export function requireTriage(env: RouteEnv, repo: RepoRecord, login: string): void {
  if (!env.state.canTriage(repo, login)) throw forbidden("Must have admin rights to Repository.");
}

/** A path or query parameter as a positive integer (OpenAPI has already checked its form). */
export function intParam(value: string | string[] | undefined, fallback: number): number {
  const text = Array.isArray(value) ? value[0] : value;
  const parsed = text === undefined ? Number.NaN : Number.parseInt(text, 10);
  return Number.isFinite(parsed) ? parsed : fallback;
}

/** A query parameter as one string. */
export function queryString(request: RouteRequest, name: string): string | undefined {
  const value = request.query[name];
  return Array.isArray(value) ? value[0] : value;
}
