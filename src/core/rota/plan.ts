import { unavailability } from "./availability.js";
import type { Person, Rota } from "./types.js";
import { slotHolders } from "./types.js";
import { addDays } from "./week.js";

/** The slots a plan fills, in the order it fills them each week. */
export const PLAN_SLOTS = ["developer", "operations", "primary", "secondLine"] as const;
export type PlanSlot = (typeof PLAN_SLOTS)[number];

/** Why a person got a slot. */
export interface PlanChoice {
  readonly slot: PlanSlot;
  readonly login: string;
  readonly why: string;
}

/** One proposed week. A slot nobody can take stays null (and is listed in `gaps`). */
export interface PlannedWeek {
  readonly week: string;
  readonly support: { readonly developer: string | null; readonly operations: string | null };
  readonly onCall: { readonly primary: string | null; readonly secondLine: readonly string[] };
  readonly choices: readonly PlanChoice[];
}

/** A slot no valid rota can fill, and why. */
export interface PlanGap {
  readonly week: string;
  readonly slot: PlanSlot;
  readonly why: string;
}

/** The `rota plan` answer: ok when every slot of every week could be filled. */
export interface RotaPlan {
  readonly ok: boolean;
  readonly weeks: readonly PlannedWeek[];
  readonly gaps: readonly PlanGap[];
}

const POOL: Record<PlanSlot, { readonly name: string; readonly member: (person: Person) => boolean }> = {
  developer: { name: "developer", member: (p) => p.role === "developer" },
  operations: { name: "operations", member: (p) => p.role === "operations" },
  primary: { name: "primary on-call", member: (p) => p.onCall },
  secondLine: { name: "second line", member: (p) => p.secondLine },
};

const POOL_WORDS: Record<PlanSlot, string> = {
  developer: "nobody in people.yml has role developer",
  operations: "nobody in people.yml has role operations",
  primary: "nobody in people.yml has opted in to on-call (onCall: true)",
  secondLine: "nobody in people.yml is on the second line (secondLine: true)",
};

interface Tally {
  count: number;
  last: string | undefined;
}

function tallyHistory(rota: Rota, before: string): Map<PlanSlot, Map<string, Tally>> {
  const tallies = new Map<PlanSlot, Map<string, Tally>>(PLAN_SLOTS.map((slot) => [slot, new Map()]));
  const weeks = [...new Set([...Object.keys(rota.support), ...Object.keys(rota.onCall)])]
    .filter((week) => week < before)
    .sort();
  for (const week of weeks) {
    for (const slot of PLAN_SLOTS)
      for (const login of slotHolders({ rota, week, slot })) record(tallies, slot, login, week);
  }
  return tallies;
}

function record(
  tallies: Map<PlanSlot, Map<string, Tally>>,
  slot: PlanSlot,
  login: string,
  week: string,
): void {
  const bySlot = tallies.get(slot);
  if (!bySlot) return;
  const tally = bySlot.get(login) ?? { count: 0, last: undefined };
  bySlot.set(login, { count: tally.count + 1, last: week });
}

function holdersOf(week: PlannedWeek, slot: PlanSlot): string[] {
  if (slot === "developer" || slot === "operations")
    return week.support[slot] === null ? [] : [week.support[slot]];
  if (slot === "primary") return week.onCall.primary === null ? [] : [week.onCall.primary];
  return [...week.onCall.secondLine];
}

function describeTally(slot: PlanSlot, tally: Tally): string {
  const weeks = `${tally.count} ${POOL[slot].name} week${tally.count === 1 ? "" : "s"} so far`;
  return `${weeks}, ${tally.last === undefined ? "never held it" : `last ${tally.last}`}`;
}

interface SlotContext {
  readonly rota: Rota;
  readonly week: string;
  readonly slot: PlanSlot;
  readonly heldLastWeek: readonly string[];
  readonly taken: ReadonlyMap<string, PlanSlot>;
  readonly tallies: Map<PlanSlot, Map<string, Tally>>;
}

