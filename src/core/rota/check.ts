import type { Finding } from "../finding.js";
import { fairnessFindings, fairnessReport, type FairnessReport } from "./fairness.js";
import { checkCoverage, checkTwoWeeksRunning } from "./rules-calendar.js";
import { checkOverrides } from "./overrides.js";
import { checkOnCallWeeks, checkPeople, checkSupportWeeks } from "./rules-weeks.js";
import type { Person, Rota } from "./types.js";

/** What `rota check` reports: ok when no finding is an error. */
export interface RotaCheckResult {
  readonly ok: boolean;
  readonly findings: readonly Finding[];
  readonly fairness: FairnessReport;
}

/**
 * People by login in lower case, as GitHub compares logins (the first entry wins when a login is
 * listed twice, which is itself an error). Look up with `login.toLowerCase()`.
 */
export function peopleByLogin(people: readonly Person[]): ReadonlyMap<string, Person> {
  const map = new Map<string, Person>();
  for (const person of people)
    if (!map.has(person.login.toLowerCase())) map.set(person.login.toLowerCase(), person);
  return map;
}

/**
 * Runs every rota rule (DOMAIN section 5, rules 1-8) against a parsed rota on a local date. Weeks
 * that ended before `today` are history: only their keys are checked. Findings come sorted by file
 * (people, support, on-call) and line.
 */
export function checkRota(params: { readonly rota: Rota; readonly today: string }): RotaCheckResult {
  const { rota, today } = params;
  const ctx = { rota, today, people: peopleByLogin(rota.people) };
  const fairness = fairnessReport({ rota, today });
  const found = [
    ...checkPeople(rota),
    ...checkSupportWeeks(ctx),
    ...checkOnCallWeeks(ctx),
    ...checkCoverage({ rota, today }),
    ...checkTwoWeeksRunning({ rota, today }),
    ...fairnessFindings({ rota, report: fairness }),
    ...checkOverrides(ctx),
  ];
  const fileOrder = [
    rota.sources.people.file,
    rota.sources.support.file,
    rota.sources.onCall.file,
    rota.overridesSource?.file ?? "",
  ];
  const findings = found
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) =>
        fileOrder.indexOf(a.finding.file) - fileOrder.indexOf(b.finding.file) ||
        (a.finding.line ?? 0) - (b.finding.line ?? 0) ||
        a.index - b.index,
    )
    .map(({ finding }) => finding);
  return { ok: !findings.some((finding) => finding.severity === "error"), findings, fairness };
}
