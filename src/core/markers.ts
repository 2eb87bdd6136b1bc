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

/** A maintenance task's name as it stands in keys: lowercase words joined by dashes, at most 60 characters. */
export function taskSlug(task: string): string {
  const slug = task
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug === "" ? "task" : slug;
}

/** A scheduled maintenance ticket: one occurrence of a client's task, by the date it first fell on. */
export function maintenanceKey(params: {
  readonly client: string;
  readonly task: string;
  readonly originalDate: string;
}): string {
  return `maintenance:${params.client}:${taskSlug(params.task)}:${params.originalDate}`;
}

const MAINTENANCE = /^maintenance:([a-z0-9-]+):([a-z0-9-]{1,60}):(\d{4}-\d\d-\d\d)$/;

/** The client, task slug and original date of a maintenance key. */
export function parseMaintenanceKey(
  key: string,
): { readonly client: string; readonly taskSlug: string; readonly originalDate: string } | null {
  const match = MAINTENANCE.exec(key);
  return match?.[1] && match[2] && match[3]
    ? { client: match[1], taskSlug: match[2], originalDate: match[3] }
    : null;
}

/** An alert's issue, found again by the alert's fingerprint (letters, digits, `.`, `_` and `-`). */
export function alertKey(fingerprint: string): string {
  return `alert:${fingerprint}`;
}

const ALERT = /^alert:([A-Za-z0-9._-]{1,64})$/;

/** The fingerprint of an alert key. */
export function parseAlertKey(key: string): { readonly fingerprint: string } | null {
  const match = ALERT.exec(key);
  return match?.[1] ? { fingerprint: match[1] } : null;
}

/** One firing of an alert, by its start, so a redelivered or repeated notification is recorded once. */
export function alertFiredKey(startsAt: number): string {
  return `alert-fired:${startsAt}`;
}

const ALERT_FIRED = /^alert-fired:(-?\d+)$/;

/** The start of the firing of an alert-fired key. */
export function parseAlertFiredKey(key: string): { readonly startsAt: number } | null {
  const match = ALERT_FIRED.exec(key);
  return match?.[1] ? { startsAt: Number(match[1]) } : null;
}

/** The comment that says an alert is resolved and closes its issue. */
export const ALERT_RESOLVED_KEY = "alert-resolved";

/** The page for a ticket that became P1 at `since`: one page per P1 spell. */
export function ticketPageKey(since: number): string {
  return `ticket-page:${since}`;
}

const TICKET_PAGE = /^ticket-page:(-?\d+)$/;

/** When the ticket of a ticket-page key became P1. */
export function parseTicketPageKey(key: string): { readonly since: number } | null {
  const match = TICKET_PAGE.exec(key);
  return match?.[1] ? { since: Number(match[1]) } : null;
}

/** The comment that says a pager did not take an event: what the event was, and when. */
export function pagerFailedKey(params: {
  readonly action: "trigger" | "escalate" | "acknowledge" | "resolve";
  readonly at: number;
}): string {
  return `pager-failed:${params.action}:${params.at}`;
}

const PAGER_FAILED = /^pager-failed:(trigger|escalate|acknowledge|resolve):(-?\d+)$/;

/** The event and time of a pager-failed key. */
export function parsePagerFailedKey(key: string): {
  readonly action: "trigger" | "escalate" | "acknowledge" | "resolve";
  readonly at: number;
} | null {
  const match = PAGER_FAILED.exec(key);
  if (!match?.[1] || !match[2]) return null;
  return { action: match[1] as "trigger" | "escalate" | "acknowledge" | "resolve", at: Number(match[2]) };
}

/** The one note that explains why a client's label change was put back. */
export const LABELS_REFUSED_KEY = "labels-refused";

/** The one answer to someone who is not staff and wrote a command: one per login, in lower case. */
export function refusedKey(login: string): string {
  return `refused:${login.toLowerCase()}`;
}

