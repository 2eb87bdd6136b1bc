import { lastPageAt } from "../alerts/alert-issue.js";
import { marker, markerKeysIn, pageAckKey, parsePageAckKey } from "../markers.js";
import { quoteInline } from "../markdown/safe-text.js";
import { formatLocal } from "../time/format.js";
import type { TicketAction } from "../ticket/actions.js";
import type { TicketSnapshot } from "../ticket/snapshot.js";

/** Whether the last page of an issue was already acknowledged by a pager or `/ack` (Firstline's note). */
export function pageAcknowledged(params: {
  readonly snapshot: TicketSnapshot;
  readonly botLogin: string;
}): boolean {
  const pagedAt = lastPage(params);
  if (pagedAt === null) return false;
  const bot = params.botLogin.toLowerCase();
  return params.snapshot.comments.some(
    (c) =>
      c.author.toLowerCase() === bot &&
      c.createdAt >= pagedAt &&
      markerKeysIn(c.body).some((key) => parsePageAckKey(key) !== null),
  );
}

/** When the issue was last paged, or null. */
export function lastPage(params: {
  readonly snapshot: TicketSnapshot;
  readonly botLogin: string;
}): number | null {
  const { snapshot, botLogin } = params;
  return lastPageAt({
    issue: {
      repo: snapshot.repo,
      number: snapshot.number,
      state: snapshot.state,
      author: snapshot.author,
      body: snapshot.body ?? "",
      createdAt: snapshot.createdAt,
      comments: snapshot.comments,
    },
    botLogin,
  });
}

/**
 * The note that a page was acknowledged, at a pager or with `/ack`: who and when, with the marker
 * that stops the escalation. Null when the issue has no page, or its last page is already
 * acknowledged (a redelivered webhook, a second `/ack`): the same acknowledgement never acts twice.
 */
export function planPageAcknowledgement(params: {
  readonly snapshot: TicketSnapshot;
  readonly botLogin: string;
  /** Where: "PagerDuty", "Opsgenie", "the pager webhook", or null for `/ack` on the issue. */
  readonly via: string | null;
  readonly kind: "acknowledge" | "resolve";
  /** The GitHub login, when known. */
  readonly login: string | null;
  /** The name the pager gave, when the login is not known. */
  readonly name: string | null;
  readonly at: number;
  readonly zone: string;
}): TicketAction | null {
  const { snapshot, botLogin, via, login, name, at, zone } = params;
  if (lastPage({ snapshot, botLogin }) === null || pageAcknowledged({ snapshot, botLogin })) return null;
  const who = login ?? (name ? quoteInline(name, 100) : "someone");
  const verb = params.kind === "resolve" ? "resolved" : "acknowledged";
  const where = via ? ` at ${via}` : " with `/ack`";
  const stop = "The escalation stops here.";
  return {
    kind: "create-comment",
    body: `${marker(pageAckKey({ login, how: via ? "pager" : "command" }))}\n**Page ${verb}**${where} by ${who}, ${formatLocal(at, zone)}. ${stop}`,
    why: `page ${verb}`,
  };
}
