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

/** Whether a comment holds nothing but slash commands: an instruction to Firstline, not a reply. */
export function isCommandOnly(body: string): boolean {
  const lines = body.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "");
  return lines.length > 0 && lines.every((l) => /^\/[a-z-]+(\s|$)/.test(l));
}

/**
 * The SLA timeline of a snapshot: its opening, its comments and its label, close and reopen
 * events. A comment of slash commands alone is left out: `/priority P2` is triage, not a response.
 */
export function timelineOf(snapshot: TicketSnapshot): TicketTimeline {
  const events: TicketEvent[] = [
    { type: "opened", at: snapshot.createdAt, by: snapshot.author },
    ...snapshot.comments.filter((c) => !isCommandOnly(c.body)).map((c) => ({ type: "commented" as const, at: c.createdAt, by: c.author })),
    ...snapshot.events,
  ];
  return { repo: snapshot.repo, number: snapshot.number, reporter: snapshot.author, events: events.sort((a, b) => a.at - b.at) };
}

/** The snapshot as it will be once labels are removed (and added) at an instant. */
export function withLabelEvents(params: {
  readonly snapshot: TicketSnapshot;
  readonly add?: readonly string[];
  readonly remove?: readonly string[];
  readonly at: number;
  readonly by: string;
}): TicketSnapshot {
  const { snapshot, at, by } = params;
  const add = (params.add ?? []).filter((l) => !snapshot.labels.includes(l));
  const remove = (params.remove ?? []).filter((l) => snapshot.labels.includes(l));
  if (add.length === 0 && remove.length === 0) return snapshot;
  return {
    ...snapshot,
    labels: [...snapshot.labels.filter((l) => !remove.includes(l)), ...add],
    events: [
      ...snapshot.events,
      ...remove.map((label) => ({ type: "unlabeled" as const, at, by, label })),
      ...add.map((label) => ({ type: "labeled" as const, at, by, label })),
    ],
  };
}
