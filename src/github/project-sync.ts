import { planProjectSync } from "../core/project/plan-project-sync.js";
import type { SweptTicket } from "../core/sweep/plan-sweep.js";
import type { Responders } from "../core/ticket/responders.js";
import { applyProjectChanges, ensureFields } from "./project-apply.js";
import { issueIdsQuery } from "./project-queries.js";
import { readProject } from "./project-read.js";
import { splitRepo, type GitHubTransport } from "./transport.js";

/** What keeping the Project in step did. */
export interface ProjectSync {
  readonly outcome: "synced" | "not-found";
  /** Items on the Project after the sweep (unarchived, Firstline's tickets and others). */
  readonly items: number;
  readonly added: number;
  readonly updated: number;
  readonly archived: number;
  /** Mutations sent. */
  readonly writes: number;
  readonly reads: number;
  /** Changes left for the next sweep (no write budget left). */
  readonly deferred: number;
  /** Tickets that could not be put on the Project, and why (another organisation's repository, a refusal). */
  readonly problems: readonly string[];
}

/** The node ids of the issues to add, 50 to a request. */
async function issueIds(
  gh: GitHubTransport,
  tickets: readonly { repo: string; number: number }[],
): Promise<{ ids: Map<string, string>; requests: number }> {
  const ids = new Map<string, string>();
  let requests = 0;
  for (let start = 0; start < tickets.length; start += 50) {
    const batch = tickets.slice(start, start + 50);
    const variables: Record<string, unknown> = {};
    batch.forEach((t, i) => {
      const { owner, repo } = splitRepo(t.repo);
      Object.assign(variables, { [`o${i}`]: owner, [`n${i}`]: repo, [`k${i}`]: t.number });
    });
    const answer = await gh.graphql<Record<string, { issue: { id: string } | null } | null>>(
      issueIdsQuery(batch.length),
      variables,
    );
    requests += 1;
    batch.forEach((t, i) => {
      const id = answer[`i${i}`]?.issue?.id;
      if (id) ids.set(`${t.repo}#${t.number}`, id);
    });
  }
  return { ids, requests };
}

/**
 * Keeps the agency's Project in step with the open tickets: reads it (100 items a request),
 * creates Firstline's fields once, then applies the planned changes most urgent first while the
 * write budget lasts. Every change is safe to repeat (adding an issue already there answers its
 * item), so a sweep interrupted halfway is finished by the next one.
 */
export async function syncProject(params: {
  readonly gh: GitHubTransport;
  readonly owner: string;
  readonly number: number;
  readonly tickets: readonly SweptTicket[];
  readonly responders: Responders | null;
  readonly zone: string;
  readonly isTicketRepository: (repo: string) => boolean;
  /** Whether the sweep read this repository's open tickets (a draft of one it could not read is kept). */
  readonly wasRead: (repo: string) => boolean;
  /** Asked before each change with its number of writes: false leaves it for the next sweep. */
  readonly allow: (writes: number) => boolean;
}): Promise<ProjectSync> {
  const { gh, owner } = params;
  const project = await readProject({ gh, owner, number: params.number });
  if (!project)
    return {
      outcome: "not-found",
      items: 0,
      added: 0,
      updated: 0,
      archived: 0,
      writes: 0,
      reads: 1,
      deferred: 0,
      problems: [
        `The Project ${owner}#${params.number} could not be found: check its number, and that the app has the organisation permission "Projects: read and write".`,
      ],
    };
  const projectId = project.projectId;
  const problems: string[] = [];
  const fieldWrites = await ensureFields({ gh, projectId, fields: project.fields, problems });
  // The installation on the Project's organisation sees only that organisation's issues, so a
  // ticket of another organisation's repository is held as a draft that names it.
  const sameOrg = (repo: string) => splitRepo(repo).owner.toLowerCase() === owner.toLowerCase();
  const changes = planProjectSync({
    tickets: params.tickets,
    items: project.items,
    responders: params.responders,
    zone: params.zone,
    isTicketRepository: params.isTicketRepository,
    canHoldIssues: sameOrg,
    wasRead: params.wasRead,
  });
  const adds = changes.filter((c) => c.kind === "add" && !c.draft);
  const found = adds.length > 0 ? await issueIds(gh, adds) : { ids: new Map<string, string>(), requests: 0 };
  const applied = await applyProjectChanges({
    gh,
    projectId,
    fields: project.fields,
    changes,
    contentIds: found.ids,
    allow: params.allow,
    problems,
  });
  return {
    outcome: "synced",
    items: project.items.length + applied.added - applied.archived,
    added: applied.added,
    updated: applied.updated,
    archived: applied.archived,
    deferred: applied.deferred,
    writes: fieldWrites + applied.writes,
    reads: project.requests + found.requests,
    problems,
  };
}
