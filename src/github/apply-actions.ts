import type { TicketAction } from "../core/ticket/actions.js";
import { findInList } from "./read-all.js";
import { splitRepo, statusOf, type GitHubTransport } from "./transport.js";

/** What applying a plan did, for logs, dry runs and budgets. */
export interface AppliedAction {
  readonly action: TicketAction;
  readonly done: boolean;
  readonly note?: string;
}

/**
 * Carries out a ticket's planned actions in order, with one request each. (A dry run is a
 * transport that records these writes instead of sending them: see `./dry-run.ts`.)
 */
export async function applyTicketActions(params: {
  readonly gh: GitHubTransport;
  readonly repo: string;
  readonly number: number;
  readonly actions: readonly TicketAction[];
}): Promise<AppliedAction[]> {
  const { gh, number, actions } = params;
  const where = { ...splitRepo(params.repo), issue_number: number };
  const applied: AppliedAction[] = [];
  for (const action of actions) {
    switch (action.kind) {
      case "add-labels":
        await gh.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
          ...where,
          labels: [...action.labels],
        });
        break;
      case "remove-labels":
        for (const name of action.labels) {
          try {
            await gh.request("DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", {
              ...where,
              name,
            });
          } catch (error) {
            // Already gone (someone removed it meanwhile): the wanted state holds.
            if (statusOf(error) !== 404) throw error;
          }
        }
        break;
      case "create-comment":
        await createCommentOnce({ gh, where, body: action.body });
        break;
      case "update-comment":
        await gh.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
          ...splitRepo(params.repo),
          comment_id: action.commentId,
          body: action.body,
        });
        break;
      case "assign":
        await gh.request("POST /repos/{owner}/{repo}/issues/{issue_number}/assignees", {
          ...where,
          assignees: [...action.logins],
        });
        break;
      case "unassign":
        await gh.request("DELETE /repos/{owner}/{repo}/issues/{issue_number}/assignees", {
          ...where,
          assignees: [...action.logins],
        });
        break;
      case "react":
        await gh.request("POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", {
          ...splitRepo(params.repo),
          comment_id: action.commentId,
          content: action.reaction,
        });
        break;
    }
    applied.push({ action, done: true });
  }
  return applied;
}

/**
 * Posts a comment at most once. A 5xx answer does not say whether GitHub wrote the comment, so
 * instead of the retry plugin's blind second POST, the comments are read and the comment is
 * posted again only if it is not there.
 */
async function createCommentOnce(params: {
  gh: GitHubTransport;
  where: { owner: string; repo: string; issue_number: number };
  body: string;
}): Promise<void> {
  try {
    await postComment(params);
  } catch (error) {
    const status = statusOf(error);
    if (status === undefined || status < 500) throw error;
    await postCommentUnlessThere(params);
  }
}

const postComment = (params: {
  gh: GitHubTransport;
  where: { owner: string; repo: string; issue_number: number };
  body: string;
}) =>
  params.gh.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    ...params.where,
    body: params.body,
    request: { retries: 0 },
  });

/**
 * After an answer that does not say whether a comment was written: the issue's comments are read,
 * and the comment is posted (once, never retried blindly) only if it is not there.
 */
export async function postCommentUnlessThere(params: {
  gh: GitHubTransport;
  where: { owner: string; repo: string; issue_number: number };
  body: string;
}): Promise<void> {
  const { gh, where, body } = params;
  if (
    await findInList(
      gh,
      "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
      where,
      (c) => c.body === body,
    )
  )
    return;
  await postComment(params);
}
