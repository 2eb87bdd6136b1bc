import { createHash } from "node:crypto";
import { planAttachmentStorage, ticketFolder } from "../core/email-tickets/attachment-files.js";
import type { AttachmentInfo, InboundMessage } from "../core/email-tickets/inbound-message.js";
import { storeAttachmentFiles } from "../github/attachment-branch.js";
import type { GitHubTransport } from "../github/transport.js";

/**
 * The message with its attachments stored on the ticket repository's attachments branch (in the
 * ticket's folder) and each marked with its link, or with why it was only listed. Written before
 * the ticket or comment that lists them, so that text is written once, complete; a pass that
 * stops in between finds the files there on the next pass and writes nothing twice.
 */
export async function withStoredAttachments(params: {
  readonly gh: GitHubTransport;
  readonly repo: string;
  /** The digest of the ticket's marker (`email-ticket:<digest>`): its folder's name. */
  readonly ticketDigest: string;
  readonly message: InboundMessage;
}): Promise<InboundMessage> {
  const { message } = params;
  if (message.attachments.length === 0) return message;
  const plans = planAttachmentStorage({
    folder: ticketFolder(params.ticketDigest),
    attachments: message.attachments.map((a) => ({
      ...a,
      digest: a.content ? createHash("sha256").update(a.content).digest("hex") : "",
    })),
  });
  const toStore = plans.flatMap((plan, i) => {
    const content = message.attachments[i]?.content;
    return plan.kind === "store" && content ? [{ index: i, path: plan.path, content }] : [];
  });
  const results = await storeAttachmentFiles({
    gh: params.gh,
    repo: params.repo,
    files: toStore.map((f) => ({ path: f.path, content: f.content, message: `Email attachment ${f.path}` })),
  });
  const byIndex = new Map(toStore.map((f, n) => [f.index, results[n]]));
  const attachments = message.attachments.map((a, i): AttachmentInfo => {
    const { content: _content, ...info } = a;
    const plan = plans[i];
    const result = byIndex.get(i);
    if (plan?.kind === "list-only") return { ...info, stored: { kind: "not-stored", reason: plan.reason } };
    if (!a.content)
      return { ...info, stored: { kind: "not-stored", reason: "the message was too large to read whole" } };
    if (result?.kind === "stored") return { ...info, stored: { kind: "stored", url: result.url } };
    return {
      ...info,
      stored: { kind: "not-stored", reason: `GitHub refused the copy (${result?.status ?? "no answer"})` },
    };
  });
  return { ...message, attachments };
}
