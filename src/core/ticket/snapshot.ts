import type { TicketEvent, TicketTimeline } from "../sla/ticket-timeline.js";

/** A comment on a ticket as Firstline reads it. */
export interface TicketComment {
  readonly id: number;
  readonly author: string;
  readonly createdAt: number;
  readonly body: string;
}

/** Everything Firstline reads about one ticket, in one GraphQL request (or from a webhook). */
export interface TicketSnapshot {
  readonly repo: string;
  readonly number: number;
  readonly title: string;
  readonly body: string | null;
  readonly author: string;
  readonly state: "open" | "closed";
  readonly createdAt: number;
  readonly labels: readonly string[];
  readonly assignees: readonly string[];
  readonly comments: readonly TicketComment[];
  /** Label, close and reopen events with who did them. */
  readonly events: readonly TicketEvent[];
}

/** The SLA timeline of a snapshot: its opening, its comments and its label, close and reopen events. */
export function timelineOf(snapshot: TicketSnapshot): TicketTimeline {
  const events: TicketEvent[] = [
    { type: "opened", at: snapshot.createdAt, by: snapshot.author },
    ...snapshot.comments.map((c) => ({ type: "commented" as const, at: c.createdAt, by: c.author })),
    ...snapshot.events,
  ];
  return { repo: snapshot.repo, number: snapshot.number, reporter: snapshot.author, events: events.sort((a, b) => a.at - b.at) };
}
