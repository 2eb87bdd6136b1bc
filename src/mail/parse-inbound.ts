import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import type { InboundMessage, MailAddress } from "../core/email-tickets/inbound-message.js";
import { digestOf } from "./reply-token.js";

/** Headers that say what kind of mail a message is; only these are kept. */
const KEPT_HEADERS = [
  "auto-submitted",
  "precedence",
  "x-autoreply",
  "x-autorespond",
  "x-auto-response-suppress",
  "list-id",
  "list-unsubscribe",
  "return-path",
  "content-type",
  "delivered-to",
  "x-original-to",
];

/** The largest message read; a bigger one is read only in its first part (its text is cut, its attachments listed). */
export const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

function addressesOf(value: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const objects = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const flat = objects.flatMap((o) => o.value.flatMap((a) => (a.group ? a.group : [a])));
  return flat
    .filter((a) => typeof a.address === "string" && a.address.includes("@"))
    .map((a) => ({
      address: (a.address ?? "").toLowerCase().slice(0, 254),
      name: (a.name ?? "").slice(0, 200),
    }));
}

function headerText(parsed: ParsedMail, name: string): string | undefined {
  const line = parsed.headerLines.find((h) => h.key === name);
  if (!line) return undefined;
  const colon = line.line.indexOf(":");
  return line.line
    .slice(colon + 1)
    .replace(/\r?\n\s+/g, " ")
    .trim()
    .slice(0, 500);
}

function messageIds(value: string | string[] | undefined): string[] {
  const all = value === undefined ? [] : Array.isArray(value) ? value : value.split(/\s+/);
  return all.map((v) => v.trim()).filter((v) => /^<[^\s<>]{1,250}>$/.test(v));
}

/**
 * Reads one raw message with mailparser: charsets decoded (a part in an unknown or broken charset
 * is read as well as it can be and said so), HTML turned into text, attachments reduced to name,
 * size and type. Never throws for a malformed message: what could not be read is listed in
 * `problems`. `fallbackId` names a message that has no `Message-ID` (the mailbox's UID).
 */
export async function parseInbound(params: {
  readonly raw: Buffer;
  readonly fallbackId: string;
  readonly receivedAt: number;
}): Promise<InboundMessage> {
  const problems: string[] = [];
  let source = params.raw;
  if (source.length > MAX_MESSAGE_BYTES) {
    problems.push(
      `the message is ${Math.round(source.length / 1024 / 1024)} MB; only its first ${MAX_MESSAGE_BYTES / 1024 / 1024} MB were read`,
    );
    source = source.subarray(0, MAX_MESSAGE_BYTES);
  }
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(source, {
      skipImageLinks: true,
      skipTextLinks: true,
      maxHtmlLengthToParse: 2 * 1024 * 1024,
      keepCidLinks: false,
    });
  } catch (error) {
    problems.push(
      `the message could not be parsed (${error instanceof Error ? error.message.slice(0, 200) : "unknown error"})`,
    );
    const text = source.toString("latin1").slice(0, 20_000);
    return {
      messageId: `<${digestOf(params.raw.toString("latin1")).slice(0, 32)}@unparsed.invalid>`,
      from: null,
      to: [],
      cc: [],
      subject: "",
      inReplyTo: null,
      references: [],
      headers: {},
      text,
      attachments: [],
      date: params.receivedAt,
      problems,
    };
  }
  if (parsed.textConversionError)
    problems.push(
      `the HTML part could not be turned into text (${parsed.textConversionError.message.slice(0, 200)})`,
    );
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = headerText(parsed, name);
    if (value !== undefined) headers[name] = value;
  }
  const messageId =
    messageIds(parsed.messageId)[0] ??
    `<${params.fallbackId.replace(/[^A-Za-z0-9.-]/g, "")}@no-message-id.invalid>`;
  const text = parsed.text ?? "";
  if (text.includes("\ufffd")) problems.push("some characters were not in the charset the message declared");
  return {
    messageId,
    from: addressesOf(parsed.from)[0] ?? null,
    to: addressesOf(parsed.to),
    cc: addressesOf(parsed.cc).slice(0, 20),
    subject: (parsed.subject ?? "").slice(0, 500),
    inReplyTo: messageIds(parsed.inReplyTo)[0] ?? null,
    references: messageIds(parsed.references).slice(-20),
    headers,
    text,
    attachments: parsed.attachments.map((a) => ({
      filename: (a.filename ?? "").slice(0, 200),
      size: a.size,
      contentType: a.contentType.slice(0, 100),
      // Only what was read whole: a cut message's last attachment may be cut too.
      ...(source === params.raw ? { content: new Uint8Array(a.content) } : {}),
    })),
    date: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date.getTime() : params.receivedAt,
    problems,
  };
}
