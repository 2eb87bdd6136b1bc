import { githubTime } from "../clock.js";
import type { RateStatus } from "../rate-limit.js";
import type { ShapeContext } from "../shapes/context.js";
import type { EventSink } from "../webhooks/payloads.js";
import { changedFiles, resolveRef } from "../state/git.js";
import { nodeId } from "../state/ids.js";
import type {
  Actor,
  CommentRecord,
  IssueEventRecord,
  IssueRecord,
  LabelRecord,
  ReactionRecord,
  RepoRecord,
} from "../state/types.js";
import {
  argNumber,
  argObject,
  argString,
  argStrings,
  connection,
  GitHubGraphQLError,
  type Args,
  type ConnectionPage,
} from "./connection.js";

/** What every resolver may use: the records, the caller and the rate-limit status after this query. */
export interface GraphQLContext {
  readonly shapes: ShapeContext;
  readonly actor: Actor;
  readonly rate: RateStatus;
  /** The emulator's time of the request, for what a mutation stamps. */
  readonly now?: Date;
  /** Where a mutation's webhooks go (delivered after the answer, as for REST). */
  readonly emit?: EventSink;
  /** `Issue.projectItems`, answered by the Projects resolvers (which build on these views). */
  readonly issueProjectItems?: (issueId: number, args: Args) => ConnectionPage<View>;
}

/** A GraphQL object: plain values, or functions of the field's arguments (graphql-js calls them). */
export type View = Record<string, unknown>;

const time = (at: Date | null): string | null => (at ? githubTime(at) : null);
const upper = (text: string): string => text.toUpperCase();

/** `User`, `Bot` or `Organization` for a login. */
export function actorView(ctx: GraphQLContext, login: string): View {
  const account = ctx.shapes.state.account(login);
  const typename =
    account?.type === "Bot" ? "Bot" : account?.type === "Organization" ? "Organization" : "User";
  const base = ctx.shapes.base;
  return {
    __typename: typename,
    id: nodeId(typename, account?.id ?? 0),
    databaseId: account?.id ?? null,
    login: typename === "Bot" ? login.replace(/\[bot\]$/, "") : login,
    name: account?.name ?? null,
    avatarUrl: () => `${base}/avatars/u/${account?.id ?? 0}?v=4`,
    url: typename === "Bot" ? `${base}/apps/${ctx.shapes.state.app.slug}` : `${base}/${login}`,
  };
}

export function labelView(ctx: GraphQLContext, repo: RepoRecord, label: LabelRecord): View {
  return {
    __typename: "Label",
    id: nodeId("Label", label.id),
    name: label.name,
    color: label.color,
    description: label.description,
    isDefault: label.isDefault,
    url: `${ctx.shapes.base}/${repo.owner}/${repo.name}/labels/${encodeURIComponent(label.name)}`,
  };
}

export function commentView(
  ctx: GraphQLContext,
  repo: RepoRecord,
  issue: IssueRecord,
  comment: CommentRecord,
): View {
  return {
    __typename: "IssueComment",
    id: nodeId("IssueComment", comment.id),
    databaseId: comment.id,
    author: actorView(ctx, comment.authorLogin),
    authorAssociation: ctx.shapes.state.authorAssociation(repo, comment.authorLogin),
    body: comment.body,
    createdAt: githubTime(comment.createdAt),
    updatedAt: githubTime(comment.updatedAt),
    lastEditedAt:
      comment.updatedAt.getTime() > comment.createdAt.getTime() ? githubTime(comment.updatedAt) : null,
    url: `${ctx.shapes.base}/${repo.owner}/${repo.name}/issues/${issue.number}#issuecomment-${comment.id}`,
  };
}

const REACTION_NAMES: Readonly<Record<string, string>> = {
  "+1": "THUMBS_UP",
  "-1": "THUMBS_DOWN",
  laugh: "LAUGH",
  hooray: "HOORAY",
  confused: "CONFUSED",
  heart: "HEART",
  rocket: "ROCKET",
  eyes: "EYES",
};

function reactionView(ctx: GraphQLContext, reaction: ReactionRecord): View {
  return {
    __typename: "Reaction",
    id: nodeId("Reaction", reaction.id),
    databaseId: reaction.id,
    content: REACTION_NAMES[reaction.content],
    createdAt: githubTime(reaction.createdAt),
    user: actorView(ctx, reaction.userLogin),
  };
}

const EVENT_TYPES: Readonly<Record<IssueEventRecord["event"], string>> = {
  labeled: "LabeledEvent",
  unlabeled: "UnlabeledEvent",
  closed: "ClosedEvent",
  reopened: "ReopenedEvent",
  assigned: "AssignedEvent",
  unassigned: "UnassignedEvent",
};

