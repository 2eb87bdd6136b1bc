import type { KnownItem } from "../core/project/plan-project-sync.js";
import { PROJECT_QUERY } from "./project-queries.js";
import type { GitHubTransport } from "./transport.js";
import { draftTicketKey, marker, markerKeysIn, parseDraftTicketKey } from "../core/markers.js";

/** A field of the Project as read. */
export interface ProjectField {
  readonly id: string;
  readonly name: string;
  readonly dataType: string;
  /** A single-select field's option ids by name. */
  readonly options: ReadonlyMap<string, string>;
}

/** The Project as one sweep read it. */
export interface ProjectState {
  readonly projectId: string;
  readonly fields: Map<string, ProjectField>;
  readonly items: KnownItem[];
  /** Requests it took to read. */
  readonly requests: number;
}

interface FieldNode {
  readonly __typename: string;
  readonly id?: string;
  readonly name?: string;
  readonly dataType?: string;
  readonly options?: readonly { readonly id: string; readonly name: string }[];
}

/** An item node as the Project query and the add mutation return it. */
export interface ItemNode {
  readonly id: string;
  readonly isArchived: boolean;
  readonly content: {
    readonly __typename: string;
    readonly number?: number;
    readonly state?: string;
    readonly repository?: { readonly nameWithOwner: string };
    readonly body?: string;
  } | null;
  readonly fieldValues: {
    readonly nodes: readonly ({
      readonly __typename: string;
      readonly text?: string | null;
      readonly date?: string | null;
      readonly name?: string | null;
      readonly field?: { readonly name?: string };
    } | null)[];
  };
}

interface ProjectPage {
  readonly organization: {
    readonly projectV2: {
      readonly id: string;
      readonly fields: { readonly nodes: readonly (FieldNode | null)[] };
      readonly items: {
        readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
        readonly nodes: readonly (ItemNode | null)[];
      };
    } | null;
  } | null;
}

/** A field node as read, if it is one Firstline can use. */
export function fieldOf(node: FieldNode | null): ProjectField | undefined {
  if (!node?.id || !node.name || !node.dataType) return undefined;
  return {
    id: node.id,
    name: node.name,
    dataType: node.dataType,
    options: new Map((node.options ?? []).map((o) => [o.name, o.id])),
  };
}

/** The body of the draft that stands for a ticket of another organisation's repository. */
export function draftBody(repo: string, number: number): string {
  return `A ticket in ${repo}, which this Project cannot hold itself: ${repo}#${number}\n\n${marker(draftTicketKey({ repo, number }))}`;
}

/** Which ticket an item stands for: its issue, or the ticket a Firstline draft names. */
function ticketOf(
  content: ItemNode["content"],
): { kind: "issue" | "draft"; repo: string; number: number; open: boolean | null } | undefined {
  if (content?.__typename === "Issue" && content.repository && content.number !== undefined)
    return {
      kind: "issue",
      repo: content.repository.nameWithOwner,
      number: content.number,
      open: content.state === "OPEN",
    };
  const named =
    content?.__typename === "DraftIssue"
      ? (markerKeysIn(content.body)
          .map(parseDraftTicketKey)
          .filter((t) => t !== null)
          .at(-1) ?? null)
      : null;
  if (named) return { kind: "draft", repo: named.repo, number: named.number, open: null };
  return undefined;
}

/** An item node as the planner knows it; undefined for pull requests and other people's drafts. */
export function knownItemOf(node: ItemNode | null): KnownItem | undefined {
  const ticket = ticketOf(node?.content ?? null);
  if (!node || !ticket) return undefined;
  const values: Record<string, string | null> = {};
  for (const value of node.fieldValues.nodes) {
    const name = value?.field?.name;
    if (!value || !name) continue;
    values[name] = value.text ?? value.date ?? value.name ?? null;
  }
  return { itemId: node.id, ...ticket, archived: node.isArchived, values };
}

/**
 * Reads the Project: its fields and every unarchived item with its values, 100 items a request.
 * Null when the Project cannot be found (wrong number, or the app lacks the projects permission).
 */
export async function readProject(params: {
  readonly gh: GitHubTransport;
  readonly owner: string;
  readonly number: number;
}): Promise<ProjectState | null> {
  const items: KnownItem[] = [];
  let fields = new Map<string, ProjectField>();
  let projectId = "";
  let after: string | null = null;
  let requests = 0;
  for (let page = 0; page < 600; page++) {
    const answer: ProjectPage = await params.gh.graphql<ProjectPage>(PROJECT_QUERY, {
      owner: params.owner,
      number: params.number,
      after,
    });
    requests += 1;
    const project = answer.organization?.projectV2;
    if (!project) return null;
    projectId = project.id;
    fields = new Map();
    for (const node of project.fields.nodes) {
      const field = fieldOf(node);
      if (field) fields.set(field.name, field);
    }
    for (const node of project.items.nodes) {
      const item = knownItemOf(node);
      if (item) items.push(item);
    }
    if (!project.items.pageInfo.hasNextPage) break;
    after = project.items.pageInfo.endCursor;
  }
  return { projectId, fields, items, requests };
}
