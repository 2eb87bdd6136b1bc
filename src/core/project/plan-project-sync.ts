import type { SweptTicket } from "../sweep/plan-sweep.js";
import type { Responders } from "../ticket/responders.js";
import { itemValuesOf } from "./item-values.js";
import { PROJECT_FIELDS, type FieldValues } from "./project-fields.js";

/** A Project item as last read: which ticket it stands for and the values of Firstline's fields. */
export interface KnownItem {
  readonly itemId: string;
  readonly repo: string;
  readonly number: number;
  /**
   * The issue itself (`issue`), or a draft Firstline made for a ticket the Project cannot hold
   * (a repository of another organisation), which names the ticket in its body.
   */
  readonly kind: "issue" | "draft";
  /** Whether the issue is open; null for a draft, which cannot tell. */
  readonly open: boolean | null;
  readonly archived: boolean;
  readonly values: FieldValues;
}

/** One field to set (a null value clears it). */
export interface FieldWrite {
  readonly field: string;
  readonly value: string | null;
}

/** What to do to one ticket's item. */
export type ProjectChange =
  | {
      readonly kind: "add";
      readonly repo: string;
      readonly number: number;
      readonly draft: boolean;
      readonly title: string;
      readonly set: readonly FieldWrite[];
    }
  | {
      readonly kind: "update";
      readonly itemId: string;
      readonly repo: string;
      readonly number: number;
      readonly unarchive: boolean;
      readonly set: readonly FieldWrite[];
    }
  | { readonly kind: "archive"; readonly itemId: string; readonly repo: string; readonly number: number };

/** How many API writes a change takes: one mutation per field, as GitHub's API has it. */
export function writesOf(change: ProjectChange): number {
  switch (change.kind) {
    case "add":
      return 1 + change.set.length;
    case "update":
      return (change.unarchive ? 1 : 0) + change.set.length;
    case "archive":
      return 1;
  }
}

const keyOf = (repo: string, number: number) => `${repo.toLowerCase()}#${number}`;

/** The fields whose value differs, in the order of the Project's fields. */
export function changedFields(want: FieldValues, have: FieldValues): FieldWrite[] {
  return PROJECT_FIELDS.map((f) => ({ field: f.name, value: want[f.name] ?? null })).filter(
    (w) => (have[w.field] ?? null) !== w.value,
  );
}

/**
 * The difference between the open tickets and the Project's items, most urgent ticket first:
 * a ticket without an item is added with its fields (as a draft naming it when the Project cannot
 * hold the issue itself), an item whose values moved gets only the fields that changed (a quiet
 * sweep plans nothing), and the item of a closed ticket is archived. Items of issues outside the
 * ticket repositories are people's own and left alone; so are drafts of repositories this sweep
 * could not read, whose tickets may well still be open.
 */
export function planProjectSync(params: {
  readonly tickets: readonly SweptTicket[];
  readonly items: readonly KnownItem[];
  readonly responders: Responders | null;
  readonly zone: string;
  readonly isTicketRepository: (repo: string) => boolean;
  /** Whether the Project can hold this repository's issues themselves (its own organisation's). */
  readonly canHoldIssues: (repo: string) => boolean;
  /** Whether the sweep read this repository's open tickets. */
  readonly wasRead: (repo: string) => boolean;
}): ProjectChange[] {
  const { responders, zone } = params;
  const items = new Map(params.items.map((item) => [keyOf(item.repo, item.number), item]));
  const changes: ProjectChange[] = [];
  const open = new Set<string>();
  for (const ticket of params.tickets) {
    const { repo, number, title } = ticket.snapshot;
    open.add(keyOf(repo, number));
    const want = itemValuesOf({ ticket, responders, zone });
    const item = items.get(keyOf(repo, number));
    if (!item) {
      changes.push({
        kind: "add",
        repo,
        number,
        draft: !params.canHoldIssues(repo),
        title,
        set: changedFields(want, {}),
      });
      continue;
    }
    const set = changedFields(want, item.values);
    if (set.length > 0 || item.archived)
      changes.push({ kind: "update", itemId: item.itemId, repo, number, unarchive: item.archived, set });
  }
  for (const item of params.items) {
    if (
      item.archived ||
      item.open === true ||
      open.has(keyOf(item.repo, item.number)) ||
      !params.isTicketRepository(item.repo)
    )
      continue;
    if (item.kind === "draft" && !params.wasRead(item.repo)) continue;
    changes.push({ kind: "archive", itemId: item.itemId, repo: item.repo, number: item.number });
  }
  return changes;
}
