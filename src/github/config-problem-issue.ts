import { formatProblem, type InputProblem } from "../core/finding.js";
import { findInList } from "./read-all.js";
import { createIssueOnce } from "./create-issue-once.js";
import { neutralise } from "../core/markdown/safe-text.js";
import { splitRepo, type GitHubTransport } from "./transport.js";
import { CONFIG_PROBLEM_KEY, marker } from "../core/markers.js";

export const CONFIG_PROBLEM_TITLE = "Firstline cannot read its configuration";

/** The body of the issue that says why the configuration cannot be used. */
export function configProblemBody(problems: readonly InputProblem[]): string {
  return [
    "Firstline is not acting on tickets in this repository until its configuration can be read again. Nothing is lost: tickets are brought up to date once it is fixed.",
    "",
    "| where | problem |",
    "|---|---|",
    ...problems.map(
      (p) =>
        `| \`${p.file}${p.line === undefined ? "" : `:${p.line}`}\` | ${neutralise(p.path ? `${p.path}: ${p.message}` : p.message).replace(/\|/g, "\\|")} |`,
    ),
    "",
    "Fix the file and push: this issue closes itself.",
    marker(CONFIG_PROBLEM_KEY),
  ].join("\n");
}

async function findOpen(
  gh: GitHubTransport,
  repo: string,
  botLogin: string,
): Promise<{ number: number; body: string | null } | undefined> {
  const found = await findInList(
    gh,
    "GET /repos/{owner}/{repo}/issues",
    { ...splitRepo(repo), state: "open", creator: botLogin },
    (i) => !i.pull_request && i.title === CONFIG_PROBLEM_TITLE,
  );
  return found && { number: found.number, body: found.body ?? null };
}

/** Opens, or updates in place, the one issue that says why the configuration is broken. */
export async function reportConfigProblems(params: {
  gh: GitHubTransport;
  repo: string;
  botLogin: string;
  problems: readonly InputProblem[];
}): Promise<void> {
  const body = configProblemBody(params.problems);
  const open = await findOpen(params.gh, params.repo, params.botLogin);
  if (!open) {
    await createIssueOnce({
      gh: params.gh,
      repo: params.repo,
      botLogin: params.botLogin,
      fields: { title: CONFIG_PROBLEM_TITLE, body },
    });
  } else if (open.body !== body) {
    await params.gh.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      ...splitRepo(params.repo),
      issue_number: open.number,
      body,
    });
  }
}

/** Closes the configuration issue, if there is one, once the file is valid again. */
export async function clearConfigProblems(params: {
  gh: GitHubTransport;
  repo: string;
  botLogin: string;
}): Promise<boolean> {
  const open = await findOpen(params.gh, params.repo, params.botLogin);
  if (!open) return false;
  const where = { ...splitRepo(params.repo), issue_number: open.number };
  await params.gh.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    ...where,
    body: "The configuration reads cleanly again, so Firstline is back at work here.",
  });
  await params.gh.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
    ...where,
    state: "closed",
    state_reason: "completed",
  });
  return true;
}

/** Problems as one line each, for logs. */
export function describeProblems(problems: readonly InputProblem[]): string {
  return problems.map(formatProblem).join("; ");
}
