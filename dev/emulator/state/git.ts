import { blobSha, commitSha } from "./ids.js";
import type { CommitRecord, RepoRecord } from "./types.js";

/** A branch name, `refs/heads/<name>`, or a (full) commit sha → the commit sha, if any. */
export function resolveRef(repo: RepoRecord, ref: string): string | undefined {
  const branch = ref.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : ref;
  const head = repo.branches.get(branch);
  if (head) return head;
  if (/^[0-9a-f]{40}$/i.test(ref) && repo.commits.has(ref.toLowerCase())) return ref.toLowerCase();
  return undefined;
}

/** The file tree of a commit (empty for an unknown sha). */
export function treeOf(repo: RepoRecord, sha: string | undefined): ReadonlyMap<string, string> {
  return (sha && repo.commits.get(sha)?.tree) || new Map();
}

/** Writes a commit on a branch (creating the branch at `from` or the default branch) and returns it. */
export function commitFiles(params: {
  readonly repo: RepoRecord;
  readonly branch: string;
  readonly files: Readonly<Record<string, string | null>>;
  readonly message: string;
  readonly authorLogin: string;
  readonly at: Date;
}): { readonly before: string | null; readonly commit: CommitRecord; readonly created: boolean } {
  const { repo, branch } = params;
  const existing = repo.branches.get(branch);
  const before = existing ?? repo.branches.get(repo.defaultBranch) ?? null;
  const tree = new Map(treeOf(repo, before ?? undefined));
  for (const [path, content] of Object.entries(params.files)) {
    const clean = path.replace(/^\/+/, "");
    if (content === null) tree.delete(clean);
    else tree.set(clean, content);
  }
  const listing = [...tree.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, content]) => `${path}:${blobSha(content)}`);
  const sha = commitSha([
    ...listing,
    before ?? "",
    params.message,
    params.at.toISOString(),
    String(repo.commits.size),
  ]);
  const commit: CommitRecord = {
    sha,
    parent: before,
    tree,
    message: params.message,
    authorLogin: params.authorLogin,
    at: params.at,
  };
  repo.commits.set(sha, commit);
  repo.branches.set(branch, sha);
  repo.pushedAt = params.at;
  return { before: existing ?? null, commit, created: existing === undefined };
}

function ancestors(repo: RepoRecord, sha: string | undefined): string[] {
  const chain: string[] = [];
  let current = sha ? repo.commits.get(sha) : undefined;
  while (current) {
    chain.push(current.sha);
    current = current.parent ? repo.commits.get(current.parent) : undefined;
  }
  return chain;
}

/** The newest commit both histories share, as `git merge-base` finds it on a linear history. */
export function mergeBase(
  repo: RepoRecord,
  headSha: string,
  baseSha: string | undefined,
): string | undefined {
  const onBase = new Set(ancestors(repo, baseSha));
  return ancestors(repo, headSha).find((sha) => onBase.has(sha));
}

/** Commits on head since the merge base, oldest first. */
export function commitsSince(repo: RepoRecord, headSha: string, baseSha: string | undefined): CommitRecord[] {
  const base = mergeBase(repo, headSha, baseSha);
  const chain: CommitRecord[] = [];
  for (const sha of ancestors(repo, headSha)) {
    if (sha === base) break;
    const commit = repo.commits.get(sha);
    if (commit) chain.push(commit);
  }
  return chain.reverse();
}

export interface FileChange {
  readonly filename: string;
  readonly status: "added" | "removed" | "modified";
  readonly sha: string;
  readonly additions: number;
  readonly deletions: number;
}

function lineDelta(before: string, after: string): { additions: number; deletions: number } {
  const remaining = new Map<string, number>();
  for (const line of before.split("\n")) remaining.set(line, (remaining.get(line) ?? 0) + 1);
  let additions = 0;
  for (const line of after.split("\n")) {
    const left = remaining.get(line) ?? 0;
    if (left > 0) remaining.set(line, left - 1);
    else additions += 1;
  }
  const deletions = [...remaining.values()].reduce((sum, count) => sum + count, 0);
  return { additions, deletions };
}

/** The files a pull request changes: head's tree against the merge base's tree. */
export function changedFiles(repo: RepoRecord, headSha: string, baseSha: string | undefined): FileChange[] {
  const before = treeOf(repo, mergeBase(repo, headSha, baseSha));
  const after = treeOf(repo, headSha);
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  return paths.flatMap((filename): FileChange[] => {
    const old = before.get(filename);
    const now = after.get(filename);
    if (old === now) return [];
    if (old === undefined && now !== undefined) {
      return [
        { filename, status: "added", sha: blobSha(now), additions: now.split("\n").length, deletions: 0 },
      ];
    }
    if (now === undefined && old !== undefined) {
      return [
        { filename, status: "removed", sha: blobSha(old), additions: 0, deletions: old.split("\n").length },
      ];
    }
    return [{ filename, status: "modified", sha: blobSha(now ?? ""), ...lineDelta(old ?? "", now ?? "") }];
  });
}
