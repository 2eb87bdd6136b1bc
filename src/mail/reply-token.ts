import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/**
 * Reply tokens: `t<number>-<20 hex of an HMAC>` signs one ticket (its repository and number) with
 * FIRSTLINE_MAIL_SECRET. It rides in the reply address (`support+<token>@…`) and in the
 * `Message-ID` of every mail Firstline sends, so a reply finds its ticket by either. Lowercase hex
 * only, since some servers lowercase addresses. Nobody without the secret can make one for
 * another ticket: 80 bits of HMAC-SHA256.
 */
const TOKEN = /^t(\d{1,9})-([0-9a-f]{20})$/;

function mac(secret: string, repo: string, number: number): string {
  return createHmac("sha256", secret)
    .update(`firstline-reply:${repo.toLowerCase()}#${number}`)
    .digest("hex")
    .slice(0, 20);
}

/** The token of one ticket. */
export function replyToken(params: {
  readonly secret: string;
  readonly repo: string;
  readonly number: number;
}): string {
  return `t${params.number}-${mac(params.secret, params.repo, params.number)}`;
}

/** The ticket a token signs, among the repositories Firstline serves; "forged" when it looks like a token and signs none. */
export function verifyReplyToken(params: {
  readonly secret: string;
  readonly token: string;
  readonly repos: readonly string[];
}): { readonly repo: string; readonly number: number } | "forged" {
  const found = TOKEN.exec(params.token.toLowerCase());
  if (!found?.[1] || !found[2]) return "forged";
  const number = Number(found[1]);
  const given = Buffer.from(found[2], "utf8");
  for (const repo of params.repos) {
    if (timingSafeEqual(Buffer.from(mac(params.secret, repo, number), "utf8"), given))
      return { repo, number };
  }
  return "forged";
}

/** The reply address of a ticket: the support address with the token after a `+`. */
export function replyAddress(params: { readonly supportAddress: string; readonly token: string }): string {
  const [local, domain] = params.supportAddress.split("@");
  return `${local}+${params.token}@${domain}`;
}

/** The token in an address sent to the support mailbox (`support+<token>@…`), if any. */
export function tokenInAddress(params: {
  readonly supportAddress: string;
  readonly address: string;
}): string | null {
  const [local, domain] = params.supportAddress.toLowerCase().split("@");
  const match = /^([^@+]+)\+([^@]+)@(.+)$/.exec(params.address.toLowerCase());
  if (!match || match[1] !== local || match[3] !== domain) return null;
  return match[2] ?? null;
}

/** The token in a `Message-ID` Firstline made (`<firstline.<token>.<rest>@host>`), if any. */
export function tokenInMessageId(id: string): string | null {
  return /^<firstline\.(t\d{1,9}-[0-9a-f]{20})\.[^@>]+@[^>]+>$/i.exec(id.trim())?.[1]?.toLowerCase() ?? null;
}

/** A `Message-ID` for a mail about a ticket: carries its token, unique by `unique`. */
export function ticketMessageId(params: {
  readonly token: string;
  readonly unique: string;
  readonly supportAddress: string;
}): string {
  const host = params.supportAddress.split("@")[1] ?? "firstline.invalid";
  return `<firstline.${params.token}.${params.unique.replace(/[^A-Za-z0-9-]/g, "")}@${host}>`;
}

/** A hex SHA-256 digest, for the markers that find a message's ticket and reply again. */
export function digestOf(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
