import type { TicketEvent } from "../core/sla/ticket-timeline.js";
import type { TicketSnapshot } from "../core/ticket/snapshot.js";
import { withEmailRequester } from "../core/email-tickets/requester.js";
import { splitRepo, type GitHubTransport } from "./transport.js";

const COMMENT_FIELDS = "databaseId createdAt lastEditedAt body author { __typename login }";
const TIMELINE_TYPES = "itemTypes: [LABELED_EVENT, UNLABELED_EVENT, CLOSED_EVENT, REOPENED_EVENT]";
const TIMELINE_FIELDS = `__typename
      ... on LabeledEvent { createdAt actor { __typename login } label { name } }
      ... on UnlabeledEvent { createdAt actor { __typename login } label { name } }
      ... on ClosedEvent { createdAt actor { __typename login } }
      ... on ReopenedEvent { createdAt actor { __typename login } }`;

/**
 * The fields of an issue Firstline reads, as one GraphQL fragment shared by the app and the sweep:
 * the first hundred of each list, with where to read on (`completeTicketNode` reads the rest).
 */
export const TICKET_FIELDS = `
fragment TicketFields on Issue {
  number title body state createdAt
  author { __typename login }
  repository { nameWithOwner }
  labels(first: 100) { pageInfo { hasNextPage endCursor } nodes { name } }
  assignees(first: 100) { nodes { login } }
  comments(first: 100) { totalCount pageInfo { hasNextPage endCursor } nodes { ${COMMENT_FIELDS} } }
  timelineItems(first: 100, ${TIMELINE_TYPES}) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      ${TIMELINE_FIELDS}
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
  readonly labels: Page<{ readonly name: string }>;
  readonly assignees: { readonly nodes: readonly { readonly login: string }[] };
  readonly comments: Page<CommentNode>;
  readonly timelineItems: Page<TimelineNode>;
}

/** Where a list stops and how to read on, as GitHub's connections say. */
interface PageInfo {
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

/** One page of a GitHub connection; `pageInfo` is absent only in hand-made nodes (tests). */
interface Page<T> {
  readonly pageInfo?: PageInfo;
  readonly nodes: readonly T[];
}

interface CommentNode {
  readonly databaseId: number;
  readonly createdAt: string;
  readonly lastEditedAt?: string | null;
  readonly body: string;
  readonly author: Actor | null;
}

interface TimelineNode {
  readonly __typename: string;
  readonly createdAt?: string;
  readonly actor?: Actor | null;
  readonly label?: { readonly name: string };
}

/** No ticket is read past this many pages of one list (10,000 comments or events). */
const MAX_EXTRA_PAGES = 100;

/** How many tickets one follow-up request reads on (each up to 100 comments, events and labels). */
const TICKETS_PER_FOLLOW_UP = 10;

interface RestOfLists {
  readonly comments?: Page<CommentNode>;
  readonly timelineItems?: Page<TimelineNode>;
  readonly labels?: Page<{ readonly name: string }>;
}

/** Whether any list of a node goes on past its first page. */
export function isTicketNodeComplete(node: TicketNode): boolean {
  return (
    !node.comments.pageInfo?.hasNextPage &&
    !node.timelineItems.pageInfo?.hasNextPage &&
    !node.labels.pageInfo?.hasNextPage
  );
}

/** One ticket being read on: what is read so far and where each list goes on. */
interface Reading {
  readonly node: TicketNode;
  readonly comments: CommentNode[];
  readonly events: TimelineNode[];
  readonly labels: { readonly name: string }[];
  next: { comments?: PageInfo | undefined; events?: PageInfo | undefined; labels?: PageInfo | undefined };
}

const wants = (reading: Reading) =>
  Boolean(
    reading.next.comments?.hasNextPage ||
    reading.next.events?.hasNextPage ||
    reading.next.labels?.hasNextPage,
  );

/** One GraphQL request reading the next page of each unfinished list of several tickets, by alias. */
function followUpQuery(readings: readonly Reading[]): { query: string; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {};
  const declarations: string[] = [];
  const parts = readings.map((reading, i) => {
    const { owner, repo } = splitRepo(reading.node.repository.nameWithOwner);
    Object.assign(variables, { [`o${i}`]: owner, [`n${i}`]: repo, [`i${i}`]: reading.node.number });
    declarations.push(`$o${i}: String!`, `$n${i}: String!`, `$i${i}: Int!`);
    const lists: string[] = [];
    if (reading.next.comments?.hasNextPage) {
      variables[`c${i}`] = reading.next.comments.endCursor;
      declarations.push(`$c${i}: String`);
      lists.push(
        `comments(first: 100, after: $c${i}) { pageInfo { hasNextPage endCursor } nodes { ${COMMENT_FIELDS} } }`,
      );
    }
    if (reading.next.events?.hasNextPage) {
      variables[`e${i}`] = reading.next.events.endCursor;
      declarations.push(`$e${i}: String`);
      lists.push(
        `timelineItems(first: 100, after: $e${i}, ${TIMELINE_TYPES}) { pageInfo { hasNextPage endCursor } nodes { ${TIMELINE_FIELDS} } }`,
      );
    }
    if (reading.next.labels?.hasNextPage) {
      variables[`l${i}`] = reading.next.labels.endCursor;
      declarations.push(`$l${i}: String`);
      lists.push(`labels(first: 100, after: $l${i}) { pageInfo { hasNextPage endCursor } nodes { name } }`);
    }
    return `t${i}: repository(owner: $o${i}, name: $n${i}) { issue(number: $i${i}) { ${lists.join(" ")} } }`;
  });
  return {
    query: `query FirstlineTicketLists(${declarations.join(", ")}) {\n  ${parts.join("\n  ")}\n}`,
    variables,
  };
}

/**
 * Reads the rest of tickets' comments, label and close events and labels where they go past the
 * first hundred: a client who posts 150 comments must not hide the staff reply after them. Ten
 * tickets a request, every unfinished list at once, so the few long tickets of a sweep cost a
 * request or two between them; nothing is cut off silently.
 */
export async function completeTicketNodes(
  gh: GitHubTransport,
  nodes: readonly TicketNode[],
): Promise<TicketNode[]> {
  const readings = new Map<TicketNode, Reading>();
  for (const node of nodes) {
    if (isTicketNodeComplete(node)) continue;
    readings.set(node, {
      node,
      comments: [...node.comments.nodes],
      events: [...node.timelineItems.nodes],
      labels: [...node.labels.nodes],
      next: {
        comments: node.comments.pageInfo,
        events: node.timelineItems.pageInfo,
        labels: node.labels.pageInfo,
      },
    });
  }
  for (let round = 0; round < MAX_EXTRA_PAGES; round++) {
    const open = [...readings.values()].filter(wants);
    if (open.length === 0) break;
    for (let from = 0; from < open.length; from += TICKETS_PER_FOLLOW_UP) {
      const batch = open.slice(from, from + TICKETS_PER_FOLLOW_UP);
      const { query, variables } = followUpQuery(batch);
      const result = await gh.graphql<Record<string, { readonly issue: RestOfLists | null } | null>>(
        query,
        variables,
      );
      batch.forEach((reading, i) => {
        const issue = result[`t${i}`]?.issue;
        if (!issue)
          throw new Error(
            `${reading.node.repository.nameWithOwner}#${reading.node.number} could not be read to the end`,
          );
        if (issue.comments) reading.comments.push(...issue.comments.nodes);
        if (issue.timelineItems) reading.events.push(...issue.timelineItems.nodes);
        if (issue.labels) reading.labels.push(...issue.labels.nodes);
        reading.next = {
          comments: issue.comments?.pageInfo,
          events: issue.timelineItems?.pageInfo,
          labels: issue.labels?.pageInfo,
        };
      });
    }
  }
  const unfinished = [...readings.values()].find(wants);
  if (unfinished) {
    throw new Error(
      `${unfinished.node.repository.nameWithOwner}#${unfinished.node.number} has more than ${(MAX_EXTRA_PAGES + 1) * 100} comments or events: not read in part`,
    );
  }
  return nodes.map((node) => {
    const reading = readings.get(node);
    return reading
      ? {
          ...node,
          comments: { nodes: reading.comments },
          timelineItems: { nodes: reading.events },
          labels: { nodes: reading.labels },
        }
      : node;
  });
}

