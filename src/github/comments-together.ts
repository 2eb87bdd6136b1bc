import * as z from "zod";
import { postCommentUnlessThere } from "./apply-actions.js";
import { splitRepo, statusOf, type GitHubTransport } from "./transport.js";

/** A comment to post on an issue, with the issue's node id (a webhook's `issue.node_id`). */
export interface CommentToPost {
  readonly repo: string;
  readonly number: number;
  readonly subjectId: string;
  readonly body: string;
}

/** What became of one comment of a shared request. */
export type CommentOutcome = { readonly posted: true } | { readonly posted: false; readonly error: unknown };

/**
 * How many comments one request may carry at most. GitHub counts each against its 80 content
 * writes a minute; the request borrows a write slot for each comment after the first, paid back
 * before the next routine write (see `UrgentFirstLane`).
 */
export const MAX_COMMENTS_TOGETHER = 20;

/** The mutation that posts several comments at once: one aliased `addComment` per comment. */
export function addCommentsMutation(count: number): string {
  const indexes = Array.from({ length: count }, (_, i) => i);
  return `mutation FirstlineAddComments(${indexes.map((i) => `$c${i}: AddCommentInput!`).join(", ")}) {
${indexes.map((i) => `  c${i}: addComment(input: $c${i}) { clientMutationId }`).join("\n")}
}`;
}

const graphqlErrorsSchema = z.object({
  errors: z.array(
    z.object({ message: z.string(), path: z.array(z.union([z.string(), z.number()])).optional() }),
  ),
});

/**
 * Posts the comments in one GraphQL request (GitHub runs the mutations one after another and
 * answers each on its own), each at most once:
 * - a comment GitHub refused on its own (its path in the errors) fails alone, the others stand;
 * - an answer that says nothing of what was written (a 5xx, a lost connection, a refusal of the
 *   whole request) is followed, comment by comment, by a read of the issue's comments, and a
 *   comment not found there is posted again on its own.
 * The request is never retried blindly, which could post every comment twice.
 */
export async function postCommentsTogether(params: {
  readonly gh: GitHubTransport;
  readonly comments: readonly CommentToPost[];
}): Promise<CommentOutcome[]> {
  const { gh, comments } = params;
  if (comments.length === 0) return [];
  const variables = Object.fromEntries(
    comments.map((c, i) => [`c${i}`, { subjectId: c.subjectId, body: c.body }]),
  );
  try {
    await gh.graphql(addCommentsMutation(comments.length), {
      ...variables,
      request: { retries: 0, firstlineWrites: comments.length },
    });
    return comments.map(() => ({ posted: true }));
  } catch (error) {
    const parsed = graphqlErrorsSchema.safeParse(error);
    const refused = new Map<number, string>();
    for (const problem of parsed.success ? parsed.data.errors : []) {
      const index = /^c(\d+)$/.exec(String(problem.path?.[0] ?? ""))?.[1];
      if (index !== undefined) refused.set(Number(index), problem.message);
    }
    // Errors that each name a comment: the rest were written.
    if (parsed.success && refused.size === parsed.data.errors.length)
      return comments.map((_, i) =>
        refused.has(i) ? { posted: false, error: new Error(refused.get(i)) } : { posted: true },
      );
    const outcomes: CommentOutcome[] = [];
    for (const comment of comments) outcomes.push(await postIfMissing({ gh, comment, first: error }));
    return outcomes;
  }
}

/** After an answer that does not say what was written: the comment posted unless it is there. */
async function postIfMissing(params: {
  readonly gh: GitHubTransport;
  readonly comment: CommentToPost;
  readonly first: unknown;
}): Promise<CommentOutcome> {
  const { gh, comment } = params;
  try {
    await postCommentUnlessThere({
      gh,
      where: { ...splitRepo(comment.repo), issue_number: comment.number },
      body: comment.body,
    });
    return { posted: true };
  } catch (error) {
    // The read or the post failed as well: the delivery is tried again, and looks for its card.
    return { posted: false, error: statusOf(error) === undefined ? params.first : error };
  }
}
