import { automaticMailReason } from "./automatic-mail.js";
import type { InboundMessage } from "./inbound-message.js";

/** The slice of configuration that routes email. */
export interface EmailRoutingConfig {
  readonly clients: readonly {
    readonly id: string;
    readonly repos: readonly string[];
    readonly emailDomains: readonly string[];
  }[];
  readonly ticketRepos: readonly string[];
  readonly email: { readonly helpdeskRepo: string | null; readonly ticketsPerSenderPerHour: number };
}

/** What to do with one message of the support mailbox. */
export type MessageRoute =
  | { readonly kind: "ignore"; readonly reason: string }
  | { readonly kind: "reply"; readonly repo: string; readonly number: number }
  | {
      readonly kind: "new-ticket";
      readonly repo: string;
      readonly client: string | null;
      readonly forgedToken: boolean;
    };

/** What the reply token of a message said, checked by the shell (it holds the secret). */
export type TokenCheck =
  | { readonly kind: "none" }
  | { readonly kind: "valid"; readonly repo: string; readonly number: number }
  | { readonly kind: "forged" };

/** The client whose email domains hold the address's domain (a subdomain counts), or null. */
export function clientOfAddress(
  config: Pick<EmailRoutingConfig, "clients">,
  address: string,
): { readonly id: string; readonly repo: string } | null {
  const domain = (address.split("@")[1] ?? "").toLowerCase();
  if (domain === "") return null;
  for (const client of config.clients) {
    const repo = client.repos[0];
    if (repo === undefined) continue;
    if (client.emailDomains.some((d) => domain === d || domain.endsWith(`.${d}`)))
      return { id: client.id, repo };
  }
  return null;
}

/**
 * Routes one message: robots' mail is ignored, a reply with a valid token joins its ticket, and
 * anything else opens a ticket in the client's repository (by the sender's domain) or the
 * helpdesk, while the sender is under the hourly limit. A forged token joins nothing.
 */
export function routeMessage(params: {
  readonly message: Pick<InboundMessage, "from" | "headers" | "subject">;
  readonly config: EmailRoutingConfig;
  readonly token: TokenCheck;
  /** The mailbox's own addresses: mail from them is Firstline's own, come back. */
  readonly ownAddresses: readonly string[];
  /** Email tickets this sender opened in the last hour. */
  readonly openedLastHour: number;
}): MessageRoute {
  const { message, config, token } = params;
  const automatic = automaticMailReason(message);
  if (automatic !== null) return { kind: "ignore", reason: `automatic mail (${automatic})` };
  const from = message.from?.address ?? "";
  const own = params.ownAddresses.map((a) => a.toLowerCase());
  const fromLocal = from.replace(/\+[^@]*@/, "@");
  if (own.includes(from) || own.includes(fromLocal))
    return { kind: "ignore", reason: "sent from the support mailbox itself" };
  if (token.kind === "valid") return { kind: "reply", repo: token.repo, number: token.number };
  if (params.openedLastHour >= config.email.ticketsPerSenderPerHour) {
    return {
      kind: "ignore",
      reason: `the sender opened ${params.openedLastHour} tickets in the last hour (limit ${config.email.ticketsPerSenderPerHour})`,
    };
  }
  const client = clientOfAddress(config, from);
  if (client)
    return { kind: "new-ticket", repo: client.repo, client: client.id, forgedToken: token.kind === "forged" };
  const helpdesk = config.email.helpdeskRepo ?? config.ticketRepos[0];
  if (helpdesk === undefined)
    return {
      kind: "ignore",
      reason: `no client's emailDomains match ${from.split("@")[1] ?? "the sender"}, and there is no helpdesk repository (email.helpdeskRepo or ticketRepos)`,
    };
  return { kind: "new-ticket", repo: helpdesk, client: null, forgedToken: token.kind === "forged" };
}