const REFUSED = /^refused:([a-z0-9-]{1,39}(?:\[bot\])?)$/;

/** The login of a refused key. */
export function parseRefusedKey(key: string): { readonly login: string } | null {
  const match = REFUSED.exec(key);
  return match?.[1] ? { login: match[1] } : null;
}

/** The one suggestion that a ticket may be more urgent: one per suggested priority. */
export function suggestPriorityKey(priority: string): string {
  return `suggest-priority:${priority}`;
}

const SUGGEST_PRIORITY = /^suggest-priority:(P[1-4])$/;

/** The priority of a suggest-priority key. */
export function parseSuggestPriorityKey(key: string): { readonly priority: string } | null {
  const match = SUGGEST_PRIORITY.exec(key);
  return match?.[1] ? { priority: match[1] } : null;
}

/** The nudge to follow up a quiet ticket, by the time of its last activity. */
export function followUpKey(lastActivity: number): string {
  return `follow-up:${lastActivity}`;
}

/** The reminder to a reporter the ticket waits on, by when it began to wait. */
export function waitingReminderKey(waitingSince: number): string {
  return `waiting-reminder:${waitingSince}`;
}

const NUDGE = /^(follow-up|waiting-reminder):(-?\d+)$/;

/** The kind and time of a follow-up or waiting-reminder key. */
export function parseNudgeKey(
  key: string,
): { readonly kind: "follow-up" | "waiting-reminder"; readonly at: number } | null {
  const match = NUDGE.exec(key);
  if (!match?.[1] || !match[2]) return null;
  return { kind: match[1] === "follow-up" ? "follow-up" : "waiting-reminder", at: Number(match[2]) };
}

/** The notice to a delivery lead that `login` was woken in the night before `morning` (a local date). */
export function wokenKey(params: { readonly login: string; readonly morning: string }): string {
  return `woken:${params.login}:${params.morning}`;
}

const WOKEN = /^woken:([A-Za-z0-9-]{1,39}):(\d{4}-\d\d-\d\d)$/;

/** The login and morning of a woken key. */
export function parseWokenKey(key: string): { readonly login: string; readonly morning: string } | null {
  const match = WOKEN.exec(key);
  return match?.[1] && match[2] ? { login: match[1], morning: match[2] } : null;
}

/** Characters a marker key may hold; anything else in a package or rule name becomes `-`. */
export function markerSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9:._@/-]/g, "-");
}

/** A repository's security ticket for one package (Dependabot alerts). */
export function securityTicketKey(params: {
  readonly repo: string;
  readonly package: { readonly ecosystem: string; readonly name: string };
}): string {
  return markerSafe(`security:${params.repo}:${params.package.ecosystem}/${params.package.name}`);
}

/** A repository's security ticket for one code scanning rule. */
export function codeScanningTicketKey(params: { readonly repo: string; readonly ruleId: string }): string {
  return markerSafe(`code-scanning:${params.repo}:${params.ruleId}`);
}

/** A repository's security ticket for one secret type (secret scanning). */
export function secretScanningTicketKey(params: {
  readonly repo: string;
  readonly secretType: string;
}): string {
  return markerSafe(`secret-scanning:${params.repo}:${params.secretType}`);
}

const SECURITY_TICKET =
  /^(security|code-scanning|secret-scanning):([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+):([A-Za-z0-9:._@/-]+)$/;

/** The kind, repository and subject (package, rule or secret type, made marker-safe) of a security ticket key. */
export function parseSecurityTicketKey(key: string): {
  readonly kind: "security" | "code-scanning" | "secret-scanning";
  readonly repo: string;
  readonly subject: string;
} | null {
  const match = SECURITY_TICKET.exec(key);
  if (!match?.[1] || !match[2] || !match[3]) return null;
  return {
    kind: match[1] as "security" | "code-scanning" | "secret-scanning",
    repo: match[2],
    subject: match[3],
  };
}
