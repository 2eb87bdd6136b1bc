import { formatLocalWithYear, formatMinutes, isoInstant } from "../time/format.js";
import type { ToilReport } from "./toil.js";

/** The command-line contract's JSON: `{people: [{login, days, groups: [{start, alerts, base, extra}]}]}`, plus details. */
export function toilJson(report: ToilReport) {
  return {
    people: report.people.map((person) => ({
      login: person.login,
      days: person.days,
      groups: person.groups.map((group) => ({
        start: isoInstant(group.start),
        alerts: group.alerts,
        base: group.base,
        extra: group.extra,
        days: group.days,
        woke: group.woke,
        workedMinutes: group.workedMinutes,
      })),
    })),
    inHours: report.inHours.map((alert) => alert.id),
  };
}

/** The CSV header the HR system imports. */
export const TOIL_CSV_HEADER = "login,group_start,alerts,base,extra,days";

/**
 * TOIL as CSV for the HR system: one row per group (`alerts` is how many alerts the group
 * holds), RFC 4180 quoting, CRLF line ends, instants in UTC.
 */
export function toilCsv(report: ToilReport): string {
  const rows = [TOIL_CSV_HEADER];
  for (const person of report.people) {
    for (const group of person.groups) {
      rows.push(
        [
          person.login,
          isoInstant(group.start),
          String(group.alerts.length),
          String(group.base),
          String(group.extra),
          String(group.days),
        ]
          .map(csvField)
          .join(","),
      );
    }
  }
  return `${rows.join("\r\n")}\r\n`;
}

/** A readable report: each person's total, then each group with its local start time. */
export function toilTable(params: { readonly report: ToilReport; readonly zone: string }): string {
  const { report, zone } = params;
  const counted = report.people.reduce(
    (sum, p) => sum + p.groups.reduce((n, g) => n + g.alerts.length, 0),
    0,
  );
  const lines = [
    `TOIL from ${plural(counted, "out-of-hours alert")}; ${plural(report.inHours.length, "alert")} in working hours not counted.`,
  ];
  for (const person of report.people) {
    lines.push(
      "",
      `${person.login}: ${plural(person.days, "day")} from ${plural(person.groups.length, "group")}`,
    );
    for (const group of person.groups) {
      const how = `${group.woke ? "woke" : "awake"}, worked ${formatMinutes(group.workedMinutes)}`;
      const sum =
        group.extra > 0
          ? `${group.base} + ${group.extra} = ${plural(group.days, "day")}`
          : plural(group.days, "day");
      lines.push(
        `  ${formatLocalWithYear(group.start, zone)}  ${plural(group.alerts.length, "alert")} (${group.alerts.join(", ")}), ${how}: ${sum}`,
      );
    }
  }
  if (report.people.length === 0) lines.push("", "Nobody has TOIL to claim.");
  return `${lines.join("\n")}\n`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function csvField(value: string): string {
  // A leading formula character would run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
