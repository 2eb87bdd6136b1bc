import type { AttachmentInfo } from "./inbound-message.js";

/** The branch of a ticket's own repository that holds email attachments: exactly its readers see them. */
export const ATTACHMENTS_BRANCH = "firstline-attachments";

/** The largest attachment stored (GitHub's contents API takes files to 100 MB; tickets need far less). */
export const MAX_STORED_FILE_BYTES = 10 * 1024 * 1024;

/** The most attachments one message stores, and their most bytes together. */
export const MAX_STORED_FILES = 10;
export const MAX_STORED_BYTES = 25 * 1024 * 1024;

/**
 * A file name safe in a repository path and a link: letters, digits, `.`, `_` and `-` only, no
 * leading dot (no hidden file, no `..`), at most 80 characters, the extension kept.
 */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[.-]+/, "")
    .replace(/\.{2,}/g, ".");
  if (cleaned === "") return "attachment";
  if (cleaned.length <= 80) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : "";
  return `${cleaned.slice(0, 80 - ext.length)}${ext}`;
}

/** Where one attachment goes, or why it is only listed. */
export type AttachmentPlan =
  { readonly kind: "store"; readonly path: string } | { readonly kind: "list-only"; readonly reason: string };

/**
 * Where each attachment of a message is stored on the attachments branch: one folder per ticket,
 * each file named by a digest of its content and its safe name (so the same file twice is one
 * file, and a file stored by a pass that stopped is found again, never written twice). Files
 * over the limits, or empty, are listed on the ticket and left in the mailbox.
 */
export function planAttachmentStorage(params: {
  /** The ticket's folder on the branch. */
  readonly folder: string;
  readonly attachments: readonly (AttachmentInfo & { readonly digest: string })[];
}): AttachmentPlan[] {
  let files = 0;
  let bytes = 0;
  return params.attachments.map((a): AttachmentPlan => {
    if (a.size === 0) return { kind: "list-only", reason: "empty" };
    if (a.size > MAX_STORED_FILE_BYTES)
      return { kind: "list-only", reason: `over ${MAX_STORED_FILE_BYTES / 1024 / 1024} MB` };
    if (files >= MAX_STORED_FILES || bytes + a.size > MAX_STORED_BYTES)
      return { kind: "list-only", reason: "over the limit of one message" };
    files += 1;
    bytes += a.size;
    return {
      kind: "store",
      path: `${params.folder}/${a.digest.slice(0, 12)}-${safeFileName(a.filename)}`,
    };
  });
}

/** The folder of a ticket on the attachments branch, from the digest its marker carries. */
export function ticketFolder(ticketDigest: string): string {
  return `ticket-${ticketDigest.slice(0, 16)}`;
}
