import type { TicketSnapshot } from "../ticket/snapshot.js";

/**
 * How long after a ticket is closed a requester's reply reopens it. Past this, her reply is a new
 * matter more often than not (the same thread, months later), so it opens a new ticket that links
 * the old one: its clocks start afresh, and the old ticket's report stays as it was.
 */
export const REOPEN_WITHIN_DAYS = 30;

/** What a requester's email reply does to its ticket. */
export type ReplyTarget =
  | { readonly kind: "append" }
  | { readonly kind: "reopen" }
  | { readonly kind: "new-ticket"; readonly closedAt: number };

/**
 * Where a reply goes: onto an open ticket; onto a ticket closed within `REOPEN_WITHIN_DAYS`, which
 * it reopens; else into a new ticket linked to the old. A reply already on the ticket (a pass that
 * stopped before marking its message handled) only appends, so it never reopens a ticket staff
 * closed after it.
 */
export function replyTarget(params: {
  readonly snapshot: Pick<TicketSnapshot, "state" | "events" | "createdAt">;
  readonly alreadyAppended: boolean;
  readonly now: number;
}): ReplyTarget {
  const { snapshot, now } = params;
  if (snapshot.state === "open" || params.alreadyAppended) return { kind: "append" };
  const closedAt = [...snapshot.events].reverse().find((e) => e.type === "closed")?.at ?? snapshot.createdAt;
  return now - closedAt <= REOPEN_WITHIN_DAYS * 24 * 60 * 60_000
    ? { kind: "reopen" }
    : { kind: "new-ticket", closedAt };
}
