/**
 * One email Firstline sends: a notification, a rota change or a reply on an email ticket. Every
 * field is plain data; the sender turns it into headers, so nothing here is ever a raw header line.
 */
export interface OutgoingMail {
  /** `Name <address>` or a bare address. */
  readonly from: string;
  readonly to: readonly string[];
  readonly cc?: readonly string[];
  readonly replyTo?: string;
  readonly subject: string;
  /** The plain-text part; always sent. */
  readonly text: string;
  /** The HTML part, when there is one; build it with escaped text only. */
  readonly html?: string;
  /** `<id@host>`: set it to thread later messages under this one. */
  readonly messageId?: string;
  readonly inReplyTo?: string;
  readonly references?: readonly string[];
  /** For optional mail: a `mailto:` or `https:` address that unsubscribes (RFC 2369 and 8058). */
  readonly listUnsubscribe?: string;
}

/** What the server said of one message. */
export interface SentMail {
  readonly messageId: string;
  readonly accepted: readonly string[];
  readonly rejected: readonly string[];
}

/** Sends mail; one implementation talks SMTP, tests may record instead. */
export interface MailSender {
  send(mail: OutgoingMail): Promise<SentMail>;
  close(): void;
}
