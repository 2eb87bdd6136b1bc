import type { Finding } from "../finding.js";
import { clientWorkDuring, describeRange } from "./availability.js";
import { findingAt } from "./located.js";
import { ROTA_RULE } from "./rule-ids.js";
import type { Person, Rota, Slot } from "./types.js";
import { slotHolders } from "./types.js";
import { addDays, isWednesday, weekOfDate, weeksFrom } from "./week.js";
import { COVERAGE_WEEKS } from "./rules-calendar.js";

/** One person's share of a group's weeks. */
export interface FairnessShare {
  readonly login: string;
  readonly weeks: number;
  /** Weeks minus the group's average (two decimals). */
  readonly difference: number;
}

/** Weeks per eligible person in one slot over the horizon. */
export interface FairnessGroup {
  readonly average: number;
  readonly min: number;
  readonly max: number;
  /** max - min; over 1 is a warning. */
  readonly spread: number;
  readonly people: readonly FairnessShare[];
}

/** Rule 8: how evenly the weeks ahead are shared, in-hours and on-call apart. */
export interface FairnessReport {
  readonly horizon: { readonly from: string; readonly to: string; readonly weeks: number };
  readonly inHours: { readonly developer: FairnessGroup; readonly operations: FairnessGroup };
  readonly onCall: { readonly primary: FairnessGroup; readonly secondLine: FairnessGroup };
  /** Eligible people left out because they are on client work during the horizon. */
  readonly excluded: readonly { readonly login: string; readonly reason: string }[];
}

const ELIGIBLE: Record<Exclude<Slot, "shadow">, (person: Person) => boolean> = {
  developer: (p) => p.vetted && p.role === "developer",
  operations: (p) => p.vetted && p.role === "operations",
  primary: (p) => p.vetted && p.onCall,
  secondLine: (p) => p.vetted && p.secondLine,
};

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The weeks the fairness report covers: the current week to the last one set (at least 13 ahead). */
export function fairnessHorizon(params: {
  readonly rota: Pick<Rota, "support" | "onCall">;
  readonly today: string;
}): string[] {
  const from = weekOfDate(params.today);
  const keys = [...Object.keys(params.rota.support), ...Object.keys(params.rota.onCall)].filter(isWednesday);
  const last = keys.reduce((max, week) => (week > max ? week : max), addDays(from, 7 * COVERAGE_WEEKS));
  return weeksFrom({ first: from, last });
}

function group(params: {
  readonly rota: Rota;
  readonly weeks: readonly string[];
  readonly slot: Exclude<Slot, "shadow">;
  readonly people: readonly Person[];
}): FairnessGroup {
  const { rota, weeks, slot, people } = params;
  const counts = people.filter(ELIGIBLE[slot]).map((person) => ({
    login: person.login,
    weeks: weeks.filter((week) => slotHolders({ rota, week, slot }).includes(person.login)).length,
  }));
  if (counts.length === 0) return { average: 0, min: 0, max: 0, spread: 0, people: [] };
  const average = counts.reduce((sum, c) => sum + c.weeks, 0) / counts.length;
  const min = Math.min(...counts.map((c) => c.weeks));
  const max = Math.max(...counts.map((c) => c.weeks));
  return {
    average: round(average),
    min,
    max,
    spread: max - min,
    people: counts.map((c) => ({ ...c, difference: round(c.weeks - average) })),
  };
}

/** Rule 8: counts weeks per eligible person not on client work, from the current week on. */
export function fairnessReport(params: { readonly rota: Rota; readonly today: string }): FairnessReport {
  const { rota } = params;
  const weeks = fairnessHorizon(params);
  const from = weeks[0] ?? weekOfDate(params.today);
  const to = weeks[weeks.length - 1] ?? from;
  const excluded: { login: string; reason: string }[] = [];
  const counted = rota.people.filter((person) => {
    const work = weeks.map((week) => clientWorkDuring(person, week)).find((found) => found !== undefined);
    if (work && Object.values(ELIGIBLE).some((eligible) => eligible(person))) {
      excluded.push({
        login: person.login,
        reason: `on client work (${work.project}) ${describeRange(work)}`,
      });
    }
    return work === undefined;
  });
  const of = (slot: Exclude<Slot, "shadow">) => group({ rota, weeks, slot, people: counted });
  return {
    horizon: { from, to, weeks: weeks.length },
    inHours: { developer: of("developer"), operations: of("operations") },
    onCall: { primary: of("primary"), secondLine: of("secondLine") },
    excluded,
  };
}

/** Rule 8 (warning): a group whose spread (most weeks - fewest weeks) exceeds one. */
export function fairnessFindings(params: {
  readonly rota: Rota;
  readonly report: FairnessReport;
}): Finding[] {
  const { rota, report } = params;
  const { from, to } = report.horizon;
  const groups = [
    { name: "developer", group: report.inHours.developer, source: rota.sources.support },
    { name: "operations", group: report.inHours.operations, source: rota.sources.support },
    { name: "primary on-call", group: report.onCall.primary, source: rota.sources.onCall },
    { name: "second line", group: report.onCall.secondLine, source: rota.sources.onCall },
  ];
  return groups
    .filter(({ group: g }) => g.spread > 1)
    .map(({ name, group: g, source }) => {
      const fewest = g.people.filter((p) => p.weeks === g.min).map((p) => p.login);
      const most = g.people.filter((p) => p.weeks === g.max).map((p) => p.login);
      return findingAt({
        rule: ROTA_RULE.fairness,
        severity: "warning",
        source,
        path: ["weeks"],
        message: `${name} weeks from ${from} to ${to} are uneven: ${g.min} (${fewest.join(", ")}) to ${g.max} (${most.join(", ")}), a spread of ${g.spread} (at most 1)`,
      });
    });
}
