import { findInList } from "./read-all.js";
import { splitRepo, type GitHubTransport } from "./transport.js";

/** Whether GitHub says the repository is private (an email ticket holds a person's address and words). */
export async function isPrivateRepository(params: {
  readonly gh: GitHubTransport;
  readonly repo: string;
}): Promise<boolean> {
  const response = await params.gh.request("GET /repos/{owner}/{repo}", splitRepo(params.repo));
  return response.data.private === true;
}

/**
 * The issue Firstline opened with this marker, open or closed, or null: how a message claimed by a
 * pass that stopped before marking it handled finds the ticket that pass may have opened. Newest
 * first, page by page until found (the usual case is on the first page), never cut short.
 */
export async function issueWithMarker(params: {
  readonly gh: GitHubTransport;
  readonly repo: string;
  readonly botLogin: string;
  readonly marker: string;
}): Promise<number | null> {
  const bot = params.botLogin.toLowerCase();
  const found = await findInList(
    params.gh,
    "GET /repos/{owner}/{repo}/issues",
    { ...splitRepo(params.repo), state: "all", sort: "created", direction: "desc" },
    (issue) =>
      !issue.pull_request &&
      issue.user?.login.toLowerCase() === bot &&
      (issue.body ?? "").includes(params.marker),
  );
  return found?.number ?? null;
}

/** Reopens an issue (a requester wrote again on a ticket closed lately). */
export async function reopenIssue(params: {
  readonly gh: GitHubTransport;
  readonly repo: string;
  readonly number: number;
}): Promise<void> {
  await params.gh.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
    ...splitRepo(params.repo),
    issue_number: params.number,
    state: "open",
  });
}
