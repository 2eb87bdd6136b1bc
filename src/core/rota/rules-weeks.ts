import { DateTime } from "luxon";
import type { Finding } from "../finding.js";
import { clientWorkDuring, awayDuring, describeRange } from "./availability.js";
import { findingAt } from "./located.js";
import { ROTA_RULE } from "./rule-ids.js";
import type { Person, Rota, RotaSource, Slot } from "./types.js";
import { addDays, isWednesday, weekOfDate } from "./week.js";

/** What the per-week rules need: the rota, people by login and the local date today. */
export interface RuleContext {
  readonly rota: Rota;
  readonly people: ReadonlyMap<string, Person>;
  readonly today: string;
}

const SLOT_WORDS: Record<Slot, string> = {
  developer: "the developer slot",
  operations: "the operations slot",
  shadow: "shadowing",
  primary: "primary on call",
  secondLine: "the second line",
};

/** Weeks that ended before today are history: only their keys are checked. */
export function isPastWeek(week: string, today: string): boolean {
  return addDays(week, 7) <= today;
}

/** Rule 1 for people.yml: each login once. */
export function checkPeople(rota: Rota): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  rota.people.forEach((person, index) => {
    const key = person.login.toLowerCase();
    if (seen.has(key)) {
      findings.push(
        findingAt({
          rule: ROTA_RULE.duplicateLogin,
          severity: "error",
          source: rota.sources.people,
          path: ["people", index, "login"],
          message: `${person.login} is listed twice`,
        }),
      );
    }
    seen.add(key);
  });
  return findings;
}

function checkWeekKey(source: RotaSource, week: string): Finding[] {
  if (isWednesday(week)) return [];
  const weekday = DateTime.fromISO(week, { zone: "utc", locale: "en-GB" }).toFormat("cccc");
  return [
    findingAt({
      rule: ROTA_RULE.weekWednesday,
      severity: "error",
      source,
      path: ["weeks", week],
      message: `week ${week} is a ${weekday}; weeks are keyed by their Wednesday (${weekOfDate(week)})`,
    }),
  ];
}

/**
 * The checks every holder of a slot faces: the login exists, and (unless shadowing) is vetted, has
 * the right role or opt-in, is not away (error) and not on client work (warning).
 */
function checkHolder(params: {
  readonly ctx: RuleContext;
  readonly source: RotaSource;
  readonly path: readonly PropertyKey[];
  readonly week: string;
  readonly slot: Slot;
  readonly login: string;
}): Finding[] {
  const { ctx, source, path, week, slot, login } = params;
  const at = (rule: string, severity: "error" | "warning", message: string) =>
    findingAt({ rule, severity, source, path, message });
  const person = ctx.people.get(login.toLowerCase());
  if (!person)
    return [
      at(
        ROTA_RULE.unknownLogin,
        "error",
        `${login} (${SLOT_WORDS[slot]}, week ${week}) is not in people.yml`,
      ),
    ];
  const findings: Finding[] = [];
  if ((slot === "developer" || slot === "operations") && person.role !== slot) {
    const role = person.role === "developer" ? "a developer" : "an operations engineer";
    findings.push(
      at(
        ROTA_RULE.supportPair,
        "error",
        `${login} is ${role}, so cannot take ${SLOT_WORDS[slot]} (week ${week})`,
      ),
    );
  }
  if (slot !== "shadow" && !person.vetted) {
    findings.push(
      at(
        ROTA_RULE.vetted,
        "error",
        `${login} is not vetted, so may only shadow (${SLOT_WORDS[slot]}, week ${week})`,
      ),
    );
  }
  if (slot === "primary" && !person.onCall) {
    findings.push(
      at(
        ROTA_RULE.onCallOptIn,
        "error",
        `${login} has not opted in to on-call (onCall: true), so cannot be primary (week ${week})`,
      ),
    );
  }
  if (slot === "secondLine" && !person.secondLine) {
    findings.push(
      at(
        ROTA_RULE.secondLine,
        "error",
        `${login} is not on the second line (secondLine: true) (week ${week})`,
      ),
    );
  }
  const away = awayDuring(person, week);
  if (away) {
    findings.push(
      at(
        ROTA_RULE.away,
        "error",
        `${login} is away ${describeRange(away)}, during week ${week} (${SLOT_WORDS[slot]})`,
      ),
    );
  } else if (slot !== "shadow") {
    const work = clientWorkDuring(person, week);
    if (work) {
      findings.push(
        at(
          ROTA_RULE.clientWork,
          "warning",
          `${login} is on client work (${work.project}) ${describeRange(work)}, during week ${week} (${SLOT_WORDS[slot]})`,
        ),
      );
    }
  }
  return findings;
}

/** Rules 1, 2, 3 and 6 over support.yml, for the current and future weeks. */
export function checkSupportWeeks(ctx: RuleContext): Finding[] {
  const source = ctx.rota.sources.support;
  const findings: Finding[] = [];
  for (const [week, entry] of Object.entries(ctx.rota.support).sort(([a], [b]) => a.localeCompare(b))) {
    findings.push(...checkWeekKey(source, week));
    if (isPastWeek(week, ctx.today)) continue;
    for (const slot of ["developer", "operations"] as const) {
      const login = entry[slot];
      if (login === undefined) {
        const missing = slot === "developer" ? "developer" : "operations engineer";
        findings.push(
          findingAt({
            rule: ROTA_RULE.supportPair,
            severity: "error",
            source,
            path: ["weeks", week],
            message: `week ${week} has no ${missing}`,
          }),
        );
      } else {
        findings.push(...checkHolder({ ctx, source, path: ["weeks", week, slot], week, slot, login }));
      }
    }
    entry.shadow.forEach((login, index) => {
      findings.push(
        ...checkHolder({ ctx, source, path: ["weeks", week, "shadow", index], week, slot: "shadow", login }),
      );
    });
  }
  return findings;
}

/** Rules 1, 3, 4 and 6 over on-call.yml, for the current and future weeks. */
export function checkOnCallWeeks(ctx: RuleContext): Finding[] {
  const source = ctx.rota.sources.onCall;
  const findings: Finding[] = [];
  for (const [week, entry] of Object.entries(ctx.rota.onCall).sort(([a], [b]) => a.localeCompare(b))) {
    findings.push(...checkWeekKey(source, week));
    if (isPastWeek(week, ctx.today)) continue;
    if (entry.primary === undefined) {
      findings.push(
        findingAt({
          rule: ROTA_RULE.onCallSlots,
          severity: "error",
          source,
          path: ["weeks", week],
          message: `week ${week} has no primary on call`,
        }),
      );
    } else {
      findings.push(
        ...checkHolder({
          ctx,
          source,
          path: ["weeks", week, "primary"],
          week,
          slot: "primary",
          login: entry.primary,
        }),
      );
    }
    if (entry.secondLine.length === 0) {
      findings.push(
        findingAt({
          rule: ROTA_RULE.onCallSlots,
          severity: "error",
          source,
          path: ["weeks", week],
          message: `week ${week} has no second line`,
        }),
      );
    }
    entry.secondLine.forEach((login, index) => {
      const path = ["weeks", week, "secondLine", index];
      findings.push(...checkHolder({ ctx, source, path, week, slot: "secondLine", login }));
      if (login.toLowerCase() === entry.primary?.toLowerCase()) {
        findings.push(
          findingAt({
            rule: ROTA_RULE.secondLine,
            severity: "error",
            source,
            path,
            message: `${login} is both primary and second line in week ${week}`,
          }),
        );
      }
    });
  }
  return findings;
}
