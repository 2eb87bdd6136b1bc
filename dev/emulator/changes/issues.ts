import { comment as commentShape, issue as issueShape, label as labelShape } from "../shapes/issue.js";
import { pullRequest } from "../shapes/pull.js";
import { userByLogin } from "../shapes/user.js";
import type {
  CommentRecord,
  IssueEventType,
  IssueRecord,
  LabelRecord,
  PullRecord,
  RepoRecord,
} from "../state/types.js";
import type { JsonObject } from "../shapes/context.js";
import { emitRepoEvent, type ChangeEnv } from "./env.js";

/** Reports an `issues` webhook, or a `pull_request` one when the issue is a pull request. */
export function emitIssueEvent(
  env: ChangeEnv,
  issue: IssueRecord,
  action: string,
  extra: JsonObject = {},
): void {
  const repo = env.state.repoById(issue.repoId);
  if (issue.pull) {
    const pull = issue as IssueRecord & { pull: PullRecord };
    emitRepoEvent(env, {
      name: "pull_request",
      action,
      repo,
      fields: { number: issue.number, pull_request: pullRequest(env.shapes, pull), ...extra },
    });
  } else {
    emitRepoEvent(env, {
      name: "issues",
      action,
      repo,
      fields: { issue: issueShape(env.shapes, issue), ...extra },
    });
  }
}

function recordEvent(
  env: ChangeEnv,
  issue: IssueRecord,
  event: IssueEventType,
  detail: { label?: LabelRecord; assignee?: string },
): void {
  env.state.events.push({
    id: env.state.nextId(),
    issueId: issue.id,
    event,
    actorLogin: env.actorLogin,
    createdAt: env.now,
    label: detail.label ? { name: detail.label.name, color: detail.label.color } : null,
    assigneeLogin: detail.assignee ?? null,
  });
}

/** The repository label of that name, created (grey, as GitHub does) when it does not exist. */
export function ensureLabel(env: ChangeEnv, repo: RepoRecord, name: string): LabelRecord {
  const existing = env.state.labelByName(repo, name);
  if (existing) return existing;
  const created: LabelRecord = {
    id: env.state.nextId(),
    name,
    color: "ededed",
    description: null,
    isDefault: false,
  };
  repo.labels.push(created);
  return created;
}

/** Adds labels not yet on the issue: one `labeled` event and webhook each. */
export function addLabels(env: ChangeEnv, issue: IssueRecord, names: readonly string[]): void {
  const repo = env.state.repoById(issue.repoId);
  for (const name of names) {
    const label = ensureLabel(env, repo, name);
    if (issue.labelIds.includes(label.id)) continue;
    issue.labelIds = [...issue.labelIds, label.id];
    issue.updatedAt = env.now;
    recordEvent(env, issue, "labeled", { label });
    emitIssueEvent(env, issue, "labeled", { label: labelShape(env.shapes, repo, label) });
  }
}

/** Removes one label from the issue: an `unlabeled` event and webhook. */
export function removeLabel(env: ChangeEnv, issue: IssueRecord, label: LabelRecord): void {
  const repo = env.state.repoById(issue.repoId);
  issue.labelIds = issue.labelIds.filter((id) => id !== label.id);
  issue.updatedAt = env.now;
  recordEvent(env, issue, "unlabeled", { label });
  emitIssueEvent(env, issue, "unlabeled", { label: labelShape(env.shapes, repo, label) });
}

/** Makes the issue's labels exactly `names` (removals first, then additions, as GitHub orders them). */
export function setLabels(env: ChangeEnv, issue: IssueRecord, names: readonly string[]): void {
  const repo = env.state.repoById(issue.repoId);
  const wanted = new Set(names.map((name) => ensureLabel(env, repo, name).id));
  for (const label of env.state.labelsOf(issue)) if (!wanted.has(label.id)) removeLabel(env, issue, label);
  addLabels(env, issue, names);
}

/**
 * GitHub lets an issue be assigned to members and collaborators of the repository, to its author
 * and to anyone who commented on it.
 */
function assignable(env: ChangeEnv, repo: RepoRecord, issue: IssueRecord, login: string): boolean {
  const lower = login.toLowerCase();
  if (env.state.authorAssociation(repo, login) !== "NONE") return true;
  if (issue.authorLogin.toLowerCase() === lower) return true;
  return env.state.commentsOf(issue).some((comment) => comment.authorLogin.toLowerCase() === lower);
}

/** Assigns logins not yet assigned; logins that may not be assigned are skipped silently, as on GitHub. */
export function assign(env: ChangeEnv, issue: IssueRecord, logins: readonly string[]): void {
  const repo = env.state.repoById(issue.repoId);
  for (const login of logins) {
    const account = env.state.account(login);
    if (
      !account ||
      account.type !== "User" ||
      issue.assignees.some((a) => a.toLowerCase() === login.toLowerCase())
    )
      continue;
    if (!assignable(env, repo, issue, account.login)) continue;
    if (issue.assignees.length >= 10) break;
    issue.assignees = [...issue.assignees, account.login];
    issue.updatedAt = env.now;
    recordEvent(env, issue, "assigned", { assignee: account.login });
    emitIssueEvent(env, issue, "assigned", { assignee: userByLogin(env.shapes, account.login) });
  }
}

