import { splitRepo, type GitHubTransport } from "./transport.js";

/** Whether Firstline has already reacted to a comment: its sign that the comment's commands were handled. */
export async function botReacted(params: { readonly gh: GitHubTransport; readonly repo: string; readonly commentId: number; readonly botLogin: string }): Promise<boolean> {
  const { gh, repo, commentId, botLogin } = params;
  for (let page = 1; page <= 10; page++) {
    const reactions = (
      await gh.request<{ user: { login: string } | null; content: string }[]>("GET /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", {
        ...splitRepo(repo),
        comment_id: commentId,
        per_page: 100,
        page,
      })
    ).data;
    if (reactions.some((r) => r.user?.login.toLowerCase() === botLogin.toLowerCase() && (r.content === "+1" || r.content === "confused"))) return true;
    if (reactions.length < 100) return false;
  }
  return false;
}