/** Why a person cannot take the slot this week, or undefined when they can. */
function ruledOutBecause(ctx: SlotContext, person: Person): string | undefined {
  if (!person.vetted) return "is not vetted";
  const busy = unavailability(person, ctx.week);
  if (busy !== undefined) return `is ${busy}`;
  if (ctx.heldLastWeek.includes(person.login)) return "held it the week before";
  // Support and primary on-call are each a full week's load: nobody gets two of them at once.
  const other = ctx.slot === "secondLine" ? undefined : ctx.taken.get(person.login);
  if (other !== undefined) return `already has the ${other} slot this week`;
  return ctx.slot === "secondLine" && ctx.taken.get(person.login) === "primary"
    ? "is primary on call this week"
    : undefined;
}

/** Picks the person for one slot of one week, or says why nobody can take it. */
function chooseFor(ctx: SlotContext): { readonly choice: PlanChoice } | { readonly gap: PlanGap } {
  const { week, slot } = ctx;
  const pool = ctx.rota.people.filter(POOL[slot].member);
  const ruledOut: string[] = [];
  const candidates: { login: string; tally: Tally }[] = [];
  for (const person of pool) {
    const reason = ruledOutBecause(ctx, person);
    if (reason === undefined)
      candidates.push({
        login: person.login,
        tally: ctx.tallies.get(slot)?.get(person.login) ?? { count: 0, last: undefined },
      });
    else ruledOut.push(`${person.login} ${reason}`);
  }
  candidates.sort(
    (a, b) =>
      a.tally.count - b.tally.count ||
      (a.tally.last ?? "").localeCompare(b.tally.last ?? "") ||
      a.login.localeCompare(b.login),
  );
  const [best, ...rest] = candidates;
  if (!best) {
    return {
      gap: {
        week,
        slot,
        why:
          pool.length === 0
            ? POOL_WORDS[slot]
            : `no one can take the ${POOL[slot].name} slot: ${ruledOut.join("; ")}`,
      },
    };
  }
  const others = rest.map(
    (c) => `${c.login} (${c.tally.count}, ${c.tally.last === undefined ? "never" : `last ${c.tally.last}`})`,
  );
  const why = [
    describeTally(slot, best.tally),
    others.length > 0 ? `next in line: ${others.join(", ")}` : "the only one available",
    ...(ruledOut.length > 0 ? [`not available: ${ruledOut.join("; ")}`] : []),
  ].join("; ");
  return { choice: { slot, login: best.login, why } };
}

/**
 * Proposes the next weeks of support and on-call. For each slot it takes vetted people of the right
 * role (or opt-in) who are not away or on client work that week and did not hold the same slot the
 * week before; nobody is on support and primary on call in the same week, and the second line is
 * not the primary; among them, fewest weeks in that slot first (the
 * rota's weeks before `from` plus those planned so far), then the one who held it least recently,
 * then by login. A slot with no such person is a gap, with the reason for each person ruled out.
 */
export function planRota(params: {
  readonly rota: Rota;
  readonly from: string;
  readonly weeks: number;
}): RotaPlan {
  const { rota, from } = params;
  const tallies = tallyHistory(rota, from);
  const planned: PlannedWeek[] = [];
  const gaps: PlanGap[] = [];
  for (let index = 0; index < params.weeks; index++) {
    const week = addDays(from, 7 * index);
    const before = planned[index - 1];
    const taken = new Map<string, PlanSlot>();
    const choices: PlanChoice[] = [];
    for (const slot of PLAN_SLOTS) {
      const heldLastWeek = before
        ? holdersOf(before, slot)
        : slotHolders({ rota, week: addDays(week, -7), slot });
      const outcome = chooseFor({ rota, week, slot, heldLastWeek, taken, tallies });
      if ("gap" in outcome) {
        gaps.push(outcome.gap);
        continue;
      }
      choices.push(outcome.choice);
      taken.set(outcome.choice.login, slot);
      record(tallies, slot, outcome.choice.login, week);
    }
    const chosen = (slot: PlanSlot) => choices.find((choice) => choice.slot === slot)?.login ?? null;
    const secondLine = chosen("secondLine");
    planned.push({
      week,
      support: { developer: chosen("developer"), operations: chosen("operations") },
      onCall: { primary: chosen("primary"), secondLine: secondLine === null ? [] : [secondLine] },
      choices,
    });
  }
  return { ok: gaps.length === 0, weeks: planned, gaps };
}