/** Unassigns logins that are assigned. */
export function unassign(env: ChangeEnv, issue: IssueRecord, logins: readonly string[]): void {
  for (const login of logins) {
    const current = issue.assignees.find((a) => a.toLowerCase() === login.toLowerCase());
    if (!current) continue;
    issue.assignees = issue.assignees.filter((a) => a !== current);
    issue.updatedAt = env.now;
    recordEvent(env, issue, "unassigned", { assignee: current });
    emitIssueEvent(env, issue, "unassigned", { assignee: userByLogin(env.shapes, current) });
  }
}

/** Closes or reopens: the state, its event and its webhook. */
export function setState(
  env: ChangeEnv,
  issue: IssueRecord,
  state: "open" | "closed",
  reason: IssueRecord["stateReason"],
): void {
  if (issue.state === state) {
    if (state === "closed" && reason) issue.stateReason = reason;
    return;
  }
  issue.state = state;
  issue.updatedAt = env.now;
  if (state === "closed") {
    issue.closedAt = env.now;
    issue.closedBy = env.actorLogin;
    issue.stateReason = reason ?? "completed";
  } else {
    issue.closedAt = null;
    issue.closedBy = null;
    issue.stateReason = "reopened";
  }
  recordEvent(env, issue, state === "closed" ? "closed" : "reopened", {});
  emitIssueEvent(env, issue, state === "closed" ? "closed" : "reopened");
}

/** Changes title and body; one `edited` webhook naming the old values. */
export function editIssue(
  env: ChangeEnv,
  issue: IssueRecord,
  changes: { title?: string; body?: string | null },
): void {
  const from: JsonObject = {};
  if (changes.title !== undefined && changes.title !== issue.title) {
    from["title"] = { from: issue.title };
    issue.title = changes.title;
  }
  if (changes.body !== undefined && changes.body !== issue.body) {
    from["body"] = { from: issue.body ?? "" };
    issue.body = changes.body;
  }
  if (Object.keys(from).length === 0) return;
  issue.updatedAt = env.now;
  emitIssueEvent(env, issue, "edited", { changes: from });
}

/** Opens an issue (labels and assignees as given, already filtered by permission). */
export function openIssue(
  env: ChangeEnv,
  repo: RepoRecord,
  input: { title: string; body: string | null; labels: readonly string[]; assignees: readonly string[] },
): IssueRecord {
  const issue: IssueRecord = {
    id: env.state.nextId(),
    repoId: repo.id,
    number: repo.nextIssueNumber++,
    title: input.title,
    body: input.body,
    authorLogin: env.actorLogin,
    state: "open",
    stateReason: null,
    labelIds: input.labels
      .map((name) => ensureLabel(env, repo, name).id)
      .filter((id, index, all) => all.indexOf(id) === index),
    assignees: [],
    createdAt: env.now,
    updatedAt: env.now,
    closedAt: null,
    closedBy: null,
    locked: false,
    pull: null,
  };
  env.state.issues.set(issue.id, issue);
  for (const login of input.assignees) {
    const account = env.state.account(login);
    if (
      account?.type === "User" &&
      !issue.assignees.includes(account.login) &&
      assignable(env, repo, issue, account.login)
    )
      issue.assignees.push(account.login);
  }
  emitIssueEvent(env, issue, "opened");
  // GitHub follows `opened` with one `labeled` / `assigned` per label and assignee given at creation.
  for (const label of env.state.labelsOf(issue)) {
    recordEvent(env, issue, "labeled", { label });
    emitIssueEvent(env, issue, "labeled", { label: labelShape(env.shapes, repo, label) });
  }
  for (const login of issue.assignees) {
    recordEvent(env, issue, "assigned", { assignee: login });
    emitIssueEvent(env, issue, "assigned", { assignee: userByLogin(env.shapes, login) });
  }
  return issue;
}

/** Adds a comment: the issue's `updated_at` moves and an `issue_comment.created` webhook goes out. */
export function addComment(env: ChangeEnv, issue: IssueRecord, body: string): CommentRecord {
  const record: CommentRecord = {
    id: env.state.nextId(),
    issueId: issue.id,
    authorLogin: env.actorLogin,
    body,
    createdAt: env.now,
    updatedAt: env.now,
  };
  env.state.comments.set(record.id, record);
  issue.updatedAt = env.now;
  emitCommentEvent(env, record, "created");
  return record;
}

/** Reports an `issue_comment` webhook. */
export function emitCommentEvent(
  env: ChangeEnv,
  record: CommentRecord,
  action: string,
  extra: JsonObject = {},
): void {
  const issue = env.state.issues.get(record.issueId);
  if (!issue) return;
  const repo = env.state.repoById(issue.repoId);
  emitRepoEvent(env, {
    name: "issue_comment",
    action,
    repo,
    fields: {
      ...(action === "edited" ? extra : {}),
      issue: issueShape(env.shapes, issue),
      comment: commentShape(env.shapes, record),
    },
  });
}
