import { flatLine } from "./flat-text.js";
import { formatLocal } from "../time/format.js";
import type { NotifyEvent } from "./events.js";

/** A Slack message: the fallback `text` (notifications, screen readers) and its Block Kit blocks. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: readonly SlackBlock[];
}

export type SlackBlock =
  | { readonly type: "section"; readonly text: { readonly type: "mrkdwn"; readonly text: string } }
  | {
      readonly type: "context";
      readonly elements: readonly { readonly type: "mrkdwn"; readonly text: string }[];
    };

/** Slack's section text limit is 3,000 characters; a title gets far less. */
const TITLE_LIMIT = 200;

/**
 * Text that Slack shows as written and never acts on: `&`, `<` and `>` escaped as Slack's
 * formatting guide asks, so `<!channel>`, `<@U123>` and `<https://evil|click>` stay plain text.
 * Mrkdwn emphasis characters are neutralised with a zero-width joiner so a title cannot restyle
 * the message or close Firstline's own formatting. Control characters and newlines are flattened.
 */
export function slackInert(text: string, limit = TITLE_LIMIT): string {
  return flatLine(text, limit)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([*_~`])/g, "$1\u200d");
}

/** A link Firstline made (a GitHub address), with inert label text. */
function link(url: string, label: string): string {
  if (!/^https:\/\/[^\s<>|]+$/.test(url)) return slackInert(label);
  return `<${url}|${slackInert(label)}>`;
}

/** The one-line summary of an event, with the ticket quoted inertly. */
export function eventLine(event: NotifyEvent, zone: string): string {
  const t = event.ticket;
  const ref = t
    ? `${link(t.url, `${t.repo}#${t.number}`)} ${slackInert(t.title)}`
    : event.link
      ? link(event.link, "details")
      : "";
  const who = t?.client ? ` (${slackInert(t.client, 60)})` : "";
  return `*${slackInert(event.headline, 120)}*${who}${ref ? `: ${ref}` : ""} · ${formatLocal(event.at, zone)}`;
}

/** The message of one event: a headline section, Firstline's own words, and a context line. */
export function slackMessage(params: { readonly event: NotifyEvent; readonly zone: string }): SlackMessage {
  const { event, zone } = params;
  const blocks: SlackBlock[] = [{ type: "section", text: { type: "mrkdwn", text: eventLine(event, zone) } }];
  const details = event.details.filter((d) => d.length > 0).map((d) => slackInert(d, 1500));
  if (details.length > 0)
    blocks.push({ type: "section", text: { type: "mrkdwn", text: details.join("\n") } });
  const context = [
    event.ticket?.priority ? `Priority ${slackInert(event.ticket.priority, 10)}` : "",
    event.link && !event.ticket ? link(event.link, "Open on GitHub") : "",
  ].filter((c) => c !== "");
  if (context.length > 0)
    blocks.push({ type: "context", elements: context.map((text) => ({ type: "mrkdwn", text })) });
  return { text: plainFallback(event), blocks };
}

/** A digest: what waited for working hours, one line an event, in one message. */
export function slackDigest(params: {
  readonly events: readonly NotifyEvent[];
  readonly zone: string;
  readonly heading: string;
}): SlackMessage {
  const lines = params.events.map(
    (e) =>
      `• ${eventLine(e, params.zone)}${e.kind === "digest" && e.details[0] ? `\n   ${slackInert(e.details[0], 500)}` : ""}`,
  );
  const blocks: SlackBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: `*${slackInert(params.heading, 150)}*` } },
  ];
  // Sections hold 3,000 characters: long digests are split over several.
  let chunk: string[] = [];
  for (const line of lines) {
    if ([...chunk, line].join("\n").length > 2900) {
      blocks.push({ type: "section", text: { type: "mrkdwn", text: chunk.join("\n") } });
      chunk = [];
    }
    chunk.push(line);
  }
  if (chunk.length > 0) blocks.push({ type: "section", text: { type: "mrkdwn", text: chunk.join("\n") } });
  return {
    text: slackInert(`${params.heading} (${params.events.length})`, 200),
    blocks: blocks.slice(0, 50),
  };
}

function plainFallback(event: NotifyEvent): string {
  const t = event.ticket;
  return slackInert(t ? `${event.headline}: ${t.repo}#${t.number} ${t.title}` : event.headline, 300);
}
