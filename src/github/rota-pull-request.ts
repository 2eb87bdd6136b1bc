import { DateTime } from "luxon";
import { findInList, readAll, type ListItem } from "./read-all.js";
import { loadRota, OVERRIDES_FILE_NAME, ROTA_FILE_NAMES } from "../config/rota-load.js";
import type { CheckReport } from "../core/check-report.js";
import type { InputProblem } from "../core/finding.js";
import { checkRotaChange, type RotaChangeResult } from "../core/rota/change-check.js";
import {
  ROTA_CHECK_NAME,
  ROTA_COMMENT_MARKER,
  rotaChangeCheckReport,
  rotaChangeComment,
} from "../core/rota/change-report.js";
import type { Rota } from "../core/rota/types.js";
import { postCheckRun } from "./check-runs.js";
import { FileTooLargeError, MAX_READ_BYTES, type FileReader } from "./read-file.js";
import { splitRepo, type GitHubTransport } from "./transport.js";

const EMPTY = { people: "people: []\n", support: "weeks: {}\n", onCall: "weeks: {}\n" };

/** What checking a rota pull request found and did. */
export type RotaPullCheck =
  | { readonly kind: "skipped"; readonly why: string }
  | { readonly kind: "unreadable"; readonly problems: readonly InputProblem[]; readonly headSha: string }
  | {
      readonly kind: "checked";
      readonly result: RotaChangeResult;
      readonly headSha: string;
      readonly comment: "created" | "updated" | "unchanged";
    };

/** The rota folder as it stands at a commit (missing files as empty when asked), parsed. */
export async function readRotaAt(params: {
  gh: GitHubTransport;
  reader: FileReader;
  repo: string;
  dir: string;
  ref: string;
  missingIsEmpty: boolean;
}) {
  const { gh, reader, repo, dir, ref } = params;
  const kinds = ["people", "support", "onCall"] as const;
  const tooLarge: string[] = [];
  const texts = await Promise.all(
    [...kinds.map((kind) => ROTA_FILE_NAMES[kind]), OVERRIDES_FILE_NAME].map((name) =>
      reader.read({ gh, repo, path: `${dir}/${name}`, ref }).catch((error: unknown) => {
        if (!(error instanceof FileTooLargeError)) throw error;
        tooLarge.push(error.path);
        return null;
      }),
    ),
  );
  if (tooLarge.length > 0) {
    const problems: InputProblem[] = tooLarge.map((file) => ({
      file,
      path: "",
      message: `larger than ${MAX_READ_BYTES / 1024} KiB: not a rota file`,
    }));
    return { ok: false as const, problems };
  }
  const entry = (index: number) => {
    const kind = kinds[index] ?? "people";
    return {
      file: `${dir}/${ROTA_FILE_NAMES[kind]}`,
      text: texts[index] ?? (params.missingIsEmpty ? EMPTY[kind] : ""),
    };
  };
  const overrides = texts[3];
  return loadRota({
    people: entry(0),
    support: entry(1),
    onCall: entry(2),
    ...(overrides == null ? {} : { overrides: { file: `${dir}/${OVERRIDES_FILE_NAME}`, text: overrides } }),
  });
}

/** What approvals depend on in a review, as GitHub lists them (the reviewer as far as its login). */
type Review = Pick<
  ListItem<"GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews">,
  "state" | "commit_id"
> & { readonly user: { readonly login: string } | null };

/** The logins whose latest review approves the head commit (a dismissed or older approval counts for nothing). */
export function approversOnHead(reviews: readonly Review[], headSha: string): string[] {
  const latest = new Map<string, { state: string; commit: string | null }>();
  for (const review of reviews) {
    if (!review.user || review.state === "COMMENTED" || review.state === "PENDING") continue;
    latest.set(review.user.login.toLowerCase(), { state: review.state, commit: review.commit_id });
  }
  return [...latest.entries()]
    .filter(([, r]) => r.state === "APPROVED" && r.commit === headSha)
    .map(([login]) => login);
}

/** Whether the author left a comment review on the head commit (GitHub lets no one approve their own pull request). */
function authorConfirmedHead(reviews: readonly Review[], author: string, headSha: string): boolean {
  return reviews.some(
    (r) =>
      r.user?.login.toLowerCase() === author.toLowerCase() &&
      r.state === "COMMENTED" &&
      r.commit_id === headSha,
  );
}

/**
 * Others who pushed commits after the author's last one: the author has not seen those, so opening
 * the pull request no longer counts as the author's approval. The author sees them again by pushing
 * a commit of their own after them, or by a comment review on the head commit.
 */
