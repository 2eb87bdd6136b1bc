import { DateTime } from "luxon";
import type { Finding } from "../finding.js";
import { findingAt } from "./located.js";
import { ROTA_RULE } from "./rule-ids.js";
import type { NightOverride, Person, Rota } from "./types.js";
import { addDays, HANDOVER_HOUR, weekOfDate } from "./week.js";

/**
 * The on-call day an instant belongs to: on-call days run from the 10:00 handover to 10:00 the
 * next day, local time, so 02:00 on Saturday belongs to Friday's day (Friday night).
 */
export function onCallDay(params: { readonly at: DateTime; readonly zone: string }): string {
  const local = params.at.setZone(params.zone);
  const date = local.toISODate() ?? "";
  return local.hour < HANDOVER_HOUR ? addDays(date, -1) : date;
}

/** The instant an on-call day starts (10:00 local on its date). */
export function onCallDayStart(params: { readonly date: string; readonly zone: string }): DateTime {
  const [year = 0, month = 1, day = 1] = params.date.split("-").map(Number);
  return DateTime.fromObject({ year, month, day, hour: HANDOVER_HOUR }, { zone: params.zone });
}

/** The on-call people of a day once its overrides are applied, with the overrides that applied. */
export function withOverrides(params: {
  readonly onCall: { readonly primary: string | null; readonly secondLine: readonly string[] };
  readonly overrides: readonly NightOverride[];
  readonly day: string;
}): {
  readonly primary: string | null;
  readonly secondLine: readonly string[];
  readonly applied: readonly NightOverride[];
} {
  let { primary } = params.onCall;
  let secondLine = [...params.onCall.secondLine];
  const applied: NightOverride[] = [];
  for (const override of params.overrides) {
    if (override.date !== params.day) continue;
    if (override.slot === "primary" && primary?.toLowerCase() === override.covers.toLowerCase()) {
      primary = override.by;
      applied.push(override);
    }
    if (
      override.slot === "secondLine" &&
      secondLine.some((l) => l.toLowerCase() === override.covers.toLowerCase())
    ) {
      secondLine = secondLine.map((l) =>
        l.toLowerCase() === override.covers.toLowerCase() ? override.by : l,
      );
      applied.push(override);
    }
  }
  return { primary, secondLine, applied };
}

/**
 * The rules of `overrides.yml`, each finding with its file and line: both logins exist; the person
 * covered holds that slot in that day's week; the cover is opted in to that slot, is someone else,
 * and is not away that day; one entry per day and slot. Past days are history and not checked.
 */
export function checkOverrides(params: {
  readonly rota: Rota;
  readonly today: string;
  readonly people: ReadonlyMap<string, Person>;
}): Finding[] {
  const { rota, today, people } = params;
  const source = rota.overridesSource;
  if (!source || !rota.overrides) return [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  rota.overrides.forEach((override, index) => {
    const at = (rule: string, message: string, field?: keyof NightOverride) =>
      findings.push(
        findingAt({
          rule,
          severity: "error",
          source,
          path: field ? ["overrides", index, field] : ["overrides", index],
          message,
        }),
      );
    const key = `${override.date}:${override.slot}`;
    if (seen.has(key))
      at(
        ROTA_RULE.overrideDuplicate,
        `a second override for ${override.slot} on ${override.date}: one entry per day and slot`,
        "date",
      );
    seen.add(key);
    if (override.date < today) return;
    const covered = people.get(override.covers);
    const cover = people.get(override.by);
    if (!covered)
      at(
        ROTA_RULE.unknownLogin,
        `${override.covers} (covered on ${override.date}) is not in people.yml`,
        "covers",
      );
    if (!cover)
      at(ROTA_RULE.unknownLogin, `${override.by} (covering on ${override.date}) is not in people.yml`, "by");
    if (override.by.toLowerCase() === override.covers.toLowerCase())
      at(ROTA_RULE.overrideSlot, `${override.by} cannot cover for themselves`, "by");
    const week = rota.onCall[weekOfDay(override.date)];
    const holders =
      override.slot === "primary" ? (week?.primary ? [week.primary] : []) : [...(week?.secondLine ?? [])];
    if (!holders.some((h) => h.toLowerCase() === override.covers.toLowerCase())) {
      const who = holders.length > 0 ? holders.join(", ") : "nobody";
      at(
        ROTA_RULE.overrideSlot,
        `${override.covers} is not ${override.slot === "primary" ? "the on-call primary" : "on the second line"} on ${override.date} (the rota has ${who})`,
        "covers",
      );
    }
    if (cover) {
      if (override.slot === "primary" && !cover.onCall)
        at(
          ROTA_RULE.onCallOptIn,
          `${override.by} has not opted in to on-call (onCall: true), so cannot cover the primary`,
          "by",
        );
      if (override.slot === "secondLine" && !cover.secondLine)
        at(
          ROTA_RULE.secondLine,
          `${override.by} is not on the second line (secondLine: true), so cannot cover it`,
          "by",
        );
      const away = cover.away.find((range) => range.from <= override.date && override.date <= range.to);
      if (away)
        at(
          ROTA_RULE.away,
          `${override.by} is away ${away.from} to ${away.to}, so cannot cover on ${override.date}`,
          "by",
        );
    }
  });
  return findings;
}

/** The week an on-call day belongs to: the day's 10:00 start decides, so a Wednesday starts a new week. */
function weekOfDay(date: string): string {
  return weekOfDate(date);
}
