import { githubTime } from "../clock.js";
import { changedFiles, commitFiles, resolveRef } from "../state/git.js";
import { pullRequest, review as reviewShape } from "../shapes/pull.js";
import type { IssueRecord, PullRecord, RepoRecord, ReviewRecord } from "../state/types.js";
import { emitIssueEvent } from "./issues.js";
import { emitRepoEvent, type ChangeEnv } from "./env.js";

export type PullIssue = IssueRecord & { readonly pull: PullRecord };

/** Opens a pull request from `head` into `base` (both existing branches). */
export function openPull(
  env: ChangeEnv,
  repo: RepoRecord,
  input: { title: string; body: string | null; head: string; base: string; draft: boolean },
): PullIssue {
  const headSha = resolveRef(repo, input.head);
  if (!headSha) throw new Error(`no branch ${input.head}`);
  const record: PullIssue = {
    id: env.state.nextId(),
    repoId: repo.id,
    number: repo.nextIssueNumber++,
    title: input.title,
    body: input.body,
    authorLogin: env.actorLogin,
    state: "open",
    stateReason: null,
    labelIds: [],
    assignees: [],
    createdAt: env.now,
    updatedAt: env.now,
    closedAt: null,
    closedBy: null,
    locked: false,
    pull: {
      id: env.state.nextId(),
      headRef: input.head,
      headSha,
      baseRef: input.base,
      draft: input.draft,
      merged: false,
      mergedAt: null,
    },
  };
  env.state.issues.set(record.id, record);
  emitIssueEvent(env, record, "opened");
  return record;
}

/** The webhook state of a review is lower case (`approved`), unlike REST's `APPROVED`. */
function emitReviewEvent(
  env: ChangeEnv,
  pull: PullIssue,
  record: ReviewRecord,
  action: "submitted" | "dismissed",
): void {
  const repo = env.state.repoById(pull.repoId);
  const shaped = reviewShape(env.shapes, record);
  emitRepoEvent(env, {
    name: "pull_request_review",
    action,
    repo,
    fields: {
      review: { ...shaped, state: record.state.toLowerCase() },
      pull_request: pullRequest(env.shapes, pull),
    },
  });
}

/** Records a submitted (or pending) review on the pull request's current or given commit. */
export function submitReview(
  env: ChangeEnv,
  pull: PullIssue,
  input: { state: ReviewRecord["state"]; body: string; commitId: string },
): ReviewRecord {
  const record: ReviewRecord = {
    id: env.state.nextId(),
    issueId: pull.id,
    authorLogin: env.actorLogin,
    body: input.body,
    state: input.state,
    commitId: input.commitId,
    submittedAt: env.now,
  };
  env.state.reviews.push(record);
  if (record.state !== "PENDING") {
    pull.updatedAt = env.now;
    emitReviewEvent(env, pull, record, "submitted");
  }
  return record;
}

/** Dismisses an approving or change-requesting review. */
export function dismissReview(env: ChangeEnv, pull: PullIssue, record: ReviewRecord): void {
  record.state = "DISMISSED";
  pull.updatedAt = env.now;
  emitReviewEvent(env, pull, record, "dismissed");
}

/**
 * Pushes files to a branch: a new commit, the `push` webhook, and `pull_request.synchronize` for
 * every open pull request whose head is that branch.
 */
export function pushFiles(
  env: ChangeEnv,
  repo: RepoRecord,
  input: { branch: string; files: Readonly<Record<string, string | null>>; message: string },
): { before: string | null; after: string } {
  const previousTree = new Map(repo.commits.get(repo.branches.get(input.branch) ?? "")?.tree ?? []);
  const { before, commit, created } = commitFiles({
    repo,
    branch: input.branch,
    files: input.files,
    message: input.message,
    authorLogin: env.actorLogin,
    at: env.now,
  });
  const added = Object.keys(input.files).filter(
    (path) => input.files[path] !== null && !previousTree.has(path),
  );
  const removed = Object.keys(input.files).filter(
    (path) => input.files[path] === null && previousTree.has(path),
  );
  const modified = Object.keys(input.files).filter(
    (path) => input.files[path] !== null && previousTree.has(path),
  );
  const account = env.state.account(env.actorLogin);
  const person = {
    name: account?.name ?? env.actorLogin,
    email: account?.email ?? `${env.actorLogin}@users.noreply.github.com`,
    username: env.actorLogin,
  };
  const html = `${env.shapes.base}/${repo.owner}/${repo.name}`;
  const commitJson = {
    id: commit.sha,
    tree_id: commit.sha,
    distinct: true,
    message: commit.message,
    timestamp: githubTime(commit.at),
    url: `${html}/commit/${commit.sha}`,
    author: person,
    committer: person,
    added,
    removed,
    modified,
  };
  const zero = "0".repeat(40);
  emitRepoEvent(env, {
    name: "push",
    action: null,
    repo,
    fields: {
      ref: `refs/heads/${input.branch}`,
      before: before ?? zero,
      after: commit.sha,
      created,
      deleted: false,
      forced: false,
      base_ref: null,
      compare: `${html}/compare/${(before ?? zero).slice(0, 12)}...${commit.sha.slice(0, 12)}`,
      commits: [commitJson],
      head_commit: commitJson,
      pusher: { name: person.username, email: person.email },
    },
  });
  for (const issue of env.state.issuesOf(repo)) {
    if (!issue.pull || issue.state !== "open" || issue.pull.headRef !== input.branch) continue;
    const previous = issue.pull.headSha;
    issue.pull.headSha = commit.sha;
    issue.updatedAt = env.now;
    emitIssueEvent(env, issue, "synchronize", { before: previous, after: commit.sha });
  }
  return { before, after: commit.sha };
}

/** True when head has no change against base: GitHub refuses such a pull request. */
export function nothingToCompare(repo: RepoRecord, head: string, base: string): boolean {
  const headSha = resolveRef(repo, head);
  return !headSha || changedFiles(repo, headSha, resolveRef(repo, base)).length === 0;
}
