import type { Person, Rota, Slot } from "./types.js";
import { fileOfSlot, ON_CALL_SLOTS, slotHolders, SUPPORT_SLOTS } from "./types.js";

/** What a slot holds: one login or nobody, or a list for `shadow` and `secondLine`. */
export type SlotValue = string | null | readonly string[];

/** One slot that differs between base and head. */
export interface SlotChange {
  readonly week: string;
  readonly slot: Slot;
  readonly from: SlotValue;
  readonly to: SlotValue;
  /** Which file holds the slot. */
  readonly file: "support" | "onCall";
  /** People in `to` but not `from`, and in `from` but not `to`. */
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

const LIST_SLOTS: ReadonlySet<Slot> = new Set(["shadow", "secondLine"]);

function valueOf(holders: readonly string[], slot: Slot): SlotValue {
  return LIST_SLOTS.has(slot) ? holders : (holders[0] ?? null);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");
}

/** Every slot that differs between two rotas, by week then slot (order inside a list does not count). */
export function diffRotaSlots(params: {
  readonly base: Pick<Rota, "support" | "onCall">;
  readonly head: Pick<Rota, "support" | "onCall">;
}): SlotChange[] {
  const { base, head } = params;
  const changes: SlotChange[] = [];
  for (const [slots, weeks] of [
    [SUPPORT_SLOTS, new Set([...Object.keys(base.support), ...Object.keys(head.support)])],
    [ON_CALL_SLOTS, new Set([...Object.keys(base.onCall), ...Object.keys(head.onCall)])],
  ] as const) {
    for (const week of [...weeks].sort()) {
      for (const slot of slots) {
        const before = slotHolders({ rota: base, week, slot });
        const after = slotHolders({ rota: head, week, slot });
        if (sameSet(before, after)) continue;
        changes.push({
          week,
          slot,
          from: valueOf(before, slot),
          to: valueOf(after, slot),
          file: fileOfSlot(slot),
          added: after.filter((login) => !before.includes(login)),
          removed: before.filter((login) => !after.includes(login)),
        });
      }
    }
  }
  return changes.sort((a, b) => a.week.localeCompare(b.week));
}

function canonicalPeople(people: readonly Person[]): string {
  return JSON.stringify([...people].sort((a, b) => a.login.localeCompare(b.login)));
}

/** Whether people.yml says something different (reordering entries does not count). */
export function peopleChanged(params: {
  readonly base: Pick<Rota, "people">;
  readonly head: Pick<Rota, "people">;
}): boolean {
  return canonicalPeople(params.base.people) !== canonicalPeople(params.head.people);
}