export function pushedSinceAuthor(params: {
  readonly pushers: readonly string[];
  readonly author: string;
  readonly confirmedHead: boolean;
}): string[] {
  if (params.confirmedHead) return [];
  const author = params.author.toLowerCase();
  const lastOwn = params.pushers.map((login) => login.toLowerCase()).lastIndexOf(author);
  return [...new Set(params.pushers.slice(lastOwn + 1).filter((login) => login.toLowerCase() !== author))];
}

/**
 * Checks a pull request that changes the rota: the change against its base, approvals on the head
 * commit, notice against now, the rota rules on the head. Posts the "Firstline rota" check run
 * with annotations, and keeps one comment up to date that tells everyone affected.
 */
export async function checkRotaPullRequest(params: {
  readonly gh: GitHubTransport;
  readonly reader: FileReader;
  readonly repo: string;
  readonly number: number;
  readonly dir: string;
  readonly admins: readonly string[] | undefined;
  readonly zone: string;
  readonly now: Date;
  readonly botLogin: string;
}): Promise<RotaPullCheck> {
  const { gh, reader, repo, number, dir, zone, botLogin } = params;
  const where = splitRepo(repo);
  const pull = (
    await gh.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", { ...where, pull_number: number })
  ).data;
  if (pull.state !== "open") return { kind: "skipped", why: "the pull request is closed" };
  const files = (
    await readAll(gh, "GET /repos/{owner}/{repo}/pulls/{pull_number}/files", {
      ...where,
      pull_number: number,
    })
  ).map((f) => f.filename);
  if (!files.some((f) => f.startsWith(`${dir}/`)))
    return { kind: "skipped", why: `no file under ${dir}/ changed` };
  const headSha = pull.head.sha;
  const head = await readRotaAt({ gh, reader, repo, dir, ref: headSha, missingIsEmpty: false });
  if (!head.ok) {
    const report: CheckReport = {
      name: ROTA_CHECK_NAME,
      conclusion: "failure",
      title: "The rota files cannot be read",
      summary: "Fix the annotated lines: nothing else can be checked until the files parse.",
      annotations: head.problems.map((p) => ({
        path: p.file,
        line: p.line ?? 1,
        level: "failure",
        title: p.path || "rota",
        message: p.path ? `${p.path}: ${p.message}` : p.message,
      })),
    };
    await postCheckRun({ gh, repo, headSha, report, completedAt: params.now });
    return { kind: "unreadable", problems: head.problems, headSha };
  }
  const base = await readRotaAt({ gh, reader, repo, dir, ref: pull.base.sha, missingIsEmpty: true });
  const reviews = await readAll(gh, "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews", {
    ...where,
    pull_number: number,
  });
  const author = pull.user?.login ?? "ghost";
  // Oldest first, as GitHub lists them.
  const commits = await readAll(gh, "GET /repos/{owner}/{repo}/pulls/{pull_number}/commits", {
    ...where,
    pull_number: number,
  });
  // A commit GitHub cannot tie to an account was not pushed by the author as far as anyone can tell.
  const pushers = commits.map(
    (commit) => commit.author?.login ?? commit.committer?.login ?? "(an unknown account)",
  );
  const result = checkRotaChange({
    base: base.ok ? base.value : (emptyRota(head.value) as Rota),
    head: head.value,
    now: DateTime.fromJSDate(params.now, { zone: "utc" }),
    zone,
    author,
    approved: approversOnHead(reviews, headSha),
    admins: params.admins,
    pushedByOthers: pushedSinceAuthor({
      pushers,
      author,
      confirmedHead: authorConfirmedHead(reviews, author, headSha),
    }),
  });
  await postCheckRun({ gh, repo, headSha, report: rotaChangeCheckReport(result), completedAt: params.now });
  const comment = await upsertComment({
    gh,
    repo,
    number,
    botLogin,
    body: rotaChangeComment({ result, author }),
  });
  return { kind: "checked", result, headSha, comment };
}

function emptyRota(head: Rota): Rota {
  return { ...head, people: [], support: {}, onCall: {}, overrides: [] };
}

async function upsertComment(params: {
  gh: GitHubTransport;
  repo: string;
  number: number;
  botLogin: string;
  body: string;
}): Promise<"created" | "updated" | "unchanged"> {
  const { gh, repo, number, botLogin, body } = params;
  const where = { ...splitRepo(repo), issue_number: number };
  const existing = await findInList(
    gh,
    "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
    where,
    (c) =>
      c.user?.login.toLowerCase() === botLogin.toLowerCase() && (c.body ?? "").includes(ROTA_COMMENT_MARKER),
  );
  if (!existing) {
    await gh.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...where, body });
    return "created";
  }
  if (existing.body === body) return "unchanged";
  await gh.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
    ...splitRepo(repo),
    comment_id: existing.id,
    body,
  });
  return "updated";
}
