import * as z from "zod";
import type { MailSender, OutgoingMail } from "../mail/outgoing-mail.js";
import { sentLedgerIn } from "./state/sent-ledger-in-store.js";
import type { StateStore } from "./state/state-store.js";

interface Logger {
  info: (obj: object, msg?: string) => void;
  error: (obj: object, msg?: string) => void;
}

/** Mail to a requester, with the `Message-ID` that makes it one message however often it is tried. */
export type RequesterMail = OutgoingMail & { readonly messageId: string };

/** How long refused mail is kept for another try: past this, it is logged and dropped. */
const KEEP_MS = 7 * 24 * 60 * 60_000;

const keptMailSchema = z.object({
  keptAt: z.number(),
  mail: z.object({
    from: z.string(),
    to: z.array(z.string()),
    cc: z.array(z.string()).exactOptional(),
    replyTo: z.string().exactOptional(),
    subject: z.string(),
    text: z.string(),
    messageId: z.string(),
    inReplyTo: z.string().exactOptional(),
    references: z.array(z.string()).exactOptional(),
  }),
});

/** What became of one mail: sent now, sent before (by this or another instance), or kept to try again. */
export type MailOutcome = "sent" | "sent before" | "kept";

const ledgerKey = (mail: RequesterMail) => `requester-mail:${mail.messageId}`;

/**
 * Sends mail to a requester once: the sent ledger in the state store is claimed by the mail's
 * `Message-ID` before the mail goes, so a redelivered webhook, a second instance or a retry
 * sends nothing twice. When the mail server refuses or is down, the claim is given back and the
 * mail is kept in the state store, for `sendKeptMail` to try again on the next pass.
 */
export async function sendToRequester(params: {
  readonly store: StateStore;
  readonly sender: MailSender;
  readonly mail: RequesterMail;
  readonly now: number;
  readonly log: Logger;
}): Promise<MailOutcome> {
  const { store, sender, mail, log } = params;
  const ledger = sentLedgerIn(store);
  if (!(await ledger.claim(ledgerKey(mail)))) return "sent before";
  try {
    await sender.send(mail);
    return "sent";
  } catch (error) {
    // Kept first, then the claim given back: a retry meanwhile finds the mail kept, never lost.
    await store.pendingMail.set(mail.messageId, JSON.stringify({ keptAt: params.now, mail }));
    await ledger.release(ledgerKey(mail));
    log.error(
      { messageId: mail.messageId, error: error instanceof Error ? error.message : String(error) },
      "the mail server did not take a mail to a requester: it is kept and sent on the next pass",
    );
    return "kept";
  }
}

/**
 * Tries the kept mail again, oldest first, each once at most (the ledger); stops at the first
 * refusal, since the server that refused one will likely refuse the next. Mail kept longer than
 * a week, or that no longer reads, is logged and dropped.
 */
export async function sendKeptMail(params: {
  readonly store: StateStore;
  readonly sender: MailSender;
  readonly now: number;
  readonly log: Logger;
}): Promise<{ readonly sent: number; readonly kept: number }> {
  const { store, sender, now, log } = params;
  const ledger = sentLedgerIn(store);
  const kept = (await store.pendingMail.list())
    .map(([key, text]) => {
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        // Unreadable: dropped below, with the rest that do not parse.
      }
      const parsed = keptMailSchema.safeParse(json);
      return { key, kept: parsed.success ? parsed.data : null };
    })
    .sort((a, b) => (a.kept?.keptAt ?? 0) - (b.kept?.keptAt ?? 0));
  let sent = 0;
  for (const [index, { key, kept: entry }] of kept.entries()) {
    if (!entry || now - entry.keptAt > KEEP_MS) {
      await store.pendingMail.delete(key);
      log.error(
        { messageId: key },
        "a kept mail to a requester was dropped: unreadable, or kept over a week",
      );
      continue;
    }
    const mail: RequesterMail = entry.mail;
    if (!(await ledger.claim(ledgerKey(mail)))) {
      await store.pendingMail.delete(key);
      continue;
    }
    try {
      await sender.send(mail);
    } catch (error) {
      await ledger.release(ledgerKey(mail));
      log.error(
        { messageId: key, error: error instanceof Error ? error.message : String(error) },
        "the mail server still does not take kept mail: tried again on the next pass",
      );
      return { sent, kept: kept.length - index };
    }
    await store.pendingMail.delete(key);
    sent += 1;
    log.info({ messageId: key }, "kept mail to a requester sent");
  }
  return { sent, kept: 0 };
}
