import { githubTime } from "../clock.js";
import { nodeId } from "../state/ids.js";
import {
  REACTION_CONTENTS,
  type CommentRecord,
  type IssueRecord,
  type LabelRecord,
  type RepoRecord,
} from "../state/types.js";
import { integration } from "./app.js";
import { segment, type JsonObject, type ShapeContext } from "./context.js";
import { userByLogin } from "./user.js";

function repoApi(ctx: ShapeContext, repo: RepoRecord): string {
  return `${ctx.base}/repos/${segment(repo.owner)}/${segment(repo.name)}`;
}

function repoHtml(ctx: ShapeContext, repo: RepoRecord): string {
  return `${ctx.base}/${segment(repo.owner)}/${segment(repo.name)}`;
}

/** `performed_via_github_app`: the app when its bot did it, else null. */
function viaApp(ctx: ShapeContext, login: string): JsonObject | null {
  return login.toLowerCase() === ctx.state.app.botLogin.toLowerCase() ? integration(ctx) : null;
}

/** GitHub's `label`. */
export function label(ctx: ShapeContext, repo: RepoRecord, record: LabelRecord): JsonObject {
  return {
    id: record.id,
    node_id: nodeId("Label", record.id),
    url: `${repoApi(ctx, repo)}/labels/${segment(record.name)}`,
    name: record.name,
    color: record.color,
    default: record.isDefault,
    description: record.description,
  };
}

/** GitHub's `reaction-rollup` for an issue or a comment. */
export function reactionRollup(
  ctx: ShapeContext,
  subject: { kind: "issue" | "comment"; id: number },
  url: string,
): JsonObject {
  const reactions = ctx.state.reactionsOf(subject);
  const counts = Object.fromEntries(
    REACTION_CONTENTS.map((content) => [content, reactions.filter((r) => r.content === content).length]),
  );
  return { url: `${url}/reactions`, total_count: reactions.length, ...counts };
}

/** GitHub's `issue` (pull requests are issues too and carry a `pull_request` key). */
export function issue(ctx: ShapeContext, record: IssueRecord): JsonObject {
  const repo = ctx.state.repoById(record.repoId);
  const url = `${repoApi(ctx, repo)}/issues/${record.number}`;
  const html = `${repoHtml(ctx, repo)}/${record.pull ? "pull" : "issues"}/${record.number}`;
  const assignees = record.assignees.map((login) => userByLogin(ctx, login));
  return {
    url,
    repository_url: repoApi(ctx, repo),
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: html,
    id: record.id,
    node_id: nodeId(record.pull ? "PullRequest" : "Issue", record.id),
    number: record.number,
    title: record.title,
    user: userByLogin(ctx, record.authorLogin),
    labels: ctx.state.labelsOf(record).map((entry) => label(ctx, repo, entry)),
    state: record.state,
    locked: record.locked,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    comments: ctx.state.commentsOf(record).length,
    created_at: githubTime(record.createdAt),
    updated_at: githubTime(record.updatedAt),
    closed_at: record.closedAt ? githubTime(record.closedAt) : null,
    closed_by: record.closedBy ? userByLogin(ctx, record.closedBy) : null,
    author_association: ctx.state.authorAssociation(repo, record.authorLogin),
    active_lock_reason: null,
    ...(record.pull
      ? {
          draft: record.pull.draft,
          pull_request: {
            url: `${repoApi(ctx, repo)}/pulls/${record.number}`,
            html_url: html,
            diff_url: `${html}.diff`,
            patch_url: `${html}.patch`,
            merged_at: record.pull.mergedAt ? githubTime(record.pull.mergedAt) : null,
          },
        }
      : {}),
    body: record.body,
    reactions: reactionRollup(ctx, { kind: "issue", id: record.id }, url),
    timeline_url: `${url}/timeline`,
    performed_via_github_app: viaApp(ctx, record.authorLogin),
    state_reason: record.stateReason,
  };
}

/** GitHub's `issue-comment`. */
export function comment(ctx: ShapeContext, record: CommentRecord): JsonObject {
  const parent = ctx.state.issues.get(record.issueId);
  if (!parent) throw new Error(`comment ${record.id} has no issue`);
  const repo = ctx.state.repoById(parent.repoId);
  const url = `${repoApi(ctx, repo)}/issues/comments/${record.id}`;
  return {
    url,
    html_url: `${repoHtml(ctx, repo)}/${parent.pull ? "pull" : "issues"}/${parent.number}#issuecomment-${record.id}`,
    issue_url: `${repoApi(ctx, repo)}/issues/${parent.number}`,
    id: record.id,
    node_id: nodeId("IssueComment", record.id),
    user: userByLogin(ctx, record.authorLogin),
    created_at: githubTime(record.createdAt),
    updated_at: githubTime(record.updatedAt),
    author_association: ctx.state.authorAssociation(repo, record.authorLogin),
    body: record.body,
    reactions: reactionRollup(ctx, { kind: "comment", id: record.id }, url),
    performed_via_github_app: viaApp(ctx, record.authorLogin),
  };
}
