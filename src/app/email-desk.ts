import { mailboxSettingsFromEnv, type MailboxSettings } from "../mail/mail-settings.js";
import type { MailSender } from "../mail/outgoing-mail.js";
import { smtpSenderFromEnv } from "../mail/smtp-sender.js";
import { openMailbox } from "../mail/imap-mailbox.js";
import { EmailIntake } from "./email-intake.js";

/** The client email channel: the mailbox read on a schedule and, when SMTP_URL is set, staff replies sent out. */
export interface EmailDesk {
  readonly settings: MailboxSettings;
  readonly intake: EmailIntake;
  readonly sender: MailSender | null;
}

/** The email desk from environment variables, or null when IMAP_URL is unset (email tickets off). */
export function emailDeskFromEnv(env: NodeJS.ProcessEnv): EmailDesk | null {
  const settings = mailboxSettingsFromEnv(env);
  if (!settings) return null;
  const sender = smtpSenderFromEnv(env);
  return { settings, intake: new EmailIntake(settings, openMailbox, sender), sender };
}
