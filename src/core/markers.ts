/**
 * Firstline's hidden markers, in one place: `<!-- firstline:KEY -->` in its own issues and comments
 * is how it finds its card, its dashboard and its notices again, and knows what it has already
 * done. One pattern reads every marker; each kind of key has one builder and, where a key carries
 * values, one pattern that reads them back. Only texts written by Firstline's own login count, so a
 * client who pastes a marker forges nothing (and text Firstline quotes has its markers broken).
 */

/** Every marker: its key is letters, digits and `:._@/ -`, up to the closing `-->`. */
const MARKER = /<!-- firstline:([A-Za-z0-9:._@/ -]+?) -->/g;

/** The marker carrying `key`. */
export function marker(key: string): string {
  return `<!-- firstline:${key} -->`;
}

/** The keys of every marker in a text, in order. */
export function markerKeysIn(text: string | null | undefined): string[] {
  return [...(text ?? "").matchAll(MARKER)].map((match) => match[1] ?? "").filter((key) => key !== "");
}

/** Whether a text carries the marker with exactly this key. */
export function hasMarker(text: string | null | undefined, key: string): boolean {
  return markerKeysIn(text).includes(key);
}

/** The first marker of a text (what identifies an issue Firstline opened), or null. */
export function firstMarker(text: string | null | undefined): string | null {
  const key = markerKeysIn(text)[0];
  return key === undefined ? null : marker(key);
}

/** The keys of the markers in Firstline's own comments, each with the first comment carrying it. */
export function markersIn<C extends { readonly author: string; readonly body: string }>(params: {
  readonly comments: readonly C[];
  readonly botLogin: string;
}): Map<string, C> {
  const found = new Map<string, C>();
  const bot = params.botLogin.toLowerCase();
  for (const comment of params.comments) {
    if (comment.author.toLowerCase() !== bot) continue;
    for (const key of markerKeysIn(comment.body)) if (!found.has(key)) found.set(key, comment);
  }
  return found;
}

// Keys without values.
/** The ticket card. */
export const CARD_KEY = "card";
/** The SLA dashboard issue. */
export const DASHBOARD_KEY = "dashboard";
/** The issue that says the configuration cannot be read. */
export const CONFIG_PROBLEM_KEY = "config-problem";
/** The issue that warns of weeks the rota does not fill yet. */
export const ROTA_HORIZON_KEY = "rota-horizon";
/** The comment on a rota pull request that reports its check. */
export const ROTA_CHANGE_KEY = "rota-change";
/** A page: the time of the text carrying it is when the page went out. */
export const PAGE_KEY = "alert-page";

// Keys with values: a builder and the one pattern that reads them back.
/** The weekly announcement of `week` (its Wednesday). */
export function rotaWeekKey(week: string): string {
  return `rota-week:${week}`;
}

/** Escalation step `n` (1-based) of an unacknowledged page. */
export function escalationKey(n: number): string {
  return `escalation:${n}`;
}

/** An escalation by hand (`/escalate`), by the comment that asked for it. */
export function handEscalationKey(commentId: number): string {
  return `escalate:${commentId}`;
}

const PAGE_KIND = /^(?:(alert-page)|(escalation):\d+|(escalate):\d+)$/;

/** Whether a key is a page, an escalation step or an escalation by hand, and which. */
export function pageKindOfKey(key: string): "page" | "escalation" | "escalate" | null {
  const match = PAGE_KIND.exec(key);
  if (!match) return null;
  return match[1] ? "page" : match[2] ? "escalation" : "escalate";
}

const LOGIN = /^[A-Za-z0-9-]{1,39}$/;

/** Firstline's note that a page was acknowledged at a pager or with `/ack`, by `login`. */
export function pageAckKey(params: {
  readonly login: string | null;
  readonly how: "pager" | "command";
}): string {
  const login = params.login !== null && LOGIN.test(params.login) ? params.login : "unknown";
  return `page-ack:${login}${params.how === "command" ? ":command" : ""}`;
}

const PAGE_ACK = /^page-ack:([A-Za-z0-9-]{1,39})(:command)?$/;

/** Who acknowledged, and how, from a page-ack key (`unknown` when the pager named nobody we know). */
export function parsePageAckKey(
  key: string,
): { readonly login: string; readonly how: "pager" | "command" } | null {
  const match = PAGE_ACK.exec(key);
  return match?.[1] ? { login: match[1], how: match[2] ? "command" : "pager" } : null;
}

/** A night's cover set with `/cover`: Firstline's own comment carrying it is the record. */
export function coverKey(o: {
  readonly date: string;
  readonly slot: "primary" | "secondLine";
  readonly covers: string;
  readonly by: string;
}): string {
  return `cover:${o.date}:${o.slot}:${o.covers}:${o.by}`;
}

const COVER = /^cover:(\d{4}-\d\d-\d\d):(primary|secondLine):([A-Za-z0-9-]{1,39}):([A-Za-z0-9-]{1,39})$/;

/** The night, slot and people of a cover key. */
export function parseCoverKey(key: string): {
  readonly date: string;
  readonly slot: "primary" | "secondLine";
  readonly covers: string;
  readonly by: string;
} | null {
  const match = COVER.exec(key);
  if (!match) return null;
  return {
    date: match[1] ?? "",
    slot: match[2] === "secondLine" ? "secondLine" : "primary",
    covers: match[3] ?? "",
    by: match[4] ?? "",
  };
}

