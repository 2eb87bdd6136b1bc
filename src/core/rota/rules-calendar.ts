import type { Finding } from "../finding.js";
import { findingAt } from "./located.js";
import { ROTA_RULE } from "./rule-ids.js";
import { isPastWeek } from "./rules-weeks.js";
import type { Rota, RotaSource } from "./types.js";
import { addDays, isWednesday, weekOfDate, weeksFrom } from "./week.js";

/** How far ahead the rota must be set: 13 weeks (3 months) after the current week. */
export const COVERAGE_WEEKS = 13;

/** The weeks rule 5 requires: the current week and the 13 after it. */
export function requiredWeeks(today: string): string[] {
  const current = weekOfDate(today);
  return weeksFrom({ first: current, last: addDays(current, 7 * COVERAGE_WEEKS) });
}

function missingRuns(required: readonly string[], present: ReadonlySet<string>): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  for (const week of required) {
    if (present.has(week)) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else {
      run.push(week);
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

function coverageOf(params: {
  readonly source: RotaSource;
  readonly weeks: readonly string[];
  readonly today: string;
  readonly what: string;
}): Finding[] {
  const { source, weeks, today, what } = params;
  const required = requiredWeeks(today);
  const last = required[required.length - 1] ?? today;
  const sorted = [...weeks].sort();
  return missingRuns(required, new Set(weeks)).map((run) => {
    const first = run[0] ?? "";
    const end = run[run.length - 1] ?? first;
    const before = sorted.filter((week) => week < first).pop();
    const gap =
      run.length === 1 ? `week ${first} has no ${what}` : `weeks ${first} to ${end} have no ${what}`;
    return findingAt({
      rule: ROTA_RULE.coverage,
      severity: "error",
      source,
      path: before === undefined ? ["weeks"] : ["weeks", before],
      message: `${gap}: the rota must cover every week from the current one (${required[0] ?? today}) to 13 weeks ahead (${last})`,
    });
  });
}

/** Rule 5: support and on-call both cover every week from the current one to 13 weeks ahead. */
export function checkCoverage(params: { readonly rota: Rota; readonly today: string }): Finding[] {
  const { rota, today } = params;
  return [
    ...coverageOf({
      source: rota.sources.support,
      weeks: Object.keys(rota.support),
      today,
      what: "first line support",
    }),
    ...coverageOf({
      source: rota.sources.onCall,
      weeks: Object.keys(rota.onCall),
      today,
      what: "on-call rota",
    }),
  ];
}

/** Rule 7 (warning): the same person in the same role in two consecutive weeks. */
export function checkTwoWeeksRunning(params: { readonly rota: Rota; readonly today: string }): Finding[] {
  const { rota, today } = params;
  const findings: Finding[] = [];
  const warn = (source: RotaSource, path: readonly PropertyKey[], message: string) =>
    findings.push(findingAt({ rule: ROTA_RULE.twoWeeksRunning, severity: "warning", source, path, message }));
  for (const week of Object.keys(rota.support).sort()) {
    if (!isWednesday(week) || isPastWeek(week, today)) continue;
    const previous = rota.support[addDays(week, -7)];
    for (const slot of ["developer", "operations"] as const) {
      const login = rota.support[week]?.[slot];
      if (login !== undefined && previous?.[slot]?.toLowerCase() === login.toLowerCase()) {
        warn(
          rota.sources.support,
          ["weeks", week, slot],
          `${login} has the ${slot} slot two weeks running (${addDays(week, -7)} and ${week})`,
        );
      }
    }
  }
  for (const week of Object.keys(rota.onCall).sort()) {
    if (!isWednesday(week) || isPastWeek(week, today)) continue;
    const previous = rota.onCall[addDays(week, -7)];
    const entry = rota.onCall[week];
    if (!entry || !previous) continue;
    if (entry.primary !== undefined && previous.primary === entry.primary) {
      warn(
        rota.sources.onCall,
        ["weeks", week, "primary"],
        `${entry.primary} is primary on call two weeks running (${addDays(week, -7)} and ${week})`,
      );
    }
    entry.secondLine.forEach((login, index) => {
      if (previous.secondLine.includes(login)) {
        warn(
          rota.sources.onCall,
          ["weeks", week, "secondLine", index],
          `${login} is on the second line two weeks running (${addDays(week, -7)} and ${week})`,
        );
      }
    });
  }
  return findings;
}
