import { flatLine } from "./flat-text.js";
import { formatLocal } from "../time/format.js";
import type { NotifyEvent } from "./events.js";

/** An email's parts; the sender flattens the subject to one line and checks every address. */
export interface EmailParts {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** One line for a subject: no line breaks or control characters from ticket text, and short. */
function subjectLine(text: string): string {
  return flatLine(text, 150);
}

function lines(event: NotifyEvent, zone: string): string[] {
  const t = event.ticket;
  return [
    ...(t
      ? [
          `${t.repo}#${t.number}: ${t.title}`,
          ...(t.client ? [`Client: ${t.client}`] : []),
          ...(t.priority ? [`Priority: ${t.priority}`] : []),
        ]
      : []),
    `When: ${formatLocal(event.at, zone)}`,
    ...event.details,
  ];
}

/** The email of one event: plain text and HTML, the ticket's words escaped in the HTML. */
export function emailMessage(params: {
  readonly event: NotifyEvent;
  readonly zone: string;
  readonly unsubscribe?: string | null;
}): EmailParts {
  const { event, zone } = params;
  const t = event.ticket;
  const subject = subjectLine(
    `[Firstline] ${event.headline}${t ? `: ${t.repo}#${t.number} ${t.title}` : ""}`,
  );
  const body = lines(event, zone);
  const footer = params.unsubscribe
    ? [`You asked for these emails; to stop them: ${params.unsubscribe}`]
    : [];
  const link = event.link ?? t?.url;
  const text = [
    event.headline,
    "",
    ...body,
    ...(link ? ["", link] : []),
    ...(footer.length > 0 ? ["", ...footer] : []),
  ].join("\n");
  const html = [
    `<p><strong>${escapeHtml(event.headline)}</strong></p>`,
    `<ul>${body.map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul>`,
    link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>` : "",
    footer.length > 0 ? `<p style="color:#666">${escapeHtml(footer[0] ?? "")}</p>` : "",
  ].join("\n");
  return { subject, text, html };
}

/** A digest email: everything that waited for working hours, in one message. */
export function emailDigest(params: {
  readonly events: readonly NotifyEvent[];
  readonly zone: string;
  readonly heading: string;
}): EmailParts {
  const items = params.events.map((e) => {
    const t = e.ticket;
    return `${formatLocal(e.at, params.zone)} ${e.headline}${t ? `: ${t.repo}#${t.number} ${t.title}` : ""}${e.details[0] ? `. ${e.details[0]}` : ""}`;
  });
  return {
    subject: subjectLine(`[Firstline] ${params.heading} (${params.events.length})`),
    text: [params.heading, "", ...items.map((i) => `- ${i}`)].join("\n"),
    html: `<p><strong>${escapeHtml(params.heading)}</strong></p>\n<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`,
  };
}
