import { DateTime } from "luxon";
import type { FirstlineConfig } from "../config/firstline-config.js";
import type { PageRecord } from "../paging/pages-on-issue.js";
import type { PageAck } from "../paging/woken.js";
import { onCallDay, onCallDayStart, withOverrides } from "../rota/overrides.js";
import type { Rota } from "../rota/types.js";
import { addDays, weekOfDate, weekStart } from "../rota/week.js";
import type { ToilReport } from "./toil.js";

/** One person's month on call, for pay and for their wellbeing. */
export interface OnCallRow {
  readonly login: string;
  /** Weeks on call as primary, and on the second line, that start in the period. */
  readonly weeksPrimary: number;
  readonly weeksSecondLine: number;
  /** On-call days (10:00 to 10:00) starting in the period on which they were primary, single-night cover included. */
  readonly nightsOnCall: number;
  /** Pages that called them: the first page, escalation steps, `/escalate`. */
  readonly pages: number;
  /** Nights on which they acknowledged a page in the woken window. */
  readonly wokenNights: number;
  readonly toilDays: number;
}

/**
 * The on-call report of a period per person: weeks and nights on call (from the rota and its
 * single-night cover), pages received, woken nights and TOIL earned. Everyone with anything to
 * show appears, in login order.
 */
export function onCallReport(params: {
  readonly rota: Pick<Rota, "onCall" | "overrides">;
  readonly from: number;
  readonly to: number;
  readonly zone: string;
  readonly pages: readonly PageRecord[];
  readonly acks: readonly PageAck[];
  readonly woken: FirstlineConfig["alerts"]["woken"];
  readonly toil: ToilReport;
}): OnCallRow[] {
  const { rota, from, to, zone } = params;
  const rows = new Map<string, { -readonly [K in keyof OnCallRow]: OnCallRow[K] }>();
  const row = (login: string) => {
    const key = login.toLowerCase();
    let found = rows.get(key);
    if (!found)
      rows.set(
        key,
        (found = {
          login,
          weeksPrimary: 0,
          weeksSecondLine: 0,
          nightsOnCall: 0,
          pages: 0,
          wokenNights: 0,
          toilDays: 0,
        }),
      );
    return found;
  };
  const within = (ms: number) => ms >= from && ms < to;
  for (const [week, slot] of Object.entries(rota.onCall)) {
    if (!within(weekStart({ week, zone }).toMillis())) continue;
    if (slot.primary) row(slot.primary).weeksPrimary += 1;
    for (const login of slot.secondLine) row(login).weeksSecondLine += 1;
  }
  const firstDay = onCallDay({ at: DateTime.fromMillis(from, { zone }), zone });
  for (let day = firstDay, i = 0; i < 400; i++, day = addDays(day, 1)) {
    const start = onCallDayStart({ date: day, zone }).toMillis();
    if (start >= to) break;
    if (start < from) continue;
    const week = rota.onCall[weekOfDate(day)];
    const on = withOverrides({
      onCall: { primary: week?.primary ?? null, secondLine: week?.secondLine ?? [] },
      overrides: rota.overrides ?? [],
      day,
    });
    if (on.primary) row(on.primary).nightsOnCall += 1;
  }
  for (const page of params.pages)
    if (within(page.at)) for (const login of page.logins) row(login).pages += 1;
  const woken = new Map<string, Set<string>>();
  for (const ack of params.acks) {
    if (!within(ack.at) || !inWokenHours({ at: ack.at, zone, woken: params.woken })) continue;
    const nights = woken.get(ack.login.toLowerCase()) ?? new Set<string>();
    nights.add(onCallDay({ at: DateTime.fromMillis(ack.at, { zone }), zone }));
    woken.set(ack.login.toLowerCase(), nights);
    row(ack.login);
  }
  for (const [key, nights] of woken) {
    const found = rows.get(key);
    if (found) found.wokenNights = nights.size;
  }
  for (const person of params.toil.people) row(person.login).toilDays = person.days;
  return [...rows.values()].sort((a, b) => a.login.localeCompare(b.login));
}

function inWokenHours(params: {
  readonly at: number;
  readonly zone: string;
  readonly woken: FirstlineConfig["alerts"]["woken"];
}): boolean {
  const time = DateTime.fromMillis(params.at, { zone: params.zone }).toFormat("HH:mm");
  const { from, to } = params.woken;
  return from > to ? time >= from || time < to : time >= from && time < to;
}

/** The report as a table for people. */
export function onCallTable(rows: readonly OnCallRow[]): string {
  const header =
    "| person | weeks primary | weeks second line | nights on call | pages | woken nights | TOIL days |";
  const lines = [
    header,
    "|---|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.login} | ${r.weeksPrimary} | ${r.weeksSecondLine} | ${r.nightsOnCall} | ${r.pages} | ${r.wokenNights} | ${r.toilDays} |`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}

/** The report as JSON. */
export function onCallJson(params: {
  readonly rows: readonly OnCallRow[];
  readonly from: string;
  readonly to: string;
}) {
  return { from: params.from, to: params.to, people: params.rows };
}

/** The CSV header of the on-call report. */
export const ON_CALL_CSV_HEADER =
  "login,weeks_primary,weeks_second_line,nights_on_call,pages,woken_nights,toil_days";

/** The report as CSV (CRLF line ends, as the TOIL ledger). Logins need no quoting. */
export function onCallCsv(rows: readonly OnCallRow[]): string {
  const lines = [
    ON_CALL_CSV_HEADER,
    ...rows.map((r) =>
      [r.login, r.weeksPrimary, r.weeksSecondLine, r.nightsOnCall, r.pages, r.wokenNights, r.toilDays].join(
        ",",
      ),
    ),
  ];
  return `${lines.join("\r\n")}\r\n`;
}
