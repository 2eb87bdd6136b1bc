import type { TicketEvent } from "../core/sla/ticket-timeline.js";
import type { TicketSnapshot } from "../core/ticket/snapshot.js";
import { splitRepo, type GitHubTransport } from "./transport.js";

/** The fields of an issue Firstline reads, as one GraphQL fragment shared by the app and the sweep. */
export const TICKET_FIELDS = `
fragment TicketFields on Issue {
  number title body state createdAt
  author { __typename login }
  repository { nameWithOwner }
  labels(first: 100) { nodes { name } }
  assignees(first: 20) { nodes { login } }
  comments(first: 100) { totalCount nodes { databaseId createdAt body author { __typename login } } }
  timelineItems(first: 100, itemTypes: [LABELED_EVENT, UNLABELED_EVENT, CLOSED_EVENT, REOPENED_EVENT]) {
    totalCount
    nodes {
      __typename
      ... on LabeledEvent { createdAt actor { __typename login } label { name } }
      ... on UnlabeledEvent { createdAt actor { __typename login } label { name } }
      ... on ClosedEvent { createdAt actor { __typename login } }
      ... on ReopenedEvent { createdAt actor { __typename login } }
    }
  }
}`;

interface Actor {
  readonly __typename?: string;
  readonly login: string;
}

/** An issue as the GraphQL fragment returns it. */
export interface TicketNode {
  readonly number: number;
  readonly title: string;
  readonly body: string | null;
  readonly state: "OPEN" | "CLOSED";
  readonly createdAt: string;
  readonly author: Actor | null;
  readonly repository: { readonly nameWithOwner: string };
  readonly labels: { readonly nodes: readonly { readonly name: string }[] };
  readonly assignees: { readonly nodes: readonly { readonly login: string }[] };
  readonly comments: { readonly nodes: readonly { readonly databaseId: number; readonly createdAt: string; readonly body: string; readonly author: Actor | null }[] };
  readonly timelineItems: {
    readonly nodes: readonly {
      readonly __typename: string;
      readonly createdAt?: string;
      readonly actor?: Actor | null;
      readonly label?: { readonly name: string };
    }[];
  };
}

/** GraphQL names a bot by its slug; REST and webhooks add `[bot]`. Firstline always uses the latter. */
export function loginOf(actor: Actor | null | undefined): string {
  if (!actor) return "ghost";
  return actor.__typename === "Bot" && !actor.login.endsWith("[bot]") ? `${actor.login}[bot]` : actor.login;
}

/** Turns the GraphQL node into the snapshot the core reads. */
export function snapshotFromNode(node: TicketNode): TicketSnapshot {
  const events: TicketEvent[] = [];
  for (const item of node.timelineItems.nodes) {
    if (!item.createdAt) continue;
    const at = Date.parse(item.createdAt);
    const by = loginOf(item.actor);
    if ((item.__typename === "LabeledEvent" || item.__typename === "UnlabeledEvent") && item.label) {
      events.push({ type: item.__typename === "LabeledEvent" ? "labeled" : "unlabeled", at, by, label: item.label.name });
    } else if (item.__typename === "ClosedEvent") events.push({ type: "closed", at, by });
    else if (item.__typename === "ReopenedEvent") events.push({ type: "reopened", at, by });
  }
  return {
    repo: node.repository.nameWithOwner,
    number: node.number,
    title: node.title,
    body: node.body,
    author: loginOf(node.author),
    state: node.state === "OPEN" ? "open" : "closed",
    createdAt: Date.parse(node.createdAt),
    labels: node.labels.nodes.map((l) => l.name),
    assignees: node.assignees.nodes.map((a) => a.login),
    comments: node.comments.nodes.map((c) => ({ id: c.databaseId, author: loginOf(c.author), createdAt: Date.parse(c.createdAt), body: c.body })),
    events,
  };
}

/** Reads one ticket in a single GraphQL request. */
export async function fetchTicket(params: { readonly gh: GitHubTransport; readonly repo: string; readonly number: number }): Promise<TicketSnapshot | null> {
  const { owner, repo } = splitRepo(params.repo);
  const result = await params.gh.graphql<{ repository: { issue: TicketNode | null } | null }>(
    `query FirstlineTicket($owner: String!, $name: String!, $number: Int!) {
      repository(owner: $owner, name: $name) { issue(number: $number) { ...TicketFields } }
    }
    ${TICKET_FIELDS}`,
    { owner, name: repo, number: params.number },
  );
  const node = result.repository?.issue;
  return node ? snapshotFromNode(node) : null;
}
