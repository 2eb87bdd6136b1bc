import { z } from "zod";
import { isPlainAddress } from "./header-safety.js";

/** The support mailbox's settings, from environment variables only (secrets never live in a repository). */
export interface MailboxSettings {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly user: string;
  readonly password: string;
  readonly mailbox: string;
  /** The address clients write to (`support@agency.example`); replies go to `support+<token>@agency.example`. */
  readonly supportAddress: string;
  /** Signs reply tokens (FIRSTLINE_MAIL_SECRET, at least 32 characters). */
  readonly secret: string;
}

const imapUrl = z
  .string()
  .url()
  .refine((value) => /^imaps?:\/\//.test(value), { message: "IMAP_URL must start with imap:// or imaps://" });

/**
 * The mailbox from `IMAP_URL` (`imaps://user:password@host:993/INBOX`), `FIRSTLINE_SUPPORT_ADDRESS`
 * and `FIRSTLINE_MAIL_SECRET`; null when `IMAP_URL` is unset (email tickets are off). A setting
 * that is present but unusable throws with the variable's name.
 */
export function mailboxSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): MailboxSettings | null {
  const raw = env["IMAP_URL"];
  if (raw === undefined || raw === "") return null;
  const parsed = imapUrl.safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `IMAP_URL is not usable: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`,
    );
  const url = new URL(parsed.data);
  const secure = url.protocol === "imaps:";
  const supportAddress = (env["FIRSTLINE_SUPPORT_ADDRESS"] ?? "").trim().toLowerCase();
  if (!isPlainAddress(supportAddress) || supportAddress.includes("+"))
    throw new Error(
      "FIRSTLINE_SUPPORT_ADDRESS must be the support mailbox's plain address (support@agency.example) when IMAP_URL is set",
    );
  const secret = env["FIRSTLINE_MAIL_SECRET"] ?? "";
  if (secret.length < 32)
    throw new Error(
      "FIRSTLINE_MAIL_SECRET must be at least 32 characters when IMAP_URL is set: it signs the reply address of every ticket",
    );
  if (url.username === "")
    throw new Error("IMAP_URL must carry the mailbox user (imaps://user:password@host/INBOX)");
  return {
    host: url.hostname,
    port: url.port === "" ? (secure ? 993 : 143) : Number(url.port),
    secure,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    mailbox: decodeURIComponent(url.pathname.replace(/^\//, "")) || "INBOX",
    supportAddress,
    secret,
  };
}
