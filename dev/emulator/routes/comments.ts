import * as z from "zod";
import { addComment, emitCommentEvent } from "../changes/issues.js";
import { forbidden, notFound } from "../http-error.js";
import { paginate } from "../pagination.js";
import { issueEvent, reaction as reactionShape, timeline } from "../shapes/events.js";
import { comment as commentShape } from "../shapes/issue.js";
import {
  REACTION_CONTENTS,
  type CommentRecord,
  type ReactionRecord,
  type RepoRecord,
} from "../state/types.js";
import {
  actingLogin,
  intParam,
  queryString,
  visibleRepo,
  type RouteEnv,
  type RouteHandler,
  type RouteRequest,
} from "./context.js";

const bodySchema = z.looseObject({ body: z.string() });
const reactionSchema = z.looseObject({ content: z.enum(REACTION_CONTENTS) });

function findComment(env: RouteEnv, repo: RepoRecord, request: RouteRequest): CommentRecord {
  const record = env.state.comments.get(intParam(request.params["comment_id"], 0));
  const parent = record ? env.state.issues.get(record.issueId) : undefined;
  if (!record || parent?.repoId !== repo.id) throw notFound();
  return record;
}

function mayEdit(env: RouteEnv, repo: RepoRecord, record: CommentRecord, login: string): void {
  if (record.authorLogin.toLowerCase() !== login.toLowerCase() && !env.state.canTriage(repo, login)) {
    throw forbidden("Must have admin rights to Repository.");
  }
}

/** Adds a reaction unless the user already reacted so: 201 when new, 200 with the existing one. */
function react(
  env: RouteEnv,
  subject: ReactionRecord["subject"],
  login: string,
  body: unknown,
): { status: number; body: unknown } {
  const { content } = reactionSchema.parse(body);
  const existing = env.state
    .reactionsOf(subject)
    .find((r) => r.content === content && r.userLogin.toLowerCase() === login.toLowerCase());
  if (existing) return { status: 200, body: reactionShape(env.shapes, existing) };
  const record: ReactionRecord = {
    id: env.state.nextId(),
    subject,
    userLogin: login,
    content,
    createdAt: env.now,
  };
  env.state.reactions.push(record);
  return { status: 201, body: reactionShape(env.shapes, record) };
}

function listReactions(
  env: RouteEnv,
  request: RouteRequest,
  subject: ReactionRecord["subject"],
): { status: number; body: unknown; headers: Record<string, string> } {
  const content = queryString(request, "content");
  const reactions = env.state
    .reactionsOf(subject)
    .filter((r) => content === undefined || r.content === content);
  const { page, headers } = paginate({ items: reactions, url: request.url });
  return { status: 200, body: page.map((record) => reactionShape(env.shapes, record)), headers };
}

export const commentHandlers: Readonly<Record<string, RouteHandler>> = {
  "issues/list-comments": (env, request) => {
    const repo = visibleRepo(env, request);
    const issue = env.state.requireIssue(repo, intParam(request.params["issue_number"], 0));
    const since = queryString(request, "since");
    const comments = env.state
      .commentsOf(issue)
      .filter((record) => since === undefined || record.updatedAt.getTime() >= Date.parse(since))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
    const { page, headers } = paginate({ items: comments, url: request.url });
    return { status: 200, body: page.map((record) => commentShape(env.shapes, record)), headers };
  },

  "issues/create-comment": (env, request) => {
    const repo = visibleRepo(env, request);
    const login = actingLogin(env, request.actor);
    const issue = env.state.requireIssue(repo, intParam(request.params["issue_number"], 0));
    if (issue.locked && !env.state.canTriage(repo, login))
      throw forbidden("Unable to create comment because issue is locked.");
    const record = addComment({ ...env, actorLogin: login }, issue, bodySchema.parse(request.body).body);
    return {
      status: 201,
      body: commentShape(env.shapes, record),
      headers: {
        location: `${env.shapes.base}/repos/${repo.owner}/${repo.name}/issues/comments/${record.id}`,
      },
    };
  },

  "issues/get-comment": (env, request) => {
    const repo = visibleRepo(env, request);
    return { status: 200, body: commentShape(env.shapes, findComment(env, repo, request)) };
  },

  "issues/update-comment": (env, request) => {
    const repo = visibleRepo(env, request);
    const login = actingLogin(env, request.actor);
    const record = findComment(env, repo, request);
    mayEdit(env, repo, record, login);
    const { body } = bodySchema.parse(request.body);
    if (body !== record.body) {
      const from = record.body;
      record.body = body;
      record.updatedAt = env.now;
      emitCommentEvent({ ...env, actorLogin: login }, record, "edited", { changes: { body: { from } } });
    }
    return { status: 200, body: commentShape(env.shapes, record) };
  },

  "issues/delete-comment": (env, request) => {
    const repo = visibleRepo(env, request);
    const login = actingLogin(env, request.actor);
    const record = findComment(env, repo, request);
    mayEdit(env, repo, record, login);
    emitCommentEvent({ ...env, actorLogin: login }, record, "deleted");
    env.state.comments.delete(record.id);
    return { status: 204 };
  },

  "issues/list-events": (env, request) => {
    const repo = visibleRepo(env, request);
    const issue = env.state.requireIssue(repo, intParam(request.params["issue_number"], 0));
    const { page, headers } = paginate({ items: env.state.eventsOf(issue), url: request.url });
    return { status: 200, body: page.map((event) => issueEvent(env.shapes, event)), headers };
  },

  "issues/list-events-for-timeline": (env, request) => {
    const repo = visibleRepo(env, request);
    const issue = env.state.requireIssue(repo, intParam(request.params["issue_number"], 0));
    const { page, headers } = paginate({ items: timeline(env.shapes, issue), url: request.url });
    return { status: 200, body: page, headers };
  },

  "reactions/list-for-issue": (env, request) => {
    const repo = visibleRepo(env, request);
    const issue = env.state.requireIssue(repo, intParam(request.params["issue_number"], 0));
    return listReactions(env, request, { kind: "issue", id: issue.id });
  },

  "reactions/create-for-issue": (env, request) => {
    const repo = visibleRepo(env, request);
    const login = actingLogin(env, request.actor);
    const issue = env.state.requireIssue(repo, intParam(request.params["issue_number"], 0));
    return react(env, { kind: "issue", id: issue.id }, login, request.body);
  },

  "reactions/list-for-issue-comment": (env, request) => {
    const repo = visibleRepo(env, request);
    return listReactions(env, request, { kind: "comment", id: findComment(env, repo, request).id });
  },

  "reactions/create-for-issue-comment": (env, request) => {
    const repo = visibleRepo(env, request);
    const login = actingLogin(env, request.actor);
    return react(env, { kind: "comment", id: findComment(env, repo, request).id }, login, request.body);
  },
};
