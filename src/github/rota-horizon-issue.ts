import type { Finding } from "../core/finding.js";
import { findInList } from "./read-all.js";
import { createIssueOnce } from "./create-issue-once.js";
import { mention, neutralise } from "../core/markdown/safe-text.js";
import { ROTA_RULE } from "../core/rota/rule-ids.js";
import { splitRepo, type GitHubTransport } from "./transport.js";
import { marker, ROTA_HORIZON_KEY } from "../core/markers.js";

/** The hidden marker that finds the one rota-horizon issue again. */
export const HORIZON_MARKER = marker(ROTA_HORIZON_KEY);

/** What the issue should say, or null when the rota passes and no issue should be open. */
export interface HorizonIssue {
  readonly title: string;
  readonly body: string;
}

/** What keeping the issue in step did. */
export type HorizonOutcome = "none" | "created" | "updated" | "unchanged" | "closed";

function where(f: Finding): string {
  return `\`${f.file}${f.line === undefined ? "" : `:${f.line}`}\``;
}

/**
 * The issue for a rota that fails its rules today: the weeks not covered up to 13 weeks ahead
 * first (what the team must fill in), then every other error; warnings are left to the checks.
 * Null when nothing is an error.
 */
export function horizonIssue(params: {
  readonly findings: readonly Finding[];
  readonly dir: string;
  readonly admins: readonly string[];
}): HorizonIssue | null {
  const errors = params.findings.filter((f) => f.severity === "error");
  if (errors.length === 0) return null;
  const gaps = errors.filter((f) => f.rule === ROTA_RULE.coverage);
  const other = errors.filter((f) => f.rule !== ROTA_RULE.coverage);
  const lines = [
    `The daily rota check found ${errors.length === 1 ? "an error" : `${errors.length} errors`} in \`${params.dir}/\`.`,
    ...(params.admins.length > 0 ? ["", `For: ${params.admins.map(mention).join(" ")}`] : []),
    ...(gaps.length > 0
      ? [
          "",
          "### Weeks not covered",
          "",
          "The rota must name first line support and on call for every week from the current one to 13 weeks ahead.",
          "",
          ...gaps.map((f) => `- ${neutralise(f.message)} (${where(f)})`),
        ]
      : []),
    ...(other.length > 0
      ? [
          "",
          "### Other errors",
          "",
          ...other.map((f) => `- ${where(f)} [${f.rule}] ${neutralise(f.message)}`),
        ]
      : []),
    "",
    "Fix the rota with a pull request: this issue is brought up to date each day and closes itself once the rota passes.",
    HORIZON_MARKER,
  ];
  return {
    title: gaps.length > 0 ? "The rota does not cover the next 13 weeks" : "The rota has errors",
    body: lines.join("\n"),
  };
}

async function findOpen(params: {
  gh: GitHubTransport;
  repo: string;
  botLogin: string;
}): Promise<{ number: number; title: string; body: string } | undefined> {
  const found = await findInList(
    params.gh,
    "GET /repos/{owner}/{repo}/issues",
    { ...splitRepo(params.repo), state: "open", creator: params.botLogin },
    (i) => !i.pull_request && (i.body ?? "").includes(HORIZON_MARKER),
  );
  return found && { number: found.number, title: found.title, body: found.body ?? "" };
}

/**
 * Keeps the one rota-horizon issue in step: opens it (or edits it in place) while the rota fails,
 * closes it with a comment once it passes.
 */
export async function syncHorizonIssue(params: {
  readonly gh: GitHubTransport;
  readonly repo: string;
  readonly botLogin: string;
  readonly issue: HorizonIssue | null;
  readonly closingNote: string;
}): Promise<{ readonly outcome: HorizonOutcome; readonly number: number | null }> {
  const { gh, repo, issue } = params;
  const open = await findOpen(params);
  if (issue === null) {
    if (!open) return { outcome: "none", number: null };
    const at = { ...splitRepo(repo), issue_number: open.number };
    await gh.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      ...at,
      body: params.closingNote,
    });
    await gh.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      ...at,
      state: "closed",
      state_reason: "completed",
    });
    return { outcome: "closed", number: open.number };
  }
  if (!open) {
    const created = await createIssueOnce({
      gh,
      repo,
      botLogin: params.botLogin,
      fields: { title: issue.title, body: issue.body },
    });
    return { outcome: "created", number: created.number };
  }
  if (open.title === issue.title && open.body === issue.body)
    return { outcome: "unchanged", number: open.number };
  await gh.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
    ...splitRepo(repo),
    issue_number: open.number,
    title: issue.title,
    body: issue.body,
  });
  return { outcome: "updated", number: open.number };
}
