import { createTransport } from "nodemailer";
import { z } from "zod";
import { isMessageId, isPlainAddress, singleLine } from "./header-safety.js";
import type { MailSender, OutgoingMail, SentMail } from "./outgoing-mail.js";

/** How long one SMTP conversation may take before it fails (and the caller retries later). */
const DEFAULT_TIMEOUT_MS = 20_000;

const smtpUrl = z
  .string()
  .url()
  .refine((value) => /^smtps?:\/\//.test(value), { message: "SMTP_URL must start with smtp:// or smtps://" });

/** An SMTP sender from `SMTP_URL` (`smtp://user:password@host:587`, `smtps://…:465`), or null when unset. */
export function smtpSenderFromEnv(env: NodeJS.ProcessEnv = process.env): MailSender | null {
  const raw = env["SMTP_URL"];
  if (raw === undefined || raw === "") return null;
  const parsed = smtpUrl.safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `SMTP_URL is not usable: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`,
    );
  return smtpSender(parsed.data);
}

/** Sends through one SMTP server. Addresses and ids are checked, header values flattened to one line. */
export function smtpSender(url: string, options: { readonly timeoutMs?: number } = {}): MailSender {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const transport = createTransport(url, {});
  const settings = transport.options as {
    connectionTimeout?: number;
    greetingTimeout?: number;
    socketTimeout?: number;
  };
  settings.connectionTimeout = timeoutMs;
  settings.greetingTimeout = timeoutMs;
  settings.socketTimeout = timeoutMs;
  return {
    async send(mail: OutgoingMail): Promise<SentMail> {
      const message = nodemailerMessage(mail);
      const info = await transport.sendMail(message);
      return {
        messageId: String(info.messageId),
        accepted: (info.accepted ?? []).map(String),
        rejected: (info.rejected ?? []).map(String),
      };
    },
    close(): void {
      transport.close();
    },
  };
}

function nodemailerMessage(
  mail: OutgoingMail,
): Parameters<ReturnType<typeof createTransport>["sendMail"]>[0] {
  const to = addresses("to", mail.to);
  if (to.length === 0) throw new Error("an email needs at least one recipient");
  const headers: Record<string, string> = {};
  if (mail.listUnsubscribe !== undefined) {
    const target = singleLine(mail.listUnsubscribe);
    if (!/^(mailto:|https:\/\/)\S+$/.test(target))
      throw new Error("List-Unsubscribe must be one mailto: or https: address");
    headers["List-Unsubscribe"] = `<${target}>`;
    if (target.startsWith("https://")) headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  return {
    from: singleLine(mail.from),
    to,
    ...(mail.cc === undefined ? {} : { cc: addresses("cc", mail.cc) }),
    ...(mail.replyTo === undefined ? {} : { replyTo: addresses("replyTo", [mail.replyTo])[0] }),
    subject: singleLine(mail.subject),
    text: mail.text,
    ...(mail.html === undefined ? {} : { html: mail.html }),
    ...(mail.messageId === undefined ? {} : { messageId: messageId("messageId", mail.messageId) }),
    ...(mail.inReplyTo === undefined ? {} : { inReplyTo: messageId("inReplyTo", mail.inReplyTo) }),
    ...(mail.references === undefined
      ? {}
      : { references: mail.references.map((id) => messageId("references", id)) }),
    headers,
    // Nothing in a message is read from a file or URL by the transport.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

function addresses(field: string, list: readonly string[]): string[] {
  for (const address of list) {
    if (!isPlainAddress(address))
      throw new Error(`${field}: "${singleLine(address, 80)}" is not one plain email address`);
  }
  return [...list];
}

function messageId(field: string, id: string): string {
  if (!isMessageId(id)) throw new Error(`${field}: "${singleLine(id, 80)}" is not a <local@host> message id`);
  return id;
}
