import type { GitHubTransport } from "./transport.js";

/** A GraphQL read sent before the code that needs it was ready, and the transport that hands it over. */
export interface EarlyRead {
  /** `gh`, but the first request identical to the early one takes its answer instead of asking again. */
  readonly gh: GitHubTransport;
  /** Resolves when GitHub has answered the early read (or it failed). */
  readonly answered: Promise<void>;
}

/**
 * Sends one GraphQL read now, ahead of the code that will make it, so GitHub is already answering
 * while that code gets ready (the Action's sweep validates its configuration meanwhile). The
 * returned transport hands the answer to the first identical query (same text, same variables);
 * if none comes, the answer is simply not used. Requests stay one at a time: any other request
 * waits until the early one is answered.
 */
export function sendEarlyRead(params: {
  readonly gh: GitHubTransport;
  readonly query: string;
  readonly variables: Record<string, unknown>;
}): EarlyRead {
  const { gh } = params;
  const key = JSON.stringify([params.query, params.variables]);
  let early: Promise<unknown> | undefined = gh.graphql(params.query, params.variables);
  // Never unhandled: a caller that takes it sees its failure; one that does not, does not care.
  const settled = early.then(
    () => undefined,
    () => undefined,
  );
  const graphql = async (query: string, variables?: Record<string, unknown>) => {
    if (early && JSON.stringify([query, variables ?? {}]) === key) {
      const answer = early;
      early = undefined;
      return answer;
    }
    await settled;
    return gh.graphql(query, variables);
  };
  const request = async (route: string, requestParams?: Record<string, unknown>) => {
    await settled;
    return gh.request(route, requestParams);
  };
  // Octokit's `request` and `graphql` carry `endpoint` and `defaults` beside the call; these keep them.
  return {
    answered: settled,
    gh: {
      graphql: Object.assign(graphql, {
        endpoint: gh.graphql.endpoint,
        defaults: gh.graphql.defaults,
      }) as GitHubTransport["graphql"],
      request: Object.assign(request, {
        endpoint: gh.request.endpoint,
        defaults: gh.request.defaults,
      }) as GitHubTransport["request"],
    },
  };
}
