/** One address of a message: the bare address (lowercase) and the display name as written. */
export interface MailAddress {
  readonly address: string;
  readonly name: string;
}

/** One attachment as the ticket lists it. */
export interface AttachmentInfo {
  readonly filename: string;
  readonly size: number;
  readonly contentType: string;
  /** Its bytes, when the message was read whole: stored, never shown. */
  readonly content?: Uint8Array;
  /** Where a copy was stored for the repository's readers, or why not (unset: in the mailbox only). */
  readonly stored?:
    | { readonly kind: "stored"; readonly url: string }
    | { readonly kind: "not-stored"; readonly reason: string };
}

/**
 * A message from the support mailbox as Firstline reads it: everything here came from the sender
 * and is hostile, from the subject to the headers that say what kind of mail it is.
 */
export interface InboundMessage {
  /** The `Message-ID`, or one made from the mailbox's own id when the message has none. */
  readonly messageId: string;
  readonly from: MailAddress | null;
  readonly to: readonly MailAddress[];
  readonly cc: readonly MailAddress[];
  readonly subject: string;
  readonly inReplyTo: string | null;
  readonly references: readonly string[];
  /** Header names in lowercase, with their values as text (only the ones that decide what mail this is). */
  readonly headers: Readonly<Record<string, string>>;
  /** The readable text: the plain part, or the HTML part turned into text. */
  readonly text: string;
  readonly attachments: readonly AttachmentInfo[];
  /** When the message says it was sent, or when the mailbox received it. */
  readonly date: number;
  /** Whatever could not be read (a broken part, an unknown charset), said once for the ticket. */
  readonly problems: readonly string[];
}
