import rrulePackage from "rrule";

// rrule ships CommonJS without `exports`; Node's ES module loader only sees its default export.
const { RRule } = rrulePackage;

/** A day of the year: `YYYY-MM-DD`, read as a local ("floating") date with no zone. */
export type LocalDate = string;

const WEEKDAY = "(MO|TU|WE|TH|FR|SA|SU)";
const DAY_MS = 86_400_000;
const MONTH_LENGTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
type Freq = "DAILY" | "WEEKLY" | "MONTHLY" | "YEARLY";

/** A number list part such as BYMONTHDAY=1,-1: each value non-zero and within ±max. */
function numberList(value: string, max: number, signed: boolean): number[] | undefined {
  const items = value.split(",");
  const numbers = items.map((item) =>
    new RegExp(signed ? "^[+-]?\\d{1,3}$" : "^\\d{1,3}$").test(item) ? Number(item) : NaN,
  );
  return numbers.every((n) => Number.isInteger(n) && n !== 0 && Math.abs(n) <= max) ? numbers : undefined;
}

function checkPart(name: string, value: string, freq: Freq | undefined): string | null {
  const range = (max: number, signed: boolean, what: string) =>
    numberList(value, max, signed) ? null : `${name} must be a list of ${what}`;
  switch (name) {
    case "FREQ":
      if (["SECONDLY", "MINUTELY", "HOURLY"].includes(value))
        return "occurrences are dates: FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY";
      return ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"].includes(value)
        ? null
        : `FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY, not "${value}"`;
    case "INTERVAL":
      return /^[1-9]\d{0,2}$/.test(value) ? null : "INTERVAL must be a whole number from 1 to 999";
    case "COUNT":
      return /^[1-9]\d{0,3}$/.test(value) ? null : "COUNT must be a whole number from 1 to 9999";
    case "UNTIL": {
      const match = /^(\d{4})(\d\d)(\d\d)(T\d{6}Z?)?$/.exec(value);
      const ok = match !== null && isRealDate(`${match[1]}-${match[2]}-${match[3]}`);
      return ok ? null : "UNTIL must be a date such as 20271231";
    }
    case "BYDAY": {
      const days = value.split(",").map((item) => new RegExp(`^([+-]?\\d{1,2})?${WEEKDAY}$`).exec(item));
      if (days.some((d) => d === null)) return "BYDAY must be a list of weekdays such as MO,WE or 1WE,-1FR";
      const nths = days
        .map((d) => d?.[1])
        .filter((n): n is string => n !== undefined)
        .map(Number);
      if (nths.length > 0 && freq !== "MONTHLY" && freq !== "YEARLY")
        return "BYDAY may number its weekdays (1WE, -1FR) only when FREQ is MONTHLY or YEARLY";
      const max = freq === "MONTHLY" ? 5 : 53;
      return nths.every((n) => n !== 0 && Math.abs(n) <= max)
        ? null
        : `BYDAY numbers must be from 1 to ${max} or -${max} to -1`;
    }
    case "BYMONTHDAY":
      if (freq === "WEEKLY") return "BYMONTHDAY cannot be used when FREQ is WEEKLY";
      return range(31, true, "days of the month from 1 to 31 (or -31 to -1 counting from the end)");
    case "BYYEARDAY":
      if (freq !== "YEARLY") return "BYYEARDAY can be used only when FREQ is YEARLY";
      return range(366, true, "days of the year from 1 to 366 (or -366 to -1)");
    case "BYWEEKNO":
      if (freq !== "YEARLY") return "BYWEEKNO can be used only when FREQ is YEARLY";
      return range(53, true, "week numbers from 1 to 53 (or -53 to -1)");
    case "BYMONTH":
      return range(12, false, "months from 1 to 12");
    case "BYSETPOS":
      if (freq === "DAILY") return "BYSETPOS cannot be used when FREQ is DAILY";
      return range(
        freq === "WEEKLY" ? 7 : freq === "MONTHLY" ? 31 : 366,
        true,
        "positions such as 1 or -1 within the set of each period",
      );
    case "WKST":
      return new RegExp(`^${WEEKDAY}$`).test(value) ? null : "WKST must be a weekday such as MO";
    case "BYHOUR":
    case "BYMINUTE":
    case "BYSECOND":
      return `occurrences are dates: ${name} has no meaning here`;
    case "DTSTART":
    case "TZID":
      return `${name} is not part of a rule here: use "since" for the first date`;
    default:
      return `unknown rule part "${name}"`;
  }
}

