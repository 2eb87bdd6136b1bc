import { githubTime } from "../clock.js";
import { nodeId } from "../state/ids.js";
import type { IssueEventRecord, IssueRecord, ReactionRecord } from "../state/types.js";
import { integration } from "./app.js";
import { segment, type JsonObject, type ShapeContext } from "./context.js";
import { comment } from "./issue.js";
import { userByLogin } from "./user.js";

/** One entry of `GET /repos/{o}/{r}/issues/{n}/events` (GitHub's `issue-event-for-issue`). */
export function issueEvent(ctx: ShapeContext, record: IssueEventRecord): JsonObject {
  const parent = ctx.state.issues.get(record.issueId);
  if (!parent) throw new Error(`event ${record.id} has no issue`);
  const repo = ctx.state.repoById(parent.repoId);
  const isApp = record.actorLogin.toLowerCase() === ctx.state.app.botLogin.toLowerCase();
  return {
    id: record.id,
    node_id: nodeId(`${record.event[0]?.toUpperCase()}${record.event.slice(1)}Event`, record.id),
    url: `${ctx.base}/repos/${segment(repo.owner)}/${segment(repo.name)}/issues/events/${record.id}`,
    actor: userByLogin(ctx, record.actorLogin),
    event: record.event,
    commit_id: null,
    commit_url: null,
    created_at: githubTime(record.createdAt),
    performed_via_github_app: isApp ? integration(ctx) : null,
    ...(record.label ? { label: { name: record.label.name, color: record.label.color } } : {}),
    ...(record.assigneeLogin
      ? { assignee: userByLogin(ctx, record.assigneeLogin), assigner: userByLogin(ctx, record.actorLogin) }
      : {}),
    ...(record.event === "closed" || record.event === "reopened"
      ? { state_reason: record.event === "reopened" ? "reopened" : null }
      : {}),
  };
}

/**
 * `GET /repos/{o}/{r}/issues/{n}/timeline`: the issue's events and its comments (as `commented`
 * entries), oldest first.
 */
export function timeline(ctx: ShapeContext, issue: IssueRecord): JsonObject[] {
  const entries: { at: number; id: number; json: JsonObject }[] = [
    ...ctx.state
      .eventsOf(issue)
      .map((event) => ({ at: event.createdAt.getTime(), id: event.id, json: issueEvent(ctx, event) })),
    ...ctx.state.commentsOf(issue).map((record) => ({
      at: record.createdAt.getTime(),
      id: record.id,
      json: { event: "commented", actor: userByLogin(ctx, record.authorLogin), ...comment(ctx, record) },
    })),
  ];
  return entries.sort((a, b) => a.at - b.at || a.id - b.id).map((entry) => entry.json);
}

/** GitHub's `reaction`. */
export function reaction(ctx: ShapeContext, record: ReactionRecord): JsonObject {
  return {
    id: record.id,
    node_id: nodeId("Reaction", record.id),
    user: userByLogin(ctx, record.userLogin),
    content: record.content,
    created_at: githubTime(record.createdAt),
  };
}
