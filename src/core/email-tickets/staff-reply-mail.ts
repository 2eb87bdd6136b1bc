import { isCommandOnly } from "../ticket/command-lines.js";
import type { EmailTicketData } from "./requester.js";

/** Whether a staff comment stays inside the team: a `/internal` line, or nothing but slash commands. */
export function isInternalComment(body: string): boolean {
  if (/^\s*\/internal\s*$/im.test(body)) return true;
  return isCommandOnly(body);
}

/** The plain text of a staff comment as the requester reads it: hidden markers and HTML comments left out. */
export function mailTextOfComment(body: string): string {
  return body
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/\r\n?/g, "\n")
    .trim();
}

/** The mail that carries one staff comment to an email ticket's requester and Cc, threaded under her conversation. */
export function staffReplyMail(params: {
  readonly data: EmailTicketData;
  readonly ticket: { readonly repo: string; readonly number: number; readonly title: string };
  readonly comment: { readonly author: string; readonly body: string };
  readonly from: string;
  readonly replyTo: string;
  readonly messageId: string;
}): {
  from: string;
  to: string[];
  cc: string[];
  replyTo: string;
  subject: string;
  text: string;
  messageId: string;
  inReplyTo?: string;
  references: string[];
} {
  const { data, ticket, comment } = params;
  const subject = data.subject.trim() === "" ? ticket.title : data.subject.trim();
  const last = data.thread[data.thread.length - 1];
  return {
    from: params.from,
    to: [data.requester],
    cc: data.cc.filter((c) => c !== data.requester),
    replyTo: params.replyTo,
    subject: /^re:/i.test(subject) ? subject : `Re: ${subject}`,
    text: [
      mailTextOfComment(comment.body),
      "",
      "--",
      `Ticket #${ticket.number}. Reply to this email to add to the ticket; please keep the reference in the address.`,
    ].join("\n"),
    messageId: params.messageId,
    ...(last === undefined ? {} : { inReplyTo: last }),
    references: [...data.thread],
  };
}

/**
 * Firstline's questions on a new email ticket, the ones the card asks on GitHub: which
 * organisation it is for (a sender whose domain names no client), and what is missing before anyone
 * can reproduce it. Sent to the requester, threaded under her message.
 */
export function needsInfoMail(params: {
  readonly data: EmailTicketData;
  readonly ticket: { readonly number: number; readonly title: string };
  readonly missing: readonly string[];
  /** The sender's domain names no client: ask which organisation the request is for. */
  readonly clientUnknown?: boolean;
  readonly from: string;
  readonly replyTo: string;
  readonly messageId: string;
}): {
  from: string;
  to: string[];
  cc: string[];
  replyTo: string;
  subject: string;
  text: string;
  messageId: string;
  inReplyTo?: string;
  references: string[];
} {
  const body = [
    `Thank you: your request is ticket #${params.ticket.number} with our support team.`,
    ...(params.clientUnknown
      ? ["", "Which organisation is this for? Please reply to this email and we will take it from there."]
      : []),
    ...(params.missing.length > 0
      ? [
          "",
          "We need a little more to reproduce this. Please reply to this email with:",
          ...params.missing.map((item) => `- ${item}`),
          "",
          "The service-level clock is paused until you do.",
        ]
      : []),
  ].join("\n");
  return staffReplyMail({
    data: params.data,
    ticket: { repo: "", ...params.ticket },
    comment: { author: "", body },
    from: params.from,
    replyTo: params.replyTo,
    messageId: params.messageId,
  });
}
