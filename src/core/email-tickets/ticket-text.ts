import { neutralise, quoteInline } from "../markdown/safe-text.js";
import { emailReplyKey, emailTicketKey, marker, requesterKey } from "../markers.js";
import { ATTACHMENTS_BRANCH } from "./attachment-files.js";
import type { AttachmentInfo, InboundMessage } from "./inbound-message.js";
import { emailDataLine, type EmailTicketData } from "./requester.js";

/** The most of a message's text a ticket or comment quotes (GitHub takes 65,536 characters a body). */
const MAX_TEXT = 50_000;

/**
 * Mail text as markdown nothing in it can abuse: no mention notifies anyone, no marker is forged,
 * no HTML or script survives, no heading or image of the sender's takes over the page, and a
 * line that looks like a slash command stays text. Kept in a plain-text block layout.
 */
export function safeMailMarkdown(text: string): string {
  const cut =
    text.length > MAX_TEXT
      ? `${text.slice(0, MAX_TEXT)}\n\n[the rest of the message, ${text.length - MAX_TEXT} characters, is not shown]`
      : text;
  return cut
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) =>
      neutralise(line)
        .replace(/^(\s*)([#/!|=-])/, "$1\\$2")
        .replace(/!\[/g, "!\\[")
        .replace(/\]\(/g, "\\](")
        .replace(/`/g, "\\`"),
    )
    .join("\n")
    .trim();
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A link only to a plain https address (what GitHub answers for a stored file); anything else is not linked. */
function storedText(stored: AttachmentInfo["stored"]): string {
  if (stored === undefined) return "";
  if (stored.kind === "not-stored")
    return `: not stored (${quoteInline(stored.reason, 60)}), in the support mailbox`;
  return /^https?:\/\/[A-Za-z0-9._~:/?#@!$&'*+,;=%-]+$/.test(stored.url) && !/[()]/.test(stored.url)
    ? `: [stored copy](${stored.url})`
    : "";
}

function attachmentsText(attachments: readonly AttachmentInfo[]): string[] {
  if (attachments.length === 0) return [];
  const anyStored = attachments.some((a) => a.stored?.kind === "stored");
  return [
    "",
    anyStored
      ? `**Attachments** (copies on this repository's \`${ATTACHMENTS_BRANCH}\` branch, which only its readers can see):`
      : `**Attachments** (kept in the support mailbox; ask the support team for a copy):`,
    ...attachments.map(
      (a) =>
        `- ${quoteInline(a.filename || "unnamed", 120)} (${sizeText(a.size)}, ${quoteInline(a.contentType, 60)})${storedText(a.stored)}`,
    ),
  ];
}

function problemsText(problems: readonly string[]): string[] {
  return problems.length === 0
    ? []
    : ["", `> Part of this message could not be read: ${quoteInline(problems.join("; "), 300)}`];
}

/** An address as inline code: readable and copyable, and no mention fires inside code. */
function codeAddress(address: string): string {
  return `\`${address.replace(/[`\s<>]/g, "").slice(0, 254)}\``;
}

/** A short digest of text (hex), computed by the caller's hash function so the core does no crypto. */
export type Digest = (text: string) => string;

/** The issue an email opens: its title, its body with the markers that find it again and the data to answer by. */
export function emailTicketIssue(params: {
  readonly message: InboundMessage;
  readonly digest: Digest;
  /** The ticket this message answers, closed too long ago to reopen: the new ticket links it. */
  readonly followsUp?: number;
}): {
  readonly title: string;
  readonly body: string;
  readonly requesterDigest: string;
} {
  const { message, digest } = params;
  const from = message.from?.address ?? "";
  const requesterDigest = digest(`requester:${from}`).slice(0, 16);
  const data: EmailTicketData = {
    requester: from,
    requesterName: message.from?.name ?? "",
    cc: message.cc.map((c) => c.address).filter((c) => c !== from),
    subject: message.subject,
    thread: [message.messageId, ...message.references.filter((r) => r !== message.messageId)].slice(-20),
  };
  const subject = message.subject.trim() === "" ? "(no subject)" : message.subject;
  const text = safeMailMarkdown(message.text);
  const body = [
    emailTicketMarker({ messageId: message.messageId, digest }),
    `**By email from** ${quoteInline(message.from?.name || "the requester", 80)} (${codeAddress(from)})${message.cc.length > 0 ? `, copied to ${message.cc.length}` : ""}`,
    ...(params.followsUp === undefined
      ? []
      : ["", `A reply to #${params.followsUp}, which was closed; this is a new ticket for it.`]),
    "",
    text === "" ? "_The message had no readable text._" : text,
    ...attachmentsText(message.attachments),
    ...problemsText(message.problems),
    "",
    "<sub>Replies posted here by staff are emailed to the requester; start a comment with a line `/internal` to keep it inside the team.</sub>",
    marker(requesterKey(requesterDigest)),
    emailDataLine(data),
  ].join("\n");
  return { title: quoteTitle(subject), body, requesterDigest };
}

/** A title from a subject: one line, no markers, at most 200 characters. */
function quoteTitle(subject: string): string {
  const single = subject
    .replace(/\s+/g, " ")
    .trim()
    .replace(/<!--|-->/g, "");
  return single.length > 200 ? `${single.slice(0, 199)}…` : single;
}

/** The comment that carries a requester's reply (quoted history and signature already trimmed by the caller). */
export function emailReplyComment(params: {
  readonly message: InboundMessage;
  readonly text: string;
  readonly digest: Digest;
}): string {
  const { message, text, digest } = params;
  const safe = safeMailMarkdown(text);
  return [
    `**Reply by email from** ${quoteInline(message.from?.name || "the requester", 80)} (${codeAddress(message.from?.address ?? "")})`,
    "",
    safe === "" ? "_The reply had no new text._" : safe,
    ...attachmentsText(message.attachments),
    ...problemsText(message.problems),
    emailReplyMarker({ messageId: message.messageId, digest }),
  ].join("\n");
}

/** The marker a message's reply comment carries, to find it before posting it again. */
export function emailReplyMarker(params: { readonly messageId: string; readonly digest: Digest }): string {
  return marker(emailReplyKey(params.digest(`message:${params.messageId}`).slice(0, 32)));
}

/** The marker a message's ticket carries, to find it before opening it again. */
export function emailTicketMarker(params: { readonly messageId: string; readonly digest: Digest }): string {
  return marker(emailTicketKey(params.digest(`message:${params.messageId}`).slice(0, 32)));
}
