import { paginate } from "../pagination.js";
import { RateLimits } from "../rate-limit.js";
import { issueSearchOrder, issueSearchPredicate, sortFromQuery } from "../search-query.js";
import { issue as issueShape } from "../shapes/issue.js";
import type { Actor, IssueRecord } from "../state/types.js";
import type { EmulatorState } from "../state/store.js";
import { canSeeRepo, queryString, type RouteHandler } from "./context.js";

/** The issues (and pull requests) in repositories the caller may see. */
export function searchableIssues(state: EmulatorState, actor: Actor): IssueRecord[] {
  return [...state.issues.values()].filter((issue) => canSeeRepo(state, actor, state.repoById(issue.repoId)));
}

export const searchHandlers: Readonly<Record<string, RouteHandler>> = {
  "search/issues-and-pull-requests": (env, request) => {
    const query = queryString(request, "q") ?? "";
    const matches = searchableIssues(env.state, request.actor)
      .filter(issueSearchPredicate(env.state, query))
      .sort(
        issueSearchOrder(
          env.state,
          queryString(request, "sort") ?? sortFromQuery(query)?.sort,
          queryString(request, "order") ?? sortFromQuery(query)?.order,
        ),
      );
    // GitHub serves at most the first 1,000 results of a search.
    const { page, headers } = paginate({ items: matches.slice(0, 1000), url: request.url });
    return {
      status: 200,
      body: {
        total_count: matches.length,
        incomplete_results: false,
        search_type: "lexical",
        // GitHub's description declares a search item's body a string, never null.
        items: page.map((issue) => ({ ...issueShape(env.shapes, issue), body: issue.body ?? "", score: 1 })),
      },
      headers,
    };
  },

  "rate-limit/get": (env) => {
    const core = env.rateLimits.peek(env.caller, "core");
    const search = env.rateLimits.peek(env.caller, "search");
    const graphql = env.rateLimits.peek(env.caller, "graphql");
    const shape = (status: typeof core): Record<string, number> => ({
      limit: status.limit,
      used: status.used,
      remaining: status.remaining,
      reset: status.reset,
    });
    return {
      status: 200,
      body: {
        resources: { core: shape(core), search: shape(search), graphql: shape(graphql) },
        rate: shape(core),
      },
      headers: RateLimits.headers(core),
    };
  },
};
