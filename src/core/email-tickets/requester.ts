import { dataLine, dataLineOf, markerKeysIn, parseEmailKey } from "../markers.js";
import type { TicketSnapshot } from "../ticket/snapshot.js";

/**
 * An email requester has no GitHub login, so the ticket's timeline names her with a pseudo-login
 * that no GitHub account can have (logins never contain a colon). She counts as the reporter: not
 * staff, not a bot, so her replies start next-response clocks and lift "waiting on client".
 */
export const EMAIL_REQUESTER_PREFIX = "email:";

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

/** The hidden line of an email ticket's body that says who to answer and how to thread. */
export function emailDataLine(data: EmailTicketData): string {
  return dataLine(data);
}

/** The data of an email ticket's body, or null when the body carries none (or it does not read). */
export function emailDataOf(body: string | null): EmailTicketData | null {
  const parsed = dataLineOf(body);
  if (!parsed || typeof parsed !== "object") return null;
  const data = parsed as Partial<EmailTicketData>;
  if (typeof data.requester !== "string" || !Array.isArray(data.thread) || !Array.isArray(data.cc))
    return null;
  return {
    requester: data.requester,
    requesterName: typeof data.requesterName === "string" ? data.requesterName : "",
    cc: data.cc.filter((c): c is string => typeof c === "string"),
    subject: typeof data.subject === "string" ? data.subject : "",
    thread: data.thread.filter((t): t is string => typeof t === "string"),
  };
}

/** Whether a login is Firstline's own (GitHub logins are case-insensitive); never when Firstline's is unknown. */
function isFirstline(login: string, botLogin: string | null): boolean {
  return botLogin !== null && login.toLowerCase() === botLogin.toLowerCase();
}

/**
 * The requester's pseudo-login of an email ticket Firstline itself opened, or null for any other
 * issue: another app's issue with the same markers (forged, or pasted) names no requester.
 */
export function emailRequesterOf(params: {
  readonly snapshot: Pick<TicketSnapshot, "author" | "body">;
  /** Firstline's own login (`name[bot]`); null when it is not known, so no issue is read as an email ticket. */
  readonly botLogin: string | null;
}): string | null {
  const { snapshot, botLogin } = params;
  if (!isFirstline(snapshot.author, botLogin)) return null;
  const keys = markerKeysIn(snapshot.body).map(parseEmailKey);
  if (!keys.some((key) => key?.kind === "email-ticket")) return null;
  const requester = keys.find((key) => key?.kind === "requester");
  return requester ? requesterLogin(requester.digest) : null;
}

/**
 * The ticket as the SLA rules read it: an email ticket's reporter is the requester, not the app
 * that wrote the issue for her, and the comments that carry her replies are hers. Only issues and
 * comments Firstline itself wrote are read this way, so a person or another app that pastes a
 * marker changes nothing.
 */
export function withEmailRequester(params: {
  readonly snapshot: TicketSnapshot;
  readonly botLogin: string | null;
}): TicketSnapshot {
  const { snapshot, botLogin } = params;
  const requester = emailRequesterOf({ snapshot, botLogin });
  if (requester === null) return snapshot;
  return {
    ...snapshot,
    author: requester,
    comments: snapshot.comments.map((c) =>
      isFirstline(c.author, botLogin) &&
      markerKeysIn(c.body).some((key) => parseEmailKey(key)?.kind === "email-reply")
        ? { ...c, author: requester }
        : c,
    ),
  };
}
