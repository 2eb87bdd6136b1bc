import type { TicketSnapshot } from "../ticket/snapshot.js";

/**
 * An email requester has no GitHub login, so the ticket's timeline names her with a pseudo-login
 * that no GitHub account can have (logins never contain a colon). She counts as the reporter: not
 * staff, not a bot, so her replies start next-response clocks and lift "waiting on client".
 */
export const EMAIL_REQUESTER_PREFIX = "email:";

/** The marker key of an email ticket's body: it holds a digest of the first message's `Message-ID`. */
export const EMAIL_TICKET_KEY = "email-ticket";

/** The marker key of a comment that carries a requester's reply. */
export const EMAIL_REPLY_KEY = "email-reply";

/** The hidden line that carries who to answer, in a body only Firstline writes. */
const DATA_PREFIX = "<!-- firstline-email-data:";

/** Who an email ticket answers, and how to thread the answer under her mail. */
export interface EmailTicketData {
  readonly requester: string;
  readonly requesterName: string;
  readonly cc: readonly string[];
  readonly subject: string;
  /** `Message-ID`s of the conversation so far, oldest first (the first is the one that opened the ticket). */
  readonly thread: readonly string[];
}

/** The pseudo-login of a requester's address. */
export function requesterLogin(digest: string): string {
  return `${EMAIL_REQUESTER_PREFIX}${digest}`;
}

export function isEmailRequester(login: string): boolean {
  return login.startsWith(EMAIL_REQUESTER_PREFIX);
}

/** The data line of an email ticket's body (base64url, so nothing in it can end the comment). */
export function emailDataLine(data: EmailTicketData): string {
  return `${DATA_PREFIX}${Buffer.from(JSON.stringify(data), "utf8").toString("base64url")} -->`;
}

/** The data of an email ticket's body, or null when the body carries none (or it does not read). */
export function emailDataOf(body: string | null): EmailTicketData | null {
  if (body === null) return null;
  const start = body.indexOf(DATA_PREFIX);
  if (start < 0) return null;
  const end = body.indexOf(" -->", start);
  if (end < 0) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(body.slice(start + DATA_PREFIX.length, end), "base64url").toString("utf8"));
    if (!parsed || typeof parsed !== "object") return null;
    const data = parsed as Partial<EmailTicketData>;
    if (typeof data.requester !== "string" || !Array.isArray(data.thread) || !Array.isArray(data.cc)) return null;
    return {
      requester: data.requester,
      requesterName: typeof data.requesterName === "string" ? data.requesterName : "",
      cc: data.cc.filter((c): c is string => typeof c === "string"),
      subject: typeof data.subject === "string" ? data.subject : "",
      thread: data.thread.filter((t): t is string => typeof t === "string"),
    };
  } catch {
    return null;
  }
}

const isBotLogin = (login: string) => login.endsWith("[bot]");

/** The requester's pseudo-login of an email ticket opened by an app, or null for any other issue. */
export function emailRequesterOf(snapshot: Pick<TicketSnapshot, "author" | "body">): string | null {
  if (!isBotLogin(snapshot.author)) return null;
  const body = snapshot.body ?? "";
  const found = new RegExp(`<!-- firstline:${EMAIL_TICKET_KEY}:([a-f0-9]{8,64}) -->`).exec(body);
  if (!found) return null;
  const match = /<!-- firstline:requester:([a-f0-9]{8,64}) -->/.exec(body);
  return match?.[1] ? requesterLogin(match[1]) : null;
}

/**
 * The ticket as the SLA rules read it: an email ticket's reporter is the requester, not the app
 * that wrote the issue for her, and the comments that carry her replies are hers. Only issues and
 * comments an app wrote are read this way, so a person who pastes a marker changes nothing.
 */
export function withEmailRequester(snapshot: TicketSnapshot): TicketSnapshot {
  const requester = emailRequesterOf(snapshot);
  if (requester === null) return snapshot;
  const replyMarker = `<!-- firstline:${EMAIL_REPLY_KEY}:`;
  return {
    ...snapshot,
    author: requester,
    comments: snapshot.comments.map((c) => (isBotLogin(c.author) && c.body.includes(replyMarker) ? { ...c, author: requester } : c)),
  };
}