function eventView(ctx: GraphQLContext, repo: RepoRecord, issue: IssueRecord, event: IssueEventRecord): View {
  const typename = EVENT_TYPES[event.event];
  const label = event.label
    ? (ctx.shapes.state.labelByName(repo, event.label.name) ?? {
        id: 0,
        name: event.label.name,
        color: event.label.color,
        description: null,
        isDefault: false,
      })
    : null;
  return {
    __typename: typename,
    id: nodeId(typename, event.id),
    actor: actorView(ctx, event.actorLogin),
    createdAt: githubTime(event.createdAt),
    ...(label ? { label: labelView(ctx, repo, label) } : {}),
    ...(event.assigneeLogin ? { assignee: actorView(ctx, event.assigneeLogin) } : {}),
    ...(event.event === "closed"
      ? { stateReason: issue.stateReason ? upper(issue.stateReason) : "COMPLETED" }
      : {}),
    ...(event.event === "reopened" ? { stateReason: "REOPENED" } : {}),
  };
}

const TIMELINE_ITEM_TYPES: Readonly<Record<string, string>> = {
  LabeledEvent: "LABELED_EVENT",
  UnlabeledEvent: "UNLABELED_EVENT",
  ClosedEvent: "CLOSED_EVENT",
  ReopenedEvent: "REOPENED_EVENT",
  AssignedEvent: "ASSIGNED_EVENT",
  UnassignedEvent: "UNASSIGNED_EVENT",
  IssueComment: "ISSUE_COMMENT",
};

function timelineItems(ctx: GraphQLContext, repo: RepoRecord, issue: IssueRecord, args: Args): View {
  const { state } = ctx.shapes;
  const wanted = argStrings(args, "itemTypes");
  const since = argString(args, "since");
  const all = [
    ...state.eventsOf(issue).map((event) => ({
      at: event.createdAt.getTime(),
      id: event.id,
      view: eventView(ctx, repo, issue, event),
    })),
    ...state.commentsOf(issue).map((comment) => ({
      at: comment.createdAt.getTime(),
      id: comment.id,
      view: commentView(ctx, repo, issue, comment),
    })),
  ].sort((a, b) => a.at - b.at || a.id - b.id);
  const filtered = all
    .filter((item) => since === undefined || item.at >= Date.parse(since))
    .filter((item) => !wanted || wanted.includes(TIMELINE_ITEM_TYPES[String(item.view["__typename"])] ?? ""));
  const page = connection(filtered, args, "timelineItems", (item) => item.view);
  return {
    ...page,
    filteredCount: filtered.length,
    pageCount: page.nodes.length,
    updatedAt: githubTime(issue.updatedAt),
  };
}

/** `Issue` or `PullRequest`, with the connections GitHub offers on them. */
export function issueView(ctx: GraphQLContext, issue: IssueRecord): View {
  const { state } = ctx.shapes;
  const repo = state.repoById(issue.repoId);
  const typename = issue.pull ? "PullRequest" : "Issue";
  const common: View = {
    __typename: typename,
    id: nodeId(typename, issue.id),
    databaseId: issue.id,
    number: issue.number,
    title: issue.title,
    body: issue.body ?? "",
    url: `${ctx.shapes.base}/${repo.owner}/${repo.name}/${issue.pull ? "pull" : "issues"}/${issue.number}`,
    createdAt: githubTime(issue.createdAt),
    updatedAt: githubTime(issue.updatedAt),
    closedAt: time(issue.closedAt),
    closed: issue.state === "closed",
    locked: issue.locked,
    author: actorView(ctx, issue.authorLogin),
    authorAssociation: state.authorAssociation(repo, issue.authorLogin),
    repository: () => repositoryView(ctx, repo),
    labels: (args: Args) =>
      connection(state.labelsOf(issue), args, "labels", (label) => labelView(ctx, repo, label)),
    comments: (args: Args) =>
      connection(
        state.commentsOf(issue).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id),
        args,
        "comments",
        (comment) => commentView(ctx, repo, issue, comment),
      ),
    assignees: (args: Args) =>
      connection(issue.assignees, args, "assignees", (login) => actorView(ctx, login)),
  };
  if (!issue.pull) {
    return {
      ...common,
      projectItems: (args: Args) =>
        ctx.issueProjectItems?.(issue.id, args) ?? connection([], args, "projectItems", (v) => v),
      state: upper(issue.state),
      stateReason: issue.stateReason ? upper(issue.stateReason) : null,
      reactions: (args: Args) => {
        const content = argString(args, "content");
        const reactions = state
          .reactionsOf({ kind: "issue", id: issue.id })
          .filter((r) => content === undefined || REACTION_NAMES[r.content] === content);
        return {
          ...connection(reactions, args, "reactions", (reaction) => reactionView(ctx, reaction)),
          viewerHasReacted: false,
        };
      },
      timelineItems: (args: Args) => timelineItems(ctx, repo, issue, args),
    };
  }
  const pull = issue.pull;
  const files = changedFiles(repo, pull.headSha, resolveRef(repo, pull.baseRef));
  return {
    ...common,
    state: pull.merged ? "MERGED" : upper(issue.state),
    merged: pull.merged,
    mergedAt: time(pull.mergedAt),
    isDraft: pull.draft,
    headRefName: pull.headRef,
    headRefOid: pull.headSha,
    baseRefName: pull.baseRef,
    changedFiles: files.length,
    additions: files.reduce((sum, file) => sum + file.additions, 0),
    deletions: files.reduce((sum, file) => sum + file.deletions, 0),
  };
}

// An issue links to its repository and a repository lists its issues: both views live here, so
// the two refer to each other without an import cycle.

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
