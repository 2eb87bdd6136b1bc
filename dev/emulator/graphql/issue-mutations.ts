import { addComment, addLabels } from "../changes/issues.js";
import { canSeeRepo } from "../routes/context.js";
import { nodeId } from "../state/ids.js";
import type { IssueRecord, RepoRecord } from "../state/types.js";
import { argObject, argString, argStrings, connection, GitHubGraphQLError, type Args } from "./connection.js";
import { commentView, issueView, type GraphQLContext, type View } from "./views.js";

const notFound = (id: string | undefined) =>
  new GitHubGraphQLError(`Could not resolve to a node with the global id of '${id ?? ""}'`, "NOT_FOUND");

/** The issue or pull request a node id names, if the caller can see it. */
function issueOfNode(ctx: GraphQLContext, id: string | undefined): { issue: IssueRecord; repo: RepoRecord } {
  const { state } = ctx.shapes;
  for (const issue of state.issues.values()) {
    if (nodeId(issue.pull ? "PullRequest" : "Issue", issue.id) !== id) continue;
    const repo = state.repoById(issue.repoId);
    if (canSeeRepo(state, ctx.actor, repo)) return { issue, repo };
  }
  throw notFound(id);
}

/** Who writes: a user or an installation's bot; the app's own JWT cannot. */
function writer(ctx: GraphQLContext, mutation: string): string {
  if (ctx.actor.kind === "app")
    throw new GitHubGraphQLError(`A JSON web token cannot be used for ${mutation}.`, "FORBIDDEN");
  return ctx.actor.login;
}

/** What a change needs beyond the records: the time, who acts, and where its webhooks go. */
function changeEnv(ctx: GraphQLContext, actorLogin: string) {
  return {
    state: ctx.shapes.state,
    shapes: ctx.shapes,
    now: ctx.now ?? new Date(),
    emit: ctx.emit ?? (() => undefined),
    actorLogin,
  };
}

/**
 * `addComment` and `addLabelsToLabelable` on issues and pull requests: the same records, events
 * and webhooks as the REST routes, and GitHub's refusals (a node the caller cannot see is not
 * found; labels need triage; a locked issue takes comments only from those who may triage).
 */
export function issueMutations(ctx: GraphQLContext): View {
  const { state } = ctx.shapes;
  return {
    addComment: (args: Args) => {
      const input = argObject(args, "input") ?? {};
      const login = writer(ctx, "addComment");
      const { issue, repo } = issueOfNode(ctx, argString(input, "subjectId"));
      if (issue.locked && !state.canTriage(repo, login))
        throw new GitHubGraphQLError("Unable to create comment because issue is locked.", "FORBIDDEN");
      const body = argString(input, "body") ?? "";
      if (body.trim() === "") throw new GitHubGraphQLError("Body can't be blank", "UNPROCESSABLE");
      addComment(changeEnv(ctx, login), issue, body);
      // The new comment is the newest: the last edge of the issue's comments, with its cursor.
      const comments = state
        .commentsOf(issue)
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
      const edge = connection(comments, { last: 1 }, "comments", (c) => commentView(ctx, repo, issue, c))
        .edges[0];
      return {
        clientMutationId: argString(input, "clientMutationId") ?? null,
        commentEdge: edge ?? null,
        subject: issueView(ctx, issue),
        timelineEdge: null,
      };
    },
    addLabelsToLabelable: (args: Args) => {
      const input = argObject(args, "input") ?? {};
      const login = writer(ctx, "addLabelsToLabelable");
      const { issue, repo } = issueOfNode(ctx, argString(input, "labelableId"));
      const names = (argStrings(input, "labelIds") ?? []).map((id) => {
        const label = repo.labels.find((l) => nodeId("Label", l.id) === id);
        if (!label) throw notFound(id);
        return label.name;
      });
      if (!state.canTriage(repo, login))
        throw new GitHubGraphQLError(
          `${login} does not have the correct permissions to execute \`AddLabelsToLabelable\``,
          "FORBIDDEN",
        );
      addLabels(changeEnv(ctx, login), issue, names);
      return {
        clientMutationId: argString(input, "clientMutationId") ?? null,
        labelable: issueView(ctx, issue),
      };
    },
  };
}