/** One ticket read to the end (see `completeTicketNodes`). */
export async function completeTicketNode(gh: GitHubTransport, node: TicketNode): Promise<TicketNode> {
  const [complete = node] = await completeTicketNodes(gh, [node]);
  return complete;
}

/** GraphQL names a bot by its slug; REST and webhooks add `[bot]`. Firstline always uses the latter. */
export function loginOf(actor: Actor | null | undefined): string {
  if (!actor) return "ghost";
  return actor.__typename === "Bot" && !actor.login.endsWith("[bot]") ? `${actor.login}[bot]` : actor.login;
}

/**
 * Turns the GraphQL node into the snapshot the core reads. `botLogin` is Firstline's own login:
 * only issues it opened are read as email tickets (null: none is).
 */
export function snapshotFromNode(node: TicketNode, botLogin: string | null): TicketSnapshot {
  const events: TicketEvent[] = [];
  for (const item of node.timelineItems.nodes) {
    if (!item.createdAt) continue;
    const at = Date.parse(item.createdAt);
    const by = loginOf(item.actor);
    if ((item.__typename === "LabeledEvent" || item.__typename === "UnlabeledEvent") && item.label) {
      events.push({
        type: item.__typename === "LabeledEvent" ? "labeled" : "unlabeled",
        at,
        by,
        label: item.label.name,
      });
    } else if (item.__typename === "ClosedEvent") events.push({ type: "closed", at, by });
    else if (item.__typename === "ReopenedEvent") events.push({ type: "reopened", at, by });
  }
  // An email ticket's reporter is the person who wrote in, not the app that opened the issue.
  return withEmailRequester({
    botLogin,
    snapshot: {
      repo: node.repository.nameWithOwner,
      number: node.number,
      title: node.title,
      body: node.body,
      author: loginOf(node.author),
      state: node.state === "OPEN" ? "open" : "closed",
      createdAt: Date.parse(node.createdAt),
      labels: node.labels.nodes.map((l) => l.name),
      assignees: node.assignees.nodes.map((a) => a.login),
      comments: node.comments.nodes.map((c) => ({
        id: c.databaseId,
        author: loginOf(c.author),
        createdAt: Date.parse(c.createdAt),
        body: c.body,
        ...(c.lastEditedAt ? { editedAt: Date.parse(c.lastEditedAt) } : {}),
      })),
      events,
    },
  });
}

/** Reads one ticket in a single GraphQL request. */
export async function fetchTicket(params: {
  readonly gh: GitHubTransport;
  readonly repo: string;
  readonly number: number;
  /** Firstline's own login: only issues it opened are read as email tickets (null: none is). */
  readonly botLogin: string | null;
}): Promise<TicketSnapshot | null> {
  const { owner, repo } = splitRepo(params.repo);
  const result = await params.gh.graphql<{ repository: { issue: TicketNode | null } | null }>(
    `query FirstlineTicket($owner: String!, $name: String!, $number: Int!) {
      repository(owner: $owner, name: $name) { issue(number: $number) { ...TicketFields } }
    }
    ${TICKET_FIELDS}`,
    { owner, name: repo, number: params.number },
  );
  const node = result.repository?.issue;
  return node ? snapshotFromNode(await completeTicketNode(params.gh, node), params.botLogin) : null;
}