/** The open security alerts a maintenance ticket last recorded. */
export function openAlertsKey(numbers: readonly number[]): string {
  return `open-alerts:${[...numbers].sort((a, b) => a - b).join(" ")}`;
}

const OPEN_ALERTS = /^open-alerts:([0-9 ]*)$/;

/** The alert numbers of an open-alerts key. */
export function parseOpenAlertsKey(key: string): number[] | null {
  const match = OPEN_ALERTS.exec(key);
  if (!match) return null;
  return (match[1] ?? "")
    .split(" ")
    .filter((n) => n !== "")
    .map(Number);
}

/** A text with its markers taken out (to read the words people see). */
export function withoutMarkers(text: string): string {
  return text.replace(MARKER, "");
}

/** An SLA notice of one metric instance (`c1:firstResponse:1`), at risk or breached. */
export function noticeKey(params: {
  readonly metricKey: string;
  readonly state: "at-risk" | "breached";
}): string {
  return `notice:${params.metricKey}:${params.state}`;
}

const NOTICE = /^notice:(c\d+:[A-Za-z]+:\d+):(at-risk|breached)$/;

/** The metric instance and state of a notice key. */
export function parseNoticeKey(
  key: string,
): { readonly metricKey: string; readonly state: "at-risk" | "breached" } | null {
  const match = NOTICE.exec(key);
  return match?.[1] ? { metricKey: match[1], state: match[2] === "breached" ? "breached" : "at-risk" } : null;
}

/** The outcome of a decided metric instance, recorded on the card (met or breached, and when). */
export function outcomeKey(params: {
  readonly metricKey: string;
  readonly state: "met" | "breached";
  readonly at: number;
}): string {
  return `outcome:${params.metricKey}:${params.state}:${params.at}`;
}

const OUTCOME = /^outcome:(c\d+:[A-Za-z]+:\d+):(met|breached):(\d+)$/;

/** The metric instance, state and time of an outcome key. */
export function parseOutcomeKey(
  key: string,
): { readonly metricKey: string; readonly state: "met" | "breached"; readonly at: number } | null {
  const match = OUTCOME.exec(key);
  return match?.[1] && match[3]
    ? { metricKey: match[1], state: match[2] === "met" ? "met" : "breached", at: Number(match[3]) }
    : null;
}

/** A ticket's Slack thread in one channel: the channel and the `ts` of the thread's first message. */
export function slackThreadKey(params: { readonly channel: string; readonly ts: string }): string {
  return `slack-thread:${params.channel}:${params.ts}`;
}

const SLACK_THREAD = /^slack-thread:([CGDUW][A-Z0-9]{2,20}):(\d{1,12}\.\d{1,8})$/;

/** The channel and thread `ts` of a Slack thread key. */
export function parseSlackThreadKey(key: string): { readonly channel: string; readonly ts: string } | null {
  const match = SLACK_THREAD.exec(key);
  return match?.[1] && match[2] ? { channel: match[1], ts: match[2] } : null;
}

/** An email ticket's body: a digest of the `Message-ID` that opened it. */
export function emailTicketKey(digest: string): string {
  return `email-ticket:${digest}`;
}

/** A comment carrying a requester's emailed reply: a digest of its `Message-ID`. */
export function emailReplyKey(digest: string): string {
  return `email-reply:${digest}`;
}

/** Who asked, on an email ticket: a digest of her address. */
export function requesterKey(digest: string): string {
  return `requester:${digest}`;
}

const EMAIL_KEY = /^(email-ticket|email-reply|requester):([a-f0-9]{8,64})$/;

/** The kind and digest of an email ticket, reply or requester key. */
export function parseEmailKey(
  key: string,
): { readonly kind: "email-ticket" | "email-reply" | "requester"; readonly digest: string } | null {
  const match = EMAIL_KEY.exec(key);
  if (!match?.[1] || !match[2]) return null;
  return { kind: match[1] as "email-ticket" | "email-reply" | "requester", digest: match[2] };
}

/**
 * Hidden data in a body Firstline writes (an email ticket's requester and thread): base64url in a
 * comment of its own kind, so nothing in the data can end the comment or read as a marker.
 */
const DATA_LINE_PREFIX = "<!-- firstline-data:";

/** The hidden line carrying `payload`. */
export function dataLine(payload: unknown): string {
  return `${DATA_LINE_PREFIX}${Buffer.from(JSON.stringify(payload), "utf8").toString("base64url")} -->`;
}

/** The payload of a text's hidden data line, or undefined when there is none or it does not read. */
export function dataLineOf(text: string | null | undefined): unknown {
  const start = (text ?? "").indexOf(DATA_LINE_PREFIX);
  if (text === null || text === undefined || start < 0) return undefined;
  const end = text.indexOf(" -->", start);
  if (end < 0) return undefined;
  try {
    return JSON.parse(
      Buffer.from(text.slice(start + DATA_LINE_PREFIX.length, end), "base64url").toString("utf8"),
    ) as unknown;
  } catch {
    return undefined;
  }
}

/** A Project draft that stands for a ticket the Project cannot hold (another organisation's repository). */
export function draftTicketKey(params: { readonly repo: string; readonly number: number }): string {
  return `draft-ticket:${params.repo}:${params.number}`;
}

const DRAFT_TICKET = /^draft-ticket:([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+):(\d+)$/;

/** The repository and number of a draft-ticket key. */
export function parseDraftTicketKey(key: string): { readonly repo: string; readonly number: number } | null {
  const match = DRAFT_TICKET.exec(key);
  return match?.[1] && match[2] ? { repo: match[1], number: Number(match[2]) } : null;
}
