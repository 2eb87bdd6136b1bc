import type { TicketEvent } from "../../src/core/sla/ticket-timeline.js";
import type { TicketAction } from "../../src/core/ticket/actions.js";
import { planNewTicket } from "../../src/core/ticket/plan-new-ticket.js";
import type { TicketComment, TicketSnapshot } from "../../src/core/ticket/snapshot.js";
import { classifyTicket } from "../../src/core/triage/classify.js";
import { local } from "./calendars.js";
import { BOT, ticketConfig, ticketPolicy } from "./ticket-fixtures.js";

/** One step of a ticket's history, at a London wall-clock time `yyyy-MM-dd HH:mm`. */
export type TicketStep =
  | readonly ["labeled" | "unlabeled", string, string, string]
  | readonly ["commented", string, string, string]
  | readonly ["closed" | "reopened", string, string]
  | readonly ["edited", string, string, string];

/** What a ticket looks like when it is opened (before triage). */
export interface TicketOpening {
  readonly repo?: string;
  readonly title?: string;
  readonly body?: string | null;
  readonly author?: string;
  /** London wall-clock time `yyyy-MM-dd HH:mm`. */
  readonly opened: string;
}

/** A ticket opened by `author` (default pat) with nothing on it yet. */
export function bareTicket(opening: TicketOpening): TicketSnapshot {
  return {
    repo: opening.repo ?? "riverside/portal",
    number: 7,
    title: opening.title ?? "Opening hours",
    body: opening.body === undefined ? "Please update the opening hours on the contact page." : opening.body,
    author: opening.author ?? "pat",
    state: "open",
    createdAt: local(opening.opened),
    labels: [],
    assignees: [],
    comments: [],
    events: [],
  };
}

/** The snapshot after more happened: comments (by anyone), label events, close, reopen, body edits. */
export function addSteps(snapshot: TicketSnapshot, steps: readonly TicketStep[]): TicketSnapshot {
  const labels = [...snapshot.labels];
  const comments: TicketComment[] = [...snapshot.comments];
  const events: TicketEvent[] = [...snapshot.events];
  let { state, body } = snapshot;
  for (const step of steps) {
    const at = local(step[1]);
    switch (step[0]) {
      case "commented":
        comments.push({ id: 1000 + comments.length, author: step[2], createdAt: at, body: step[3] });
        break;
      case "edited":
        body = step[3];
        break;
      case "labeled":
      case "unlabeled": {
        events.push({ type: step[0], at, by: step[2], label: step[3] });
        const index = labels.indexOf(step[3]);
        if (step[0] === "labeled" && index < 0) labels.push(step[3]);
        if (step[0] === "unlabeled" && index >= 0) labels.splice(index, 1);
        break;
      }
      case "closed":
      case "reopened":
        events.push({ type: step[0], at, by: step[2] });
        state = step[0] === "closed" ? "closed" : "open";
        break;
    }
  }
  return { ...snapshot, body, state, labels, comments, events };
}

/**
 * A ticket as it stands just after Firstline triaged it on opening (labels a person set at opening
 * first, then the bot's labels and card), followed by the later `steps`.
 */
export function openedTicket(
  opening: TicketOpening & { readonly labels?: readonly string[]; readonly steps?: readonly TicketStep[] },
): TicketSnapshot {
  const bare = bareTicket(opening);
  const withTemplate = addSteps(
    bare,
    (opening.labels ?? []).map((label) => ["labeled", opening.opened, bare.author, label] as const),
  );
  const decision = classifyTicket({
    config: ticketConfig,
    issue: { repo: bare.repo, title: bare.title, body: bare.body, isPullRequest: false },
  });
  const actions = planNewTicket({
    decision,
    policy: ticketPolicy,
    issue: {
      repo: bare.repo,
      number: bare.number,
      author: bare.author,
      createdAt: bare.createdAt,
      labels: withTemplate.labels,
    },
    now: bare.createdAt,
  });
  return addSteps(applyActions(withTemplate, actions, bare.createdAt), opening.steps ?? []);
}

/** The snapshot after GitHub carried out the actions at `at` (epoch ms), as Firstline's bot. */
export function applyActions(
  snapshot: TicketSnapshot,
  actions: readonly TicketAction[],
  at: number,
): TicketSnapshot {
  let { labels, comments, events, assignees } = snapshot;
  let nextId = Math.max(5000, ...comments.map((c) => c.id)) + 1;
  for (const action of actions) {
    switch (action.kind) {
      case "add-labels":
        labels = [...labels, ...action.labels.filter((l) => !labels.includes(l))];
        events = [
          ...events,
          ...action.labels.map((label) => ({ type: "labeled" as const, at, by: BOT, label })),
        ];
        break;
      case "remove-labels":
        labels = labels.filter((l) => !action.labels.includes(l));
        events = [
          ...events,
          ...action.labels.map((label) => ({ type: "unlabeled" as const, at, by: BOT, label })),
        ];
        break;
      case "create-comment":
        comments = [...comments, { id: nextId++, author: BOT, createdAt: at, body: action.body }];
        break;
      case "update-comment":
        comments = comments.map((c) => (c.id === action.commentId ? { ...c, body: action.body } : c));
        break;
      case "assign":
        assignees = [...assignees, ...action.logins.filter((l) => !assignees.includes(l))];
        break;
      case "unassign":
        assignees = assignees.filter((l) => !action.logins.includes(l));
        break;
      case "react":
        break;
    }
  }
  return { ...snapshot, labels, comments, events, assignees };
}

/** The bodies of the comments an action list creates. */
export function createdComments(actions: readonly TicketAction[]): string[] {
  return actions.flatMap((a) => (a.kind === "create-comment" ? [a.body] : []));
}

/** The actions of one kind. */
export function actionsOf<K extends TicketAction["kind"]>(
  actions: readonly TicketAction[],
  kind: K,
): Extract<TicketAction, { kind: K }>[] {
  return actions.filter((a): a is Extract<TicketAction, { kind: K }> => a.kind === kind);
}

/** The card comment Firstline's bot posted, if any. */
export function botCard(snapshot: TicketSnapshot): TicketComment | undefined {
  return snapshot.comments.find((c) => c.author === BOT && c.body.includes("<!-- firstline:card -->"));
}
