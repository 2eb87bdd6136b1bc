import { ATTACHMENTS_BRANCH } from "../core/email-tickets/attachment-files.js";
import { splitRepo, statusOf, type GitHubTransport } from "./transport.js";

/**
 * The attachments branch of a repository, made from its default branch the first time: copies of
 * email attachments live in the ticket's own repository, so exactly its readers can see them.
 */
async function ensureAttachmentsBranch(gh: GitHubTransport, repo: string): Promise<void> {
  const where = splitRepo(repo);
  try {
    await gh.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
      ...where,
      ref: `heads/${ATTACHMENTS_BRANCH}`,
    });
    return;
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
  const { data: repository } = await gh.request("GET /repos/{owner}/{repo}", where);
  const { data: head } = await gh.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
    ...where,
    ref: `heads/${repository.default_branch}`,
  });
  try {
    await gh.request("POST /repos/{owner}/{repo}/git/refs", {
      ...where,
      ref: `refs/heads/${ATTACHMENTS_BRANCH}`,
      sha: head.object.sha,
    });
  } catch (error) {
    // Made meanwhile by another pass or instance: it is there, which is all that is needed.
    if (statusOf(error) !== 422) throw error;
  }
}

/** What became of one file: its link for the repository's readers, or why it could not be stored. */
export type StoredFile =
  { readonly kind: "stored"; readonly url: string } | { readonly kind: "refused"; readonly status: number };

/**
 * Writes files to the attachments branch, one commit each, and answers each file's link. A file
 * already there (a pass that stopped after writing it) is not written again: its path holds a
 * digest of its content, so the same path is the same file. GitHub refusing the write (the app
 * without `contents: write`, a protected branch) is answered per file, for the ticket to say so;
 * any other failure throws, so the message is read again on the next pass.
 */
export async function storeAttachmentFiles(params: {
  readonly gh: GitHubTransport;
  readonly repo: string;
  readonly files: readonly {
    readonly path: string;
    readonly content: Uint8Array;
    readonly message: string;
  }[];
}): Promise<StoredFile[]> {
  const { gh, repo } = params;
  if (params.files.length === 0) return [];
  const where = splitRepo(repo);
  try {
    await ensureAttachmentsBranch(gh, repo);
  } catch (error) {
    const status = statusOf(error);
    if (status === 403 || status === 404) return params.files.map(() => ({ kind: "refused", status }));
    throw error;
  }
  const stored: StoredFile[] = [];
  for (const file of params.files) {
    try {
      const { data } = await gh.request("PUT /repos/{owner}/{repo}/contents/{path}", {
        ...where,
        path: file.path,
        message: file.message,
        content: Buffer.from(file.content).toString("base64"),
        branch: ATTACHMENTS_BRANCH,
      });
      stored.push({ kind: "stored", url: data.content?.html_url ?? "" });
    } catch (error) {
      const status = statusOf(error);
      if (status === 422) {
        const { data } = await gh.request("GET /repos/{owner}/{repo}/contents/{path}", {
          ...where,
          path: file.path,
          ref: ATTACHMENTS_BRANCH,
        });
        stored.push({ kind: "stored", url: Array.isArray(data) ? "" : (data.html_url ?? "") });
      } else if (status === 403 || status === 404 || status === 409) stored.push({ kind: "refused", status });
      else throw error;
    }
  }
  return stored;
}
