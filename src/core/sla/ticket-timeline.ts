import { clientOfLabel, DEFAULT_PRIORITY, priorityOfLabel, type Priority } from "../labels.js";

/** One thing that happened to a ticket, as the SLA engine needs it. Times are epoch milliseconds. */
export type TicketEvent =
  | {
      readonly type: "opened" | "commented" | "closed" | "reopened";
      readonly at: number;
      readonly by: string;
    }
  | {
      readonly type: "labeled" | "unlabeled";
      readonly at: number;
      readonly by: string;
      readonly label: string;
    };

/** A ticket's history: the only truth SLA state is computed from. */
export interface TicketTimeline {
  readonly repo: string;
  readonly number: number;
  readonly reporter: string;
  readonly events: readonly TicketEvent[];
}

/** A cycle of a ticket: from opening (or reopening) to closing. */
export interface Cycle {
  readonly index: number;
  readonly start: number;
  readonly end: number | null;
}

/** A stretch of time during which the ticket was paused; `to` is null while it still is. */
export interface Pause {
  readonly from: number;
  readonly to: number | null;
  readonly labels: readonly string[];
}

/** The priority in force from an instant on. */
export interface PriorityChange {
  readonly at: number;
  readonly priority: Priority;
  readonly by: string;
}

export interface Comment {
  readonly at: number;
  readonly by: string;
}

/** What the SLA engine reads off a timeline at an instant. */
export interface TimelineFacts {
  readonly cycles: readonly Cycle[];
  readonly pauses: readonly Pause[];
  readonly priorities: readonly PriorityChange[];
  readonly comments: readonly Comment[];
  readonly labelsNow: ReadonlySet<string>;
  readonly clientLabel: string | undefined;
  readonly priorityNow: Priority;
}

/**
 * Reads cycles, pauses, priority changes and comments off a timeline, ignoring anything after
 * `now`. A pause lasts while any pause label is on the issue, so moving from one pause label to
 * another neither ends it nor counts it twice.
 */
export function readTimeline(params: {
  readonly timeline: TicketTimeline;
  readonly now: number;
  readonly pauseLabels: ReadonlySet<string>;
}): TimelineFacts {
  const { timeline, now } = params;
  // Label names are compared without case, as GitHub does.
  const pauseLabels = new Set([...params.pauseLabels].map((l) => l.toLowerCase()));
  const events = timeline.events.filter((event) => event.at <= now).sort((a, b) => a.at - b.at);
  const cycles: Cycle[] = [];
  const pauses: Pause[] = [];
  const priorities: PriorityChange[] = [];
  const comments: Comment[] = [];
  const labels = new Map<string, number>();
  let open: { index: number; start: number } | undefined;
  let pause: { from: number; labels: Set<string> } | undefined;
  let current: Priority | undefined;

  const currentPriority = (): Priority => {
    let best: { at: number; priority: Priority } | undefined;
    for (const [label, at] of labels) {
      const priority = priorityOfLabel(label);
      if (priority && (!best || at >= best.at)) best = { at, priority };
    }
    return best?.priority ?? DEFAULT_PRIORITY;
  };

  for (const event of events) {
    switch (event.type) {
      case "opened":
      case "reopened":
        if (!open) open = { index: cycles.length + 1, start: event.at };
        break;
      case "closed":
        if (open) {
          cycles.push({ index: open.index, start: open.start, end: event.at });
          open = undefined;
        }
        break;
      case "commented":
        comments.push({ at: event.at, by: event.by });
        break;
      case "labeled":
        labels.set(event.label.toLowerCase(), event.at);
        break;
      case "unlabeled":
        labels.delete(event.label.toLowerCase());
        break;
    }
    const paused = [...labels.keys()].filter((label) => pauseLabels.has(label));
    if (paused.length > 0 && !pause) pause = { from: event.at, labels: new Set(paused) };
    else if (paused.length > 0 && pause) paused.forEach((label) => pause?.labels.add(label));
    else if (paused.length === 0 && pause) {
      pauses.push({ from: pause.from, to: event.at, labels: [...pause.labels] });
      pause = undefined;
    }
    const priority = currentPriority();
    if (priority !== current) {
      priorities.push({ at: event.at, priority, by: event.by });
      current = priority;
    }
  }
  if (open) cycles.push({ index: open.index, start: open.start, end: null });
  if (pause) pauses.push({ from: pause.from, to: null, labels: [...pause.labels] });
  if (priorities.length === 0)
    priorities.push({ at: events[0]?.at ?? now, priority: DEFAULT_PRIORITY, by: "" });
  let clientLabel: string | undefined;
  let clientAt = -Infinity;
  for (const [label, at] of labels) {
    const id = clientOfLabel(label);
    if (id !== undefined && at >= clientAt) {
      clientLabel = id;
      clientAt = at;
    }
  }
  return {
    cycles,
    pauses,
    priorities,
    comments,
    labelsNow: new Set(labels.keys()),
    clientLabel,
    priorityNow: currentPriority(),
  };
}

/** The priority in force at an instant. */
export function priorityAt(priorities: readonly PriorityChange[], at: number): Priority {
  let result = priorities[0]?.priority ?? DEFAULT_PRIORITY;
  for (const change of priorities) {
    if (change.at <= at) result = change.priority;
    else break;
  }
  return result;
}
