import {
  planProjectSync,
  writesOf,
  type FieldWrite,
  type ProjectChange,
} from "../core/project/plan-project-sync.js";
import { PROJECT_FIELDS } from "../core/project/project-fields.js";
import type { SweptTicket } from "../core/sweep/plan-sweep.js";
import type { Responders } from "../core/ticket/responders.js";
import {
  ADD_DRAFT,
  ADD_ITEM,
  ARCHIVE_ITEM,
  CLEAR_FIELD,
  CREATE_FIELD,
  issueIdsQuery,
  SET_FIELD,
  UNARCHIVE_ITEM,
} from "./project-queries.js";
import {
  draftBody,
  fieldOf,
  knownItemOf,
  readProject,
  type ItemNode,
  type ProjectField,
} from "./project-read.js";
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

const OPTION_COLOURS: Readonly<Record<string, string>> = {
  breached: "RED",
  "at risk": "ORANGE",
  running: "GREEN",
  paused: "GRAY",
  met: "BLUE",
  P1: "RED",
  P2: "ORANGE",
  P3: "YELLOW",
  P4: "GRAY",
};

/** Creates the fields Firstline owns that the Project lacks; reports a field of the same name and another kind. */
async function ensureFields(
  gh: GitHubTransport,
  projectId: string,
  fields: Map<string, ProjectField>,
  problems: string[],
): Promise<number> {
  let writes = 0;
  for (const spec of PROJECT_FIELDS) {
    const found = fields.get(spec.name);
    if (found) {
      if (found.dataType !== spec.type)
        problems.push(
          `The Project's field "${spec.name}" is ${found.dataType.toLowerCase()}, not ${spec.type.toLowerCase()}: rename it so Firstline can create its own.`,
        );
      continue;
    }
    const options =
      spec.type === "SINGLE_SELECT"
        ? spec.options.map((name) => ({ name, color: OPTION_COLOURS[name] ?? "GRAY", description: "" }))
        : null;
    const answer = await gh.graphql<{
      createProjectV2Field: { projectV2Field: Parameters<typeof fieldOf>[0] };
    }>(CREATE_FIELD, { projectId, name: spec.name, dataType: spec.type, options });
    writes += 1;
    const field = fieldOf(answer.createProjectV2Field.projectV2Field);
    if (field) fields.set(field.name, field);
  }
  return writes;
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
  let writes = await ensureFields(gh, projectId, project.fields, problems);
  let reads = project.requests;
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
  reads += found.requests;
  const counts = { added: 0, updated: 0, archived: 0, deferred: 0 };
  let items = project.items.length;
  const setFields = async (itemId: string, set: readonly FieldWrite[]) => {
    for (const write of set) {
      const field = project.fields.get(write.field);
      if (!field) continue;
      if (write.value === null) {
        await gh.graphql(CLEAR_FIELD, { projectId: projectId, itemId, fieldId: field.id });
      } else {
        const value = valueFor(field, write.value);
        if (!value) {
          problems.push(
            `The Project's field "${field.name}" has no option "${write.value}": put it back so Firstline can set it.`,
          );
          continue;
        }
        await gh.graphql(SET_FIELD, { projectId: projectId, itemId, fieldId: field.id, value });
      }
      writes += 1;
    }
  };
  for (const change of changes) {
    if (!params.allow(writesOf(change))) {
      counts.deferred += 1;
      continue;
    }
    try {
      await apply(change);
    } catch (error) {
      problems.push(`${change.repo}#${change.number}: ${(error as Error).message}`);
    }
  }
  return { outcome: "synced", items, ...counts, writes, reads, problems };

  async function apply(change: ProjectChange): Promise<void> {
    switch (change.kind) {
      case "add": {
        if (change.draft) {
          const title = `${change.repo}#${change.number} ${change.title}`.slice(0, 200);
          const answer = await gh.graphql<{ addProjectV2DraftIssue: { projectItem: { id: string } } }>(
            ADD_DRAFT,
            { projectId, title, body: draftBody(change.repo, change.number) },
          );
          writes += 1;
          await setFields(answer.addProjectV2DraftIssue.projectItem.id, change.set);
          counts.added += 1;
          items += 1;
          return;
        }
        const contentId = found.ids.get(`${change.repo}#${change.number}`);
        if (!contentId) return;
        const answer = await gh.graphql<{ addProjectV2ItemById: { item: ItemNode } }>(ADD_ITEM, {
          projectId: projectId,
          contentId,
        });
        writes += 1;
        const item = knownItemOf(answer.addProjectV2ItemById.item);
        if (!item) return;
        // The issue was on the Project already, archived (a reopened ticket): bring it back.
        if (item.archived) {
          await gh.graphql(UNARCHIVE_ITEM, { projectId: projectId, itemId: item.itemId });
          writes += 1;
        }
        const set = change.set.filter((w) => (item.values[w.field] ?? null) !== w.value);
        await setFields(item.itemId, set);
        counts.added += 1;
        items += 1;
        return;
      }
      case "update":
        if (change.unarchive) {
          await gh.graphql(UNARCHIVE_ITEM, { projectId: projectId, itemId: change.itemId });
          writes += 1;
        }
        await setFields(change.itemId, change.set);
        counts.updated += 1;
        return;
      case "archive":
        await gh.graphql(ARCHIVE_ITEM, { projectId: projectId, itemId: change.itemId });
        writes += 1;
        counts.archived += 1;
        items -= 1;
        return;
    }
  }
}

/** The `ProjectV2FieldValue` for a value, or undefined for an option the field lacks. */
function valueFor(field: ProjectField, value: string): Record<string, string> | undefined {
  if (field.dataType === "DATE") return { date: value };
  if (field.dataType === "SINGLE_SELECT") {
    const id = field.options.get(value);
    return id === undefined ? undefined : { singleSelectOptionId: id };
  }
  return { text: value };
}
