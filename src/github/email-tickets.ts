import { splitRepo, type GitHubTransport } from "./transport.js";

/** Whether GitHub says the repository is private (an email ticket holds a person's address and words). */
export async function isPrivateRepository(params: { readonly gh: GitHubTransport; readonly repo: string }): Promise<boolean> {
  const response = await params.gh.request<{ private: boolean }>("GET /repos/{owner}/{repo}", splitRepo(params.repo));
  return response.data.private === true;
}

/** How far back an earlier pass's ticket is looked for: the newest 300 issues, open or closed. */
const PAGES = 3;

/**
 * The issue Firstline opened with this marker, open or closed, or null: how a message claimed by a
 * pass that stopped before marking it handled finds the ticket that pass may have opened.
 */
export async function issueWithMarker(params: { readonly gh: GitHubTransport; readonly repo: string; readonly botLogin: string; readonly marker: string }): Promise<number | null> {
  const bot = params.botLogin.toLowerCase();
  for (let page = 1; page <= PAGES; page++) {
    const listed = (
      await params.gh.request<{ number: number; body?: string | null; user: { login: string } | null; pull_request?: unknown }[]>("GET /repos/{owner}/{repo}/issues", {
        ...splitRepo(params.repo),
        state: "all",
        sort: "created",
        direction: "desc",
        per_page: 100,
        page,
      })
    ).data;
    const found = listed.filter((i) => !i.pull_request && i.user?.login.toLowerCase() === bot && (i.body ?? "").includes(params.marker)).map((i) => i.number);
    if (found.length > 0) return Math.min(...found);
    if (listed.length < 100) return null;
  }
  return null;
}
