import { writesOf, type FieldWrite, type ProjectChange } from "../core/project/plan-project-sync.js";
import { PROJECT_FIELDS } from "../core/project/project-fields.js";
import {
  ADD_DRAFT,
  ADD_ITEM,
  ARCHIVE_ITEM,
  CLEAR_FIELD,
  CREATE_FIELD,
  SET_FIELD,
  UNARCHIVE_ITEM,
} from "./project-queries.js";
import { draftBody, fieldOf, knownItemOf, type ItemNode, type ProjectField } from "./project-read.js";
import type { GitHubTransport } from "./transport.js";

/** What applying a list of changes did. */
export interface AppliedChanges {
  readonly added: number;
  readonly updated: number;
  readonly archived: number;
  /** Changes left for later (no write budget left). */
  readonly deferred: number;
  /** Mutations sent. */
  readonly writes: number;
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

/**
 * Creates the fields Firstline owns that the Project lacks (adding them to `fields`); reports a
 * field of the same name and another kind. Returns the mutations sent.
 */
export async function ensureFields(params: {
  readonly gh: GitHubTransport;
  readonly projectId: string;
  readonly fields: Map<string, ProjectField>;
  readonly problems: string[];
}): Promise<number> {
  const { gh, projectId, fields, problems } = params;
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

/**
 * Applies planned changes in order while `allow` grants their writes: adds (an issue by its node
 * id from `contentIds`, or a draft naming the ticket), field writes, archiving and bringing back.
 * A change that fails is reported in `problems` and the rest go on; every change is safe to repeat
 * (adding an issue already there answers its item), so what was cut off is finished later.
 */
export async function applyProjectChanges(params: {
  readonly gh: GitHubTransport;
  readonly projectId: string;
  readonly fields: ReadonlyMap<string, ProjectField>;
  readonly changes: readonly ProjectChange[];
  /** The node ids of the issues to add, by `owner/name#number`. */
  readonly contentIds: ReadonlyMap<string, string>;
  /** Asked before each change with its number of writes: false leaves it for later. */
  readonly allow: (writes: number) => boolean;
  readonly problems: string[];
}): Promise<AppliedChanges> {
  const { gh, projectId, fields, problems } = params;
  const counts = { added: 0, updated: 0, archived: 0, deferred: 0, writes: 0 };
  const setFields = async (itemId: string, set: readonly FieldWrite[]) => {
    for (const write of set) {
      const field = fields.get(write.field);
      if (!field) continue;
      if (write.value === null) {
        await gh.graphql(CLEAR_FIELD, { projectId, itemId, fieldId: field.id });
      } else {
        const value = valueFor(field, write.value);
        if (!value) {
          problems.push(
            `The Project's field "${field.name}" has no option "${write.value}": put it back so Firstline can set it.`,
          );
          continue;
        }
        await gh.graphql(SET_FIELD, { projectId, itemId, fieldId: field.id, value });
      }
      counts.writes += 1;
    }
  };
  const apply = async (change: ProjectChange): Promise<void> => {
    switch (change.kind) {
      case "add": {
        if (change.draft) {
          const title = `${change.repo}#${change.number} ${change.title}`.slice(0, 200);
          const answer = await gh.graphql<{ addProjectV2DraftIssue: { projectItem: { id: string } } }>(
            ADD_DRAFT,
            { projectId, title, body: draftBody(change.repo, change.number) },
          );
          counts.writes += 1;
          await setFields(answer.addProjectV2DraftIssue.projectItem.id, change.set);
          counts.added += 1;
          return;
        }
        const contentId = params.contentIds.get(`${change.repo}#${change.number}`);
        if (!contentId) return;
        const answer = await gh.graphql<{ addProjectV2ItemById: { item: ItemNode } }>(ADD_ITEM, {
          projectId,
          contentId,
        });
        counts.writes += 1;
        const item = knownItemOf(answer.addProjectV2ItemById.item);
        if (!item) return;
        // The issue was on the Project already, archived (a reopened ticket): bring it back.
        if (item.archived) {
          await gh.graphql(UNARCHIVE_ITEM, { projectId, itemId: item.itemId });
          counts.writes += 1;
        }
        const set = change.set.filter((w) => (item.values[w.field] ?? null) !== w.value);
        await setFields(item.itemId, set);
        counts.added += 1;
        return;
      }
      case "update":
        if (change.unarchive) {
          await gh.graphql(UNARCHIVE_ITEM, { projectId, itemId: change.itemId });
          counts.writes += 1;
        }
        await setFields(change.itemId, change.set);
        counts.updated += 1;
        return;
      case "archive":
        await gh.graphql(ARCHIVE_ITEM, { projectId, itemId: change.itemId });
        counts.writes += 1;
        counts.archived += 1;
        return;
    }
  };
  for (const change of params.changes) {
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
  return counts;
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
