import { splitRepo, type GitHubTransport } from "./transport.js";
import { findInList } from "./read-all.js";

/** Whether Firstline has already reacted to a comment: its sign that the comment's commands were handled. */
export async function botReacted(params: {
  readonly gh: GitHubTransport;
  readonly repo: string;
  readonly commentId: number;
  readonly botLogin: string;
}): Promise<boolean> {
  const { gh, repo, commentId, botLogin } = params;
  const mine = await findInList(
    gh,
    "GET /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions",
    { ...splitRepo(repo), comment_id: commentId },
    (r) =>
      r.user?.login.toLowerCase() === botLogin.toLowerCase() &&
      (r.content === "+1" || r.content === "confused"),
  );
  return mine !== undefined;
}
