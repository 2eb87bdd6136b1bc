import { isSteeringLabel } from "../labels.js";
import type { SlaPolicy } from "../sla/policy.js";
import type { TicketEvent, TicketTimeline } from "../sla/ticket-timeline.js";
import { isCommandOnly, parseCommands } from "./command-lines.js";

export { isCommandOnly } from "./command-lines.js";

/** A comment on a ticket as Firstline reads it. */
export interface TicketComment {
  readonly id: number;
  readonly author: string;
  readonly createdAt: number;
  readonly body: string;
  /** When the comment was last edited, if it was. */
  readonly editedAt?: number | undefined;
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

/** Who may steer a ticket's clocks: staff, and Firstline itself. */
export interface TimelineTrust {
  readonly policy: Pick<SlaPolicy, "isStaff" | "pauseLabels">;
  readonly botLogin: string;
}

/** Whether a label event counts for the clocks: any label by anyone, but a steering label only by staff or Firstline. */
function countsForClocks(event: TicketEvent, trust: TimelineTrust): boolean {
  if (event.type !== "labeled" && event.type !== "unlabeled") return true;
  if (!isSteeringLabel(event.label, trust.policy.pauseLabels)) return true;
  return event.by.toLowerCase() === trust.botLogin.toLowerCase() || trust.policy.isStaff(event.by);
}

/**
 * When a comment counts as written: its posting, except a comment that held commands and was
 * edited later, which counts from the edit (a command turned into a reply is a reply from then).
 */
function respondedAt(comment: TicketComment): number {
  if (
    comment.editedAt !== undefined &&
    comment.editedAt > comment.createdAt &&
    parseCommands(comment.body).length > 0
  )
    return comment.editedAt;
  return comment.createdAt;
}

/**
 * The SLA timeline of a snapshot: its opening, its comments and its label, close and reopen
 * events. A comment of slash commands alone is left out: `/priority P2` is triage, not a response.
 * A label that steers the clocks (priority, client, type, chargeable, pause) counts only when staff
 * or Firstline set or removed it: a client who labels her own ticket P1 changes nothing.
 */
export function timelineOf(params: { readonly snapshot: TicketSnapshot } & TimelineTrust): TicketTimeline {
  const { snapshot } = params;
  const events: TicketEvent[] = [
    { type: "opened", at: snapshot.createdAt, by: snapshot.author },
    ...snapshot.comments
      .filter((c) => !isCommandOnly(c.body))
      .map((c) => ({ type: "commented" as const, at: respondedAt(c), by: c.author })),
    ...snapshot.events.filter((e) => countsForClocks(e, params)),
  ];
  return {
    repo: snapshot.repo,
    number: snapshot.number,
    reporter: snapshot.author,
    events: events.sort((a, b) => a.at - b.at),
  };
}

/**
 * Steering labels someone other than staff or Firstline changed, and how to put them back: the
 * labels the clocks count, against the labels on the issue.
 */
export function untrustedLabelChanges(params: { readonly snapshot: TicketSnapshot } & TimelineTrust): {
  readonly add: string[];
  readonly remove: string[];
  readonly by: string[];
} {
  const { snapshot } = params;
  // Per label: whether staff or Firstline last left it on, and whether someone else touched it since.
  const labels = new Map<
    string,
    { name: string; trustedOn: boolean; untrusted: "labeled" | "unlabeled" | null }
  >();
  const by = new Set<string>();
  for (const event of [...snapshot.events].sort((a, b) => a.at - b.at)) {
    if (event.type !== "labeled" && event.type !== "unlabeled") continue;
    if (!isSteeringLabel(event.label, params.policy.pauseLabels)) continue;
    const key = event.label.toLowerCase();
    const entry = labels.get(key) ?? { name: event.label, trustedOn: false, untrusted: null };
    if (countsForClocks(event, params)) {
      labels.set(key, { name: event.label, trustedOn: event.type === "labeled", untrusted: null });
    } else {
      by.add(event.by);
      labels.set(key, { ...entry, untrusted: event.type });
    }
  }
  const on = new Set(snapshot.labels.map((l) => l.toLowerCase()));
  const add: string[] = [];
  const remove: string[] = [];
  for (const [key, entry] of labels) {
    if (entry.untrusted === "labeled" && !entry.trustedOn && on.has(key))
      remove.push(snapshot.labels.find((l) => l.toLowerCase() === key) ?? entry.name);
    if (entry.untrusted === "unlabeled" && entry.trustedOn && !on.has(key)) add.push(entry.name);
  }
  return { add, remove, by: add.length + remove.length > 0 ? [...by] : [] };
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
