import { githubTime } from "../clock.js";
import { nodeId } from "../state/ids.js";
import type { IssueRecord, RepoRecord } from "../state/types.js";
import {
  argNumber,
  argObject,
  argString,
  argStrings,
  connection,
  GitHubGraphQLError,
  type Args,
} from "./connection.js";
import { actorView, issueView, labelView, type GraphQLContext, type View } from "./views.js";

const upper = (text: string): string => text.toUpperCase();

/** Issue ordering of the `issues` / `pullRequests` connections: oldest first unless `orderBy` says otherwise. */
function ordered(ctx: GraphQLContext, issues: IssueRecord[], args: Args): IssueRecord[] {
  const orderBy = argObject(args, "orderBy");
  const field = orderBy?.["field"] ?? "CREATED_AT";
  const sign = orderBy?.["direction"] === "DESC" ? -1 : 1;
  const key = (issue: IssueRecord): number =>
    field === "UPDATED_AT"
      ? issue.updatedAt.getTime()
      : field === "COMMENTS"
        ? ctx.shapes.state.commentsOf(issue).length
        : issue.createdAt.getTime();
  return issues.sort((a, b) => sign * (key(a) - key(b) || a.id - b.id));
}

function hasAnyLabel(ctx: GraphQLContext, issue: IssueRecord, names: string[] | undefined): boolean {
  if (!names) return true;
  const wanted = names.map((name) => name.toLowerCase());
  return ctx.shapes.state.labelsOf(issue).some((label) => wanted.includes(label.name.toLowerCase()));
}

/** `Repository` with its issue and pull request lookups. */
export function repositoryView(ctx: GraphQLContext, repo: RepoRecord): View {
  const { state } = ctx.shapes;
  const notFound = (kind: string, article: string, number: unknown): never => {
    throw new GitHubGraphQLError(
      `Could not resolve to ${article} ${kind} with the number of ${String(number)}.`,
      "NOT_FOUND",
    );
  };
  return {
    __typename: "Repository",
    id: nodeId("Repository", repo.id),
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: `${repo.owner}/${repo.name}`,
    owner: actorView(ctx, repo.owner),
    url: `${ctx.shapes.base}/${repo.owner}/${repo.name}`,
    isPrivate: repo.isPrivate,
    createdAt: githubTime(repo.createdAt),
    updatedAt: githubTime(repo.updatedAt),
    issue: (args: Args) => {
      const found = state.issue(repo, argNumber(args, "number") ?? 0);
      return found && !found.pull ? issueView(ctx, found) : notFound("Issue", "an", args["number"]);
    },
    pullRequest: (args: Args) => {
      const found = state.issue(repo, argNumber(args, "number") ?? 0);
      return found?.pull ? issueView(ctx, found) : notFound("PullRequest", "a", args["number"]);
    },
    issues: (args: Args) => {
      const filterBy = argObject(args, "filterBy") ?? {};
      const states = argStrings(args, "states") ?? argStrings(filterBy, "states");
      const assignee = argString(filterBy, "assignee")?.toLowerCase();
      const createdBy = argString(filterBy, "createdBy")?.toLowerCase();
      const since = argString(filterBy, "since");
      const issues = state
        .issuesOf(repo)
        .filter((issue) => !issue.pull)
        .filter((issue) => !states || states.includes(upper(issue.state)))
        .filter(
          (issue) =>
            hasAnyLabel(ctx, issue, argStrings(args, "labels")) &&
            hasAnyLabel(ctx, issue, argStrings(filterBy, "labels")),
        )
        .filter(
          (issue) =>
            assignee === undefined ||
            (assignee === "*"
              ? issue.assignees.length > 0
              : issue.assignees.some((a) => a.toLowerCase() === assignee)),
        )
        .filter((issue) => createdBy === undefined || issue.authorLogin.toLowerCase() === createdBy)
        .filter((issue) => since === undefined || issue.updatedAt.getTime() >= Date.parse(since));
      return connection(ordered(ctx, issues, args), args, "issues", (issue) => issueView(ctx, issue));
    },
    pullRequests: (args: Args) => {
      const states = argStrings(args, "states");
      const head = argString(args, "headRefName");
      const base = argString(args, "baseRefName");
      const pulls = state
        .issuesOf(repo)
        .filter((issue) => issue.pull)
        .filter((issue) => !states || states.includes(issue.pull?.merged ? "MERGED" : upper(issue.state)))
        .filter((issue) => hasAnyLabel(ctx, issue, argStrings(args, "labels")))
        .filter(
          (issue) =>
            (head === undefined || issue.pull?.headRef === head) &&
            (base === undefined || issue.pull?.baseRef === base),
        );
      return connection(ordered(ctx, pulls, args), args, "pullRequests", (issue) => issueView(ctx, issue));
    },
    labels: (args: Args) => {
      const query = argString(args, "query")?.toLowerCase();
      const labels = repo.labels.filter(
        (label) => query === undefined || label.name.toLowerCase().includes(query),
      );
      return connection(labels, args, "labels", (label) => labelView(ctx, repo, label));
    },
  };
}
