import type { GitHubTransport } from "./transport.js";

/** A write Firstline planned into a repository its configuration does not list: a bug, never carried out. */
export class RefusedWriteError extends Error {
  constructor(
    readonly route: string,
    readonly repo: string,
  ) {
    super(`refused ${route} in ${repo}: the configuration does not list that repository`);
    this.name = "RefusedWriteError";
  }
}

const READ_METHODS = new Set(["GET", "HEAD"]);

/** The repository a REST route writes to, from its path or its `owner` and `repo` parameters. */
export function repositoryOfRoute(
  route: string,
  params: Readonly<Record<string, unknown>> = {},
): string | undefined {
  const path = route.split(" ")[1] ?? route;
  const match = /^\/repos\/([^/]+)\/([^/]+)/.exec(path);
  if (!match) return undefined;
  const fill = (part: string, key: string) => (part === `{${key}}` ? String(params[key] ?? "") : part);
  return `${fill(match[1] ?? "", "owner")}/${fill(match[2] ?? "", "repo")}`;
}

/**
 * The transport with every REST write checked against the repositories Firstline may write to:
 * one outside them is refused here, with a log line, whatever code planned it. Reads pass through
 * (the app reads the support repository's rota with the same installation, for example).
 */
export function guardWrites(params: {
  readonly gh: GitHubTransport;
  readonly allowed: (repo: string) => boolean;
  readonly log: { error: (obj: object, msg?: string) => void };
}): GitHubTransport {
  const { gh, allowed, log } = params;
  const guarded = async (route: string, requestParams?: Record<string, unknown>) => {
    const method = route.split(" ")[0]?.toUpperCase() ?? "GET";
    if (!READ_METHODS.has(method)) {
      const repo = repositoryOfRoute(route, requestParams);
      if (repo !== undefined && !allowed(repo)) {
        log.error({ route, repo }, "refused a write to a repository the configuration does not list");
        throw new RefusedWriteError(route, repo);
      }
    }
    return gh.request(route, requestParams);
  };
  // Octokit's `request` carries `endpoint` and `defaults` beside the call; the guarded one keeps them.
  return {
    graphql: gh.graphql,
    request: Object.assign(guarded, {
      endpoint: gh.request.endpoint,
      defaults: gh.request.defaults,
    }) as GitHubTransport["request"],
  };
}
