import type { DocumentNode, GraphQLError } from "graphql";
import * as z from "zod";
import { githubTime } from "../clock.js";
import { issueSearchOrder, issueSearchPredicate, sortFromQuery } from "../search-query.js";
import { nodeId } from "../state/ids.js";
import { canSeeRepo } from "../routes/context.js";
import { searchableIssues } from "../routes/search.js";
import { argString, connection, GitHubGraphQLError, type Args } from "./connection.js";
import { githubSchema } from "./schema.js";
import { labelMutations } from "./label-mutations.js";
import { issueProjectItems, organizationField, projectMutations } from "./projects-resolvers.js";
import { issueMutations } from "./issue-mutations.js";
import { SERVED_ROOT_FIELDS } from "./served.js";
import { issueView, repositoryView, type GraphQLContext, type View } from "./views.js";

const requestSchema = z.looseObject({
  query: z.string(),
  variables: z.record(z.string(), z.unknown()).nullish(),
  operationName: z.string().nullish(),
});

/** The `Query` type's fields. */
function queryRoot(ctx: GraphQLContext): View {
  const { state } = ctx.shapes;
  return {
    repository: (args: Args) => {
      const owner = argString(args, "owner") ?? "";
      const name = argString(args, "name") ?? "";
      const repo = state.repo(owner, name);
      if (!repo || !canSeeRepo(state, ctx.actor, repo)) {
        throw new GitHubGraphQLError(
          `Could not resolve to a Repository with the name '${owner}/${name}'.`,
          "NOT_FOUND",
        );
      }
      return repositoryView(ctx, repo);
    },
    search: (args: Args) => {
      const type = argString(args, "type");
      if (type !== "ISSUE" && type !== "ISSUE_ADVANCED") {
        throw new GitHubGraphQLError(
          `The emulator implements search type ISSUE only, not ${String(type)}.`,
          "NOT_IMPLEMENTED",
        );
      }
      const query = argString(args, "query") ?? "";
      const sort = sortFromQuery(query);
      const matches = searchableIssues(state, ctx.actor)
        .filter(issueSearchPredicate(state, query))
        .sort(issueSearchOrder(state, sort?.sort, sort?.order));
      const page = connection(matches.slice(0, 1000), args, "search", (issue) => issueView(ctx, issue));
      return {
        ...page,
        issueCount: matches.length,
        codeCount: 0,
        discussionCount: 0,
        repositoryCount: 0,
        userCount: 0,
        wikiCount: 0,
      };
    },
    organization: organizationField(ctx),
    rateLimit: () => ({
      cost: 1,
      limit: ctx.rate.limit,
      nodeCount: 0,
      remaining: ctx.rate.remaining,
      resetAt: githubTime(new Date(ctx.rate.reset * 1000)),
      used: ctx.rate.used,
    }),
    node: (args: Args) => {
      const id = argString(args, "id");
      for (const issue of state.issues.values()) {
        if (
          nodeId(issue.pull ? "PullRequest" : "Issue", issue.id) === id &&
          canSeeRepo(state, ctx.actor, state.repoById(issue.repoId))
        )
          return issueView(ctx, issue);
      }
      for (const repo of state.repos.values())
        if (nodeId("Repository", repo.id) === id && canSeeRepo(state, ctx.actor, repo))
          return repositoryView(ctx, repo);
      return null;
    },
  };
}

/**
 * The root resolvers of every served Query and Mutation field (graphql-js takes one root for
 * both). A served field without a resolver yet answers an error, never a silent null.
 */
function rootValue(ctx: GraphQLContext): View {
  const implemented: View = {
    ...queryRoot(ctx),
    ...projectMutations(ctx),
    ...issueMutations(ctx),
    ...labelMutations(ctx),
  };
  const root: View = {};
  for (const name of [...SERVED_ROOT_FIELDS.Query, ...SERVED_ROOT_FIELDS.Mutation]) {
    root[name] =
      implemented[name] ??
      (() => {
        throw new GitHubGraphQLError(`The emulator does not implement ${name} yet.`, "NOT_IMPLEMENTED");
      });
  }
  return root;
}

/** GitHub's error JSON: `type` at the top for its own errors, its wording for unknown fields. */
function formatError(error: GraphQLError): Record<string, unknown> {
  const base: Record<string, unknown> = {
    ...(error.path ? { path: error.path } : {}),
    ...(error.locations ? { locations: error.locations } : {}),
    message: error.message,
  };
  const original = error.originalError;
  if (original instanceof GitHubGraphQLError) return { type: original.githubType, ...base };
  const undefinedField = /^Cannot query field "([^"]+)" on type "([^"]+)"\./.exec(error.message);
  if (undefinedField) {
    const [, fieldName, typeName] = undefinedField;
    return {
      ...base,
      extensions: { code: "undefinedField", typeName, fieldName },
      message: `Field '${fieldName}' doesn't exist on type '${typeName}'`,
    };
  }
  return base;
}

/**
 * Answers `POST /graphql`: GitHub answers 200 with `errors` for queries that do not parse or
 * validate, and 400 when the body has no query at all.
 */
export async function answerGraphQL(
  given: GraphQLContext,
  body: unknown,
): Promise<{ status: number; body: unknown }> {
  const ctx: GraphQLContext = {
    ...given,
    issueProjectItems: (issueId, args) => issueProjectItems(ctx, issueId, args),
  };
  const request = requestSchema.safeParse(body);
  if (!request.success) {
    return {
      status: 400,
      body: {
        message: "A query attribute must be specified and must be a string.",
        documentation_url: "https://docs.github.com/graphql",
        status: "400",
      },
    };
  }
  const { execute, parse, validate } = await import("graphql");
  let document: DocumentNode;
  try {
    document = parse(request.data.query);
  } catch (error) {
    return { status: 200, body: { errors: [formatError(error as GraphQLError)] } };
  }
  const schema = await githubSchema();
  const problems = validate(schema, document);
  if (problems.length > 0) return { status: 200, body: { errors: problems.map(formatError) } };
  const result = await execute({
    schema,
    document,
    rootValue: rootValue(ctx),
    contextValue: ctx,
    variableValues: request.data.variables ?? {},
    operationName: request.data.operationName ?? null,
  });
  return {
    status: 200,
    body: {
      ...(result.data !== undefined ? { data: result.data } : {}),
      ...(result.errors ? { errors: result.errors.map(formatError) } : {}),
    },
  };
}
