import { ImapFlow } from "imapflow";
import type { MailboxSettings } from "./mail-settings.js";

/** Set before a message's ticket is written: a claimed message not yet handled may have a ticket already. */
export const CLAIMED_FLAG = "$FirstlineClaimed";
/** Set once a message's ticket (or comment) exists, or it was deliberately ignored. */
export const HANDLED_FLAG = "$FirstlineHandled";

/** A message waiting in the mailbox. */
export interface PendingMessage {
  readonly uid: number;
  /** Claimed by an earlier pass that did not finish: look for its ticket before writing one. */
  readonly claimed: boolean;
}

/** The support mailbox over IMAP, one connection for one pass. */
export interface Mailbox {
  /** Messages not yet handled, oldest first, at most `limit`. */
  pending(limit: number): Promise<PendingMessage[]>;
  /** A message's raw source, or null when it is gone (deleted by a person meanwhile). */
  source(uid: number): Promise<Buffer | null>;
  claim(uid: number): Promise<void>;
  markHandled(uid: number): Promise<void>;
  close(): Promise<void>;
}

/** How long one IMAP command may take before the pass fails (and the next one retries). */
const TIMEOUT_MS = 60_000;

/**
 * Opens the mailbox with imapflow. Messages are never deleted or moved: Firstline only adds its
 * own keywords (and `\Seen` once handled), so the mailbox stays the record of what arrived and a
 * person can still read it.
 */
export async function openMailbox(settings: MailboxSettings): Promise<Mailbox> {
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.user, pass: settings.password },
    logger: false,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS * 5,
  });
  // A dropped connection is reported by the next command; the event must not crash the process.
  client.on("error", () => undefined);
  await client.connect();
  const lock = await client.getMailboxLock(settings.mailbox);
  return {
    async pending(limit) {
      const unhandled = (await client.search({ unKeyword: HANDLED_FLAG }, { uid: true })) || [];
      const claimed = new Set(
        (await client.search({ keyword: CLAIMED_FLAG, unKeyword: HANDLED_FLAG }, { uid: true })) || [],
      );
      return [...unhandled]
        .sort((a, b) => a - b)
        .slice(0, limit)
        .map((uid) => ({ uid, claimed: claimed.has(uid) }));
    },
    async source(uid) {
      const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
      return message && message.source ? message.source : null;
    },
    async claim(uid) {
      await client.messageFlagsAdd(String(uid), [CLAIMED_FLAG], { uid: true });
    },
    async markHandled(uid) {
      await client.messageFlagsAdd(String(uid), [HANDLED_FLAG, "\\Seen"], { uid: true });
    },
    async close() {
      lock.release();
      await client.logout().catch(() => client.close());
    },
  };
}
