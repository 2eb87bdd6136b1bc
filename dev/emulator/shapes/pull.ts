import { githubTime } from "../clock.js";
import { changedFiles, commitsSince, resolveRef, type FileChange } from "../state/git.js";
import { nodeId } from "../state/ids.js";
import type { IssueRecord, PullRecord, RepoRecord, ReviewRecord } from "../state/types.js";
import { segment, type JsonObject, type ShapeContext } from "./context.js";
import { issue as issueShape } from "./issue.js";
import { repository } from "./repository.js";
import { userByLogin } from "./user.js";

type PullIssue = IssueRecord & { readonly pull: PullRecord };

function branchEnd(ctx: ShapeContext, repo: RepoRecord, ref: string, sha: string): JsonObject {
  return {
    label: `${repo.owner}:${ref}`,
    ref,
    sha,
    user: userByLogin(ctx, repo.owner),
    repo: repository(ctx, repo),
  };
}

/** GitHub's `pull-request` (also used in webhook payloads). */
export function pullRequest(ctx: ShapeContext, record: PullIssue): JsonObject {
  const repo = ctx.state.repoById(record.repoId);
  const api = `${ctx.base}/repos/${segment(repo.owner)}/${segment(repo.name)}`;
  const url = `${api}/pulls/${record.number}`;
  const asIssue = issueShape(ctx, record);
  const html = String(asIssue["html_url"]);
  const baseSha = resolveRef(repo, record.pull.baseRef) ?? record.pull.headSha;
  const files = changedFiles(repo, record.pull.headSha, baseSha);
  const reviewComments = 0;
  return {
    url,
    id: record.pull.id,
    node_id: nodeId("PullRequest", record.pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${record.number}`,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${record.number}/comments`,
    statuses_url: `${api}/statuses/${record.pull.headSha}`,
    number: record.number,
    state: record.state,
    locked: record.locked,
    title: record.title,
    user: asIssue["user"],
    body: record.body,
    labels: asIssue["labels"],
    milestone: null,
    active_lock_reason: null,
    created_at: githubTime(record.createdAt),
    updated_at: githubTime(record.updatedAt),
    closed_at: record.closedAt ? githubTime(record.closedAt) : null,
    merged_at: record.pull.mergedAt ? githubTime(record.pull.mergedAt) : null,
    merge_commit_sha: null,
    assignee: asIssue["assignee"],
    assignees: asIssue["assignees"],
    requested_reviewers: [],
    requested_teams: [],
    head: branchEnd(ctx, repo, record.pull.headRef, record.pull.headSha),
    base: branchEnd(ctx, repo, record.pull.baseRef, baseSha),
    _links: {
      self: { href: url },
      html: { href: html },
      issue: { href: `${api}/issues/${record.number}` },
      comments: { href: `${api}/issues/${record.number}/comments` },
      review_comments: { href: `${url}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${url}/commits` },
      statuses: { href: `${api}/statuses/${record.pull.headSha}` },
    },
    author_association: asIssue["author_association"],
    auto_merge: null,
    draft: record.pull.draft,
    merged: record.pull.merged,
    mergeable: record.state === "open" ? true : null,
    rebaseable: record.state === "open" ? true : null,
    mergeable_state: record.state === "open" ? "clean" : "unknown",
    merged_by: null,
    comments: asIssue["comments"],
    review_comments: reviewComments,
    maintainer_can_modify: false,
    commits: commitsSince(repo, record.pull.headSha, baseSha).length,
    additions: files.reduce((sum, file) => sum + file.additions, 0),
    deletions: files.reduce((sum, file) => sum + file.deletions, 0),
    changed_files: files.length,
  };
}

/** GitHub's `diff-entry` for `GET /repos/{o}/{r}/pulls/{n}/files`. */
export function diffEntry(
  ctx: ShapeContext,
  repo: RepoRecord,
  headSha: string,
  change: FileChange,
): JsonObject {
  const api = `${ctx.base}/repos/${segment(repo.owner)}/${segment(repo.name)}`;
  const html = `${ctx.base}/${segment(repo.owner)}/${segment(repo.name)}`;
  const path = change.filename.split("/").map(segment).join("/");
  return {
    sha: change.sha,
    filename: change.filename,
    status: change.status,
    additions: change.additions,
    deletions: change.deletions,
    changes: change.additions + change.deletions,
    blob_url: `${html}/blob/${headSha}/${path}`,
    raw_url: `${html}/raw/${headSha}/${path}`,
    contents_url: `${api}/contents/${path}?ref=${headSha}`,
  };
}

/** The files of a pull request, in path order. */
export function pullFiles(ctx: ShapeContext, record: PullIssue): JsonObject[] {
  const repo = ctx.state.repoById(record.repoId);
  const baseSha = resolveRef(repo, record.pull.baseRef);
  return changedFiles(repo, record.pull.headSha, baseSha).map((change) =>
    diffEntry(ctx, repo, record.pull.headSha, change),
  );
}

/** GitHub's `pull-request-review`. */
export function review(ctx: ShapeContext, record: ReviewRecord): JsonObject {
  const parent = ctx.state.issues.get(record.issueId);
  if (!parent) throw new Error(`review ${record.id} has no pull request`);
  const repo = ctx.state.repoById(parent.repoId);
  const pullUrl = `${ctx.base}/repos/${segment(repo.owner)}/${segment(repo.name)}/pulls/${parent.number}`;
  const html = `${ctx.base}/${segment(repo.owner)}/${segment(repo.name)}/pull/${parent.number}#pullrequestreview-${record.id}`;
  return {
    id: record.id,
    node_id: nodeId("PullRequestReview", record.id),
    user: userByLogin(ctx, record.authorLogin),
    body: record.body,
    state: record.state,
    html_url: html,
    pull_request_url: pullUrl,
    author_association: ctx.state.authorAssociation(repo, record.authorLogin),
    _links: { html: { href: html }, pull_request: { href: pullUrl } },
    submitted_at: githubTime(record.submittedAt),
    commit_id: record.commitId,
  };
}

/** GitHub's `commit`, as `GET .../pulls/{n}/commits` lists it: author and committer are the pusher. */
export function pullCommits(ctx: ShapeContext, record: PullIssue): JsonObject[] {
  const repo = ctx.state.repoById(record.repoId);
  const api = `${ctx.base}/repos/${segment(repo.owner)}/${segment(repo.name)}`;
  const baseSha = resolveRef(repo, record.pull.baseRef);
  return commitsSince(repo, record.pull.headSha, baseSha).map((commit) => {
    const person = {
      name: commit.authorLogin,
      email: `${commit.authorLogin}@users.noreply.github.com`,
      date: githubTime(commit.at),
    };
    return {
      url: `${api}/commits/${commit.sha}`,
      sha: commit.sha,
      node_id: nodeId("Commit", parseInt(commit.sha.slice(0, 8), 16)),
      html_url: `${ctx.base}/${segment(repo.owner)}/${segment(repo.name)}/commit/${commit.sha}`,
      comments_url: `${api}/commits/${commit.sha}/comments`,
      commit: {
        url: `${api}/git/commits/${commit.sha}`,
        author: person,
        committer: person,
        message: commit.message,
        comment_count: 0,
        tree: { sha: commit.sha, url: `${api}/git/trees/${commit.sha}` },
      },
      author: userByLogin(ctx, commit.authorLogin),
      committer: userByLogin(ctx, commit.authorLogin),
      parents: commit.parent ? [{ sha: commit.parent, url: `${api}/commits/${commit.parent}` }] : [],
    };
  });
}
