import {
  CARD_KEY,
  marker,
  markerKeysIn,
  pageKindOfKey,
  parseNoticeKey,
  parsePageAckKey,
  parseSlackThreadKey,
  slackThreadKey,
  withoutMarkers,
} from "../markers.js";
import type { NotifyEvent, TicketRef } from "./events.js";
import type { NotifyEventKind } from "../config/notify-schema.js";

/** The kind of event a notice's marker key stands for, or null for a marker no one is told of. */
export function eventKindOfKey(key: string): NotifyEventKind | null {
  const notice = parseNoticeKey(key);
  if (notice) return notice.state;
  const page = pageKindOfKey(key);
  if (page) return page === "page" ? "page" : "escalation";
  return parsePageAckKey(key) ? "acknowledgement" : null;
}

/** Whether a text Firstline wrote carries a notice worth telling anyone about (the card: a new P1). */
export function isNotifiable(text: string): boolean {
  return markerKeysIn(text).some((key) => key === CARD_KEY || eventKindOfKey(key) !== null);
}
const MENTION = /(?<![A-Za-z0-9`])@([A-Za-z0-9][A-Za-z0-9-]{0,38})\b/g;

/**
 * The events in the notices Firstline has just written on a ticket. A notice is written once (its
 * marker is looked for before it is written), so an event keyed by the ticket and the marker is
 * seen once however often a webhook or a sweep comes round: that is what makes notifications
 * exactly-once without a database. The card of a new P1 ticket is the new-P1 event.
 */
export function ticketEvents(params: {
  readonly ticket: TicketRef;
  readonly written: readonly string[];
  readonly at: number;
}): NotifyEvent[] {
  const { ticket, at } = params;
  const events: NotifyEvent[] = [];
  const base = `${ticket.repo.toLowerCase()}#${ticket.number}`;
  for (const body of params.written) {
    for (const key of markerKeysIn(body)) {
      if (key === CARD_KEY && ticket.priority === "P1") {
        events.push({
          id: `${base}:card`,
          kind: "new-p1",
          at,
          headline: "New P1 ticket",
          details: [],
          ticket,
          people: [],
          link: ticket.url,
        });
        continue;
      }
      const kind = eventKindOfKey(key);
      if (!kind) continue;
      events.push({
        id: `${base}:${key}`,
        kind,
        at,
        headline: headlineOf(kind),
        details: [plainNotice(body)],
        ticket,
        people: mentions(body),
        link: ticket.url,
      });
    }
  }
  return events;
}

function headlineOf(kind: NotifyEventKind): string {
  switch (kind) {
    case "at-risk":
      return "SLA at risk";
    case "breached":
      return "SLA breached";
    case "page":
      return "Paged";
    case "escalation":
      return "Escalated";
    case "acknowledgement":
      return "Page acknowledged";
    default:
      return kind;
  }
}

/** The notice's own words as one plain line: markers, markdown emphasis and mentions' @ removed. */
export function plainNotice(body: string): string {
  return withoutMarkers(body)
    .replace(/\*\*/g, "")
    .replace(MENTION, "$1")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 600);
}

function mentions(body: string): string[] {
  return [...new Set([...withoutMarkers(body).matchAll(MENTION)].map((m) => (m[1] ?? "").toLowerCase()))];
}

/** The marker that keeps a ticket's Slack thread: channel and the thread's first message `ts`. */
export function slackThreadMarker(params: { readonly channel: string; readonly ts: string }): string {
  return marker(slackThreadKey(params));
}

/** The Slack threads kept on a ticket, by channel, read only from Firstline's own comments. */
export function slackThreadsIn(params: {
  readonly comments: readonly { readonly author: string; readonly body: string }[];
  readonly botLogin: string;
}): Map<string, string> {
  const threads = new Map<string, string>();
  const bot = params.botLogin.toLowerCase();
  for (const comment of params.comments) {
    if (comment.author.toLowerCase() !== bot) continue;
    for (const key of markerKeysIn(comment.body)) {
      const thread = parseSlackThreadKey(key);
      if (thread && !threads.has(thread.channel)) threads.set(thread.channel, thread.ts);
    }
  }
  return threads;
}
