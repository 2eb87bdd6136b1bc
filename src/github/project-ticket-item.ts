import { planProjectSync } from "../core/project/plan-project-sync.js";
import type { SweptTicket } from "../core/sweep/plan-sweep.js";
import type { Responders } from "../core/ticket/responders.js";
import { applyProjectChanges, ensureFields } from "./project-apply.js";
import { TICKET_ITEM_QUERY } from "./project-queries.js";
import { fieldOf, knownItemOf, type ItemNode, type ProjectField } from "./project-read.js";
import type { ProjectSync } from "./project-sync.js";
import { splitRepo, type GitHubTransport } from "./transport.js";

/** What keeping one ticket's item in step did: as a sweep's, without the Project's item count (one read). */
export type TicketItemSync = Omit<ProjectSync, "items">;

interface TicketItemAnswer {
  readonly organization: {
    readonly projectV2: {
      readonly id: string;
      readonly fields: { readonly nodes: readonly (Parameters<typeof fieldOf>[0] | null)[] };
    } | null;
  } | null;
  readonly repository: {
    readonly issue: {
      readonly id: string;
      readonly projectItems: {
        readonly nodes: readonly ((ItemNode & { readonly project: { readonly id: string } }) | null)[];
      };
    } | null;
  } | null;
}

/**
 * Keeps one ticket's item on the Project in step, from a webhook: one request reads the item (if
 * the issue is on the Project, archived or not) with the Project's fields, then the same plan as
 * the sweep's is applied to this ticket alone. An open ticket without an item is added with its
 * fields, an item whose values moved gets only the fields that changed (a quiet event writes
 * nothing), a closed ticket's item is archived and a reopened one's brought back. `ticket` is the
 * ticket as a sweep sees it, or null when it is closed. Only issues the Project can hold (its own
 * organisation's): a draft standing for another organisation's ticket cannot be found without
 * reading the whole Project, so those stay with the sweep.
 */
export async function syncTicketItem(params: {
  readonly gh: GitHubTransport;
  readonly owner: string;
  readonly number: number;
  readonly issue: { readonly repo: string; readonly number: number };
  readonly ticket: SweptTicket | null;
  readonly responders: Responders | null;
  readonly zone: string;
  /** Asked before each change with its number of writes: false leaves it for the sweep. */
  readonly allow: (writes: number) => boolean;
}): Promise<TicketItemSync> {
  const { gh, owner, issue } = params;
  const { owner: repoOwner, repo } = splitRepo(issue.repo);
  const answer = await gh.graphql<TicketItemAnswer>(TICKET_ITEM_QUERY, {
    owner,
    number: params.number,
    repoOwner,
    repo,
    issue: issue.number,
  });
  const project = answer.organization?.projectV2;
  const found = answer.repository?.issue;
  const none = { added: 0, updated: 0, archived: 0, writes: 0, reads: 1, deferred: 0 };
  if (!project || !found) return { outcome: "not-found", ...none, problems: [] };
  const fields = new Map<string, ProjectField>();
  for (const node of project.fields.nodes) {
    const field = fieldOf(node);
    if (field) fields.set(field.name, field);
  }
  const problems: string[] = [];
  const fieldWrites = await ensureFields({ gh, projectId: project.id, fields, problems });
  const item = found.projectItems.nodes
    .filter((node) => node?.project.id === project.id)
    .map((node) => knownItemOf(node))
    .find((known) => known !== undefined);
  const changes = planProjectSync({
    tickets: params.ticket ? [params.ticket] : [],
    items: item ? [item] : [],
    responders: params.responders,
    zone: params.zone,
    isTicketRepository: () => true,
    canHoldIssues: () => true,
    wasRead: () => true,
  });
  const applied = await applyProjectChanges({
    gh,
    projectId: project.id,
    fields,
    changes,
    contentIds: new Map([[`${params.ticket?.snapshot.repo ?? issue.repo}#${issue.number}`, found.id]]),
    allow: params.allow,
    problems,
  });
  return { outcome: "synced", ...applied, writes: fieldWrites + applied.writes, reads: 1, problems };
}