function isRealDate(date: LocalDate): boolean {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === date;
}

/** Whether some month of BYMONTH has one of the BYMONTHDAY days (so the rule can ever occur). */
function monthDaysPossible(parts: ReadonlyMap<string, string>): boolean {
  const monthDays = parts.get("BYMONTHDAY");
  if (monthDays === undefined) return true;
  const days = numberList(monthDays, 31, true) ?? [];
  const months = numberList(parts.get("BYMONTH") ?? "1,2,3,4,5,6,7,8,9,10,11,12", 12, false) ?? [];
  return months.some((m) => days.some((d) => Math.abs(d) <= (MONTH_LENGTH[m - 1] ?? 31)));
}

/**
 * Checks recurrence rule text strictly (RFC 5545 RRULE, dates only) before the rrule library sees
 * it: that library loops forever on some malformed values and runs to the year 9999 on rules
 * that can never occur. Returns the normalised rule, or a message saying what is wrong.
 */
export function checkRecurrenceRule(
  text: string,
): { readonly ok: true; readonly rule: string } | { readonly ok: false; readonly message: string } {
  const fail = (message: string) => ({
    ok: false as const,
    message: `${message} (in ${JSON.stringify(text)})`,
  });
  if (/[\r\n]/.test(text)) return fail("a rule is one line");
  const body = text
    .trim()
    .toUpperCase()
    .replace(/^RRULE:/, "");
  if (body === "") return fail("the rule is empty");
  const parts = new Map<string, string>();
  for (const part of body.split(";")) {
    const match = /^([A-Z]+)=(.+)$/.exec(part);
    if (!match) return fail(`"${part}" is not NAME=VALUE`);
    const [, name = "", value = ""] = match;
    if (parts.has(name)) return fail(`${name} appears twice`);
    parts.set(name, value);
  }
  const freqText = parts.get("FREQ");
  if (freqText === undefined) return fail("FREQ is missing (for example FREQ=MONTHLY)");
  const freqProblem = checkPart("FREQ", freqText, undefined);
  if (freqProblem) return fail(freqProblem);
  const freq = freqText as Freq;
  for (const [name, value] of parts) {
    const problem = checkPart(name, value, freq);
    if (problem) return fail(problem);
  }
  if (parts.has("COUNT") && parts.has("UNTIL")) return fail("COUNT and UNTIL cannot both be given");
  if (parts.has("BYSETPOS") && ![...parts.keys()].some((k) => k.startsWith("BY") && k !== "BYSETPOS")) {
    return fail("BYSETPOS needs another BY part to pick from");
  }
  if (!monthDaysPossible(parts))
    return fail("the rule never occurs: no month in BYMONTH has that BYMONTHDAY");
  return { ok: true, rule: [...parts].map(([name, value]) => `${name}=${value}`).join(";") };
}

/** Days since 1970-01-01 of a local date. */
export function dateOrdinal(date: LocalDate): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** The local date of an ordinal. */
export function ordinalDate(ordinal: number): LocalDate {
  return new Date(ordinal * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The dates on which a rule occurs between `from` and `to` (inclusive), counting from `since`.
 * Dates are floating: the rule starts at UTC midnight of `since` and UTC dates are read back as
 * local dates, so no zone or daylight-saving change can shift an occurrence to another day.
 * Throws when the rule is not valid: check it with {@link checkRecurrenceRule} first.
 */
export function expandRecurrence(params: {
  readonly rrule: string;
  readonly since: LocalDate;
  readonly from: LocalDate;
  readonly to: LocalDate;
}): LocalDate[] {
  const checked = checkRecurrenceRule(params.rrule);
  if (!checked.ok) throw new Error(checked.message);
  const start = Math.max(dateOrdinal(params.since), dateOrdinal(params.from));
  const end = dateOrdinal(params.to);
  if (start > end) return [];
  const options = RRule.parseString(checked.rule);
  const rule = new RRule({ ...options, dtstart: new Date(dateOrdinal(params.since) * DAY_MS), tzid: null });
  return rule
    .between(new Date(start * DAY_MS), new Date(end * DAY_MS), true)
    .map((d) => d.toISOString().slice(0, 10));
}
