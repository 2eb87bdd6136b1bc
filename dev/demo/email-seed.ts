import type { SeedInput } from "../emulator/index.js";

export const SUPPORT_ADDRESS = "support@northgate.example";
export const MAIL_SECRET = "test-mail-secret-0123456789abcdef0123456789";

/**
 * The agency's seed with email on: Riverside and Glenmore known by their mail domains, a private
 * shared helpdesk for unknown senders, and the client repositories private (email tickets go
 * only into private repositories) except Acme's, which is public.
 */
export function emailSeed(
  agencySeed: (o: { editConfig?: (text: string) => string }) => SeedInput,
): SeedInput {
  const seed = agencySeed({
    editConfig: (text) =>
      text
        .replace(
          "repos: [riverside/tenant-portal]",
          "repos: [riverside/tenant-portal]\n    emailDomains: [riverside-housing.example]",
        )
        .replace(
          "repos: [glenmore/shop]",
          "repos: [glenmore/shop]\n    emailDomains: [glenmore-whisky.example]",
        )
        .replace(
          "repos: [acme/website, acme/intranet]",
          "repos: [acme/website, acme/intranet]\n    emailDomains: [acme-council.example]",
        )
        .replace(/^clients:/m, "ticketRepos: [northgate/helpdesk]\nclients:"),
  });
  return {
    ...seed,
    // Acme's website repository stays public: email for Acme must wait, never be published.
    repos: [
      ...(seed.repos ?? []).map((r) => ({ ...r, private: r.owner !== "acme" })),
      { owner: "northgate", name: "helpdesk", private: true, files: { "README.md": "# Helpdesk\n" } },
    ],
  };
}

/** One raw RFC 5322 message, as a mail server delivers it. */
export function mail(params: {
  readonly from: string;
  readonly to?: string;
  readonly cc?: string;
  readonly subject: string;
  readonly messageId: string;
  readonly inReplyTo?: string;
  readonly text: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly attachment?: { readonly name: string; readonly bytes: number };
}): string {
  const head = [
    `From: ${params.from}`,
    `To: ${params.to ?? SUPPORT_ADDRESS}`,
    ...(params.cc ? [`Cc: ${params.cc}`] : []),
    `Subject: ${params.subject}`,
    `Message-ID: ${params.messageId}`,
    ...(params.inReplyTo ? [`In-Reply-To: ${params.inReplyTo}`, `References: ${params.inReplyTo}`] : []),
    "Date: Wed, 02 Dec 2026 10:00:00 +0000",
    "MIME-Version: 1.0",
    ...Object.entries(params.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
  ];
  if (!params.attachment)
    return [...head, "Content-Type: text/plain; charset=utf-8", "", params.text, ""].join("\r\n");
  const boundary = "firstline-test-boundary";
  const content = Buffer.alloc(params.attachment.bytes, 7).toString("base64").replace(/.{76}/g, "$&\r\n");
  return [
    ...head,
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    "Content-Type: text/plain; charset=utf-8",
    "",
    params.text,
    `--${boundary}`,
    `Content-Type: image/png; name="${params.attachment.name}"`,
    `Content-Disposition: attachment; filename="${params.attachment.name}"`,
    "Content-Transfer-Encoding: base64",
    "",
    content,
    `--${boundary}--`,
    "",
  ].join("\r\n");
}
