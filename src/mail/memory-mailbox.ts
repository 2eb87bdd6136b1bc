import { CLAIMED_FLAG, HANDLED_FLAG, type Mailbox } from "./imap-mailbox.js";
import type { MailSender, OutgoingMail, SentMail } from "./outgoing-mail.js";

/**
 * A mailbox held in memory, with the IMAP mailbox's flags: for the demo, which must run on any
 * machine with no mail server installed. The tests use a real IMAP server.
 */
export class MemoryMailbox {
  private readonly messages: { uid: number; raw: Buffer; flags: Set<string> }[] = [];

  deliver(raw: string): void {
    this.messages.push({ uid: this.messages.length + 1, raw: Buffer.from(raw, "utf8"), flags: new Set() });
  }

  /** What `openMailbox` gives for a real server, over these messages. */
  open(): Mailbox {
    const find = (uid: number) => this.messages.find((m) => m.uid === uid);
    return {
      pending: async (limit) =>
        this.messages
          .filter((m) => !m.flags.has(HANDLED_FLAG))
          .slice(0, limit)
          .map((m) => ({ uid: m.uid, claimed: m.flags.has(CLAIMED_FLAG) })),
      source: async (uid) => find(uid)?.raw ?? null,
      claim: async (uid) => void find(uid)?.flags.add(CLAIMED_FLAG),
      markHandled: async (uid) => void find(uid)?.flags.add(HANDLED_FLAG),
      close: async () => undefined,
    };
  }
}

/** A sender that keeps what it is given, for the demo. */
export class RecordingSender implements MailSender {
  readonly sent: OutgoingMail[] = [];

  async send(mail: OutgoingMail): Promise<SentMail> {
    this.sent.push(mail);
    return { messageId: mail.messageId ?? "", accepted: [...mail.to, ...(mail.cc ?? [])], rejected: [] };
  }

  close(): void {}
}
