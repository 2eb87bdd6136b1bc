import { DateTime } from "luxon";
import { bankHolidays, type HolidayRegion } from "./holidays.js";

/** Weekday keys in luxon's order (1 = Monday). */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A half-open interval of local clock time, in minutes from midnight (`[600, 1080)` is 10:00-18:00). */
export interface LocalInterval {
  readonly open: number;
  readonly close: number;
}

/** What makes a working calendar: a zone, weekly hours and closed dates. */
export interface CalendarSpec {
  readonly zone: string;
  readonly week: Readonly<Partial<Record<Weekday, readonly LocalInterval[]>>>;
  readonly region: HolidayRegion;
  /** Extra closed local dates, `YYYY-MM-DD`. */
  readonly extraClosed: readonly string[];
}

/** One local day, with its working intervals as epoch milliseconds. */
export interface CalendarDay {
  /** Days since 1970-01-01 of the local date. */
  readonly ordinal: number;
  readonly date: string;
  readonly weekday: Weekday;
  readonly startMs: number;
  readonly endMs: number;
  readonly intervals: readonly (readonly [number, number])[];
  /** Why the day has no working time, when it has none. */
  readonly closedBecause?: "weekend" | { readonly holiday: string };
}

const DAY_MS = 86_400_000;

/**
 * A working-time calendar. Each local day's working intervals are computed once with luxon and
 * cached as epoch milliseconds, so the SLA arithmetic on the hot path is plain number comparison.
 */
export class WorkingCalendar {
  readonly spec: CalendarSpec;
  /** Working minutes of a standard working day (the most common non-zero weekday length). */
  readonly standardDayMinutes: number;
  private readonly days = new Map<number, CalendarDay>();
  private readonly extra: ReadonlySet<string>;

  constructor(spec: CalendarSpec) {
    const zoneCheck = DateTime.fromMillis(0, { zone: spec.zone });
    if (!zoneCheck.isValid) throw new Error(`unknown time zone "${spec.zone}"`);
    this.spec = spec;
    this.extra = new Set(spec.extraClosed);
    this.standardDayMinutes = standardDayMinutes(spec.week);
    if (this.standardDayMinutes === 0) throw new Error("the working week has no working hours");
  }

  /** The local day with the given ordinal (days since 1970-01-01 local). */
  dayByOrdinal(ordinal: number): CalendarDay {
    const cached = this.days.get(ordinal);
    if (cached) return cached;
    const day = this.buildDay(ordinal);
    this.days.set(ordinal, day);
    return day;
  }

  /** The local day that contains the instant. */
  dayOf(ms: number): CalendarDay {
    // Guess from UTC and correct by at most a day either way: offsets are under 24 hours.
    let day = this.dayByOrdinal(Math.floor(ms / DAY_MS));
    while (ms < day.startMs) day = this.dayByOrdinal(day.ordinal - 1);
    while (ms >= day.endMs) day = this.dayByOrdinal(day.ordinal + 1);
    return day;
  }

  private buildDay(ordinal: number): CalendarDay {
    const utcNoon = new Date(ordinal * DAY_MS);
    const local = DateTime.fromObject(
      { year: utcNoon.getUTCFullYear(), month: utcNoon.getUTCMonth() + 1, day: utcNoon.getUTCDate() },
      { zone: this.spec.zone },
    );
    const start = local.startOf("day");
    const startMs = start.toMillis();
    const endMs = start.plus({ days: 1 }).toMillis();
    const date = start.toISODate() ?? "";
    const weekday = WEEKDAYS[start.weekday - 1] ?? "mon";
    const base = { ordinal, date, weekday, startMs, endMs };
    const holiday = this.extra.has(date)
      ? "closed (extra date)"
      : bankHolidays(this.spec.region, start.year).get(date);
    if (holiday !== undefined) return { ...base, intervals: [], closedBecause: { holiday } };
    const locals = this.spec.week[weekday] ?? [];
    if (locals.length === 0) return { ...base, intervals: [], closedBecause: "weekend" };
    const intervals = locals.map(
      (interval) => [toInstant(start, interval.open), toInstant(start, interval.close)] as const,
    );
    return { ...base, intervals: mergeIntervals(intervals) };
  }
}

function toInstant(dayStart: DateTime, minutes: number): number {
  if (minutes >= 1440) return dayStart.plus({ days: 1 }).toMillis();
  // Local wall-clock time; a time inside a spring-forward gap moves forward, as luxon does.
  return dayStart.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 }).toMillis();
}

function mergeIntervals(intervals: readonly (readonly [number, number])[]): (readonly [number, number])[] {
  const sorted = [...intervals].filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/** The working minutes of a whole week. */
export function weekMinutes(week: CalendarSpec["week"]): number {
  return WEEKDAYS.reduce(
    (sum, day) => sum + (week[day] ?? []).reduce((total, i) => total + Math.max(0, i.close - i.open), 0),
    0,
  );
}

/** The working minutes of a standard working day: the most common day length of the week. */
export function standardDayMinutes(week: CalendarSpec["week"]): number {
  const counts = new Map<number, number>();
  for (const day of WEEKDAYS) {
    const total = (week[day] ?? []).reduce((sum, i) => sum + Math.max(0, i.close - i.open), 0);
    if (total > 0) counts.set(total, (counts.get(total) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [minutes, count] of counts) {
    if (count > bestCount || (count === bestCount && minutes > best)) {
      best = minutes;
      bestCount = count;
    }
  }
  return best;
}

/** Parses `HH:MM-HH:MM` (close may be `24:00`) into minutes; returns a message when it is not one. */
export function parseLocalInterval(text: string): LocalInterval | string {
  const match = /^(\d\d):(\d\d)-(\d\d):(\d\d)$/.exec(text);
  if (!match) return `"${text}" is not an interval such as 10:00-18:00`;
  const [h1, m1, h2, m2] = match.slice(1).map(Number) as [number, number, number, number];
  const open = h1 * 60 + m1;
  const close = h2 * 60 + m2;
  if (h1 > 23 || m1 > 59 || m2 > 59 || close > 1440) return `"${text}" has a time that does not exist`;
  if (close <= open) return `"${text}" closes before it opens`;
  return { open, close };
}

const DAY_NAMES: Record<Weekday, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/**
 * Weekly working hours as people read them, from the configuration: "10:00-18:00 Monday to Friday",
 * or "09:00-17:00 Monday to Thursday, 09:00-13:00 Friday"; "no working hours" for an empty week.
 */
export function describeWeek(week: CalendarSpec["week"]): string {
  const hoursOf = (day: Weekday): string =>
    (week[day] ?? []).map((i) => `${clock(i.open)}-${clock(i.close)}`).join(" and ");
  const runs: { hours: string; first: Weekday; last: Weekday }[] = [];
  for (const day of WEEKDAYS) {
    const hours = hoursOf(day);
    if (hours === "") continue;
    const previous = runs.at(-1);
    if (previous && previous.hours === hours && WEEKDAYS.indexOf(previous.last) === WEEKDAYS.indexOf(day) - 1)
      previous.last = day;
    else runs.push({ hours, first: day, last: day });
  }
  if (runs.length === 0) return "no working hours";
  return runs
    .map(({ hours, first, last }) => {
      if (first === last) return `${hours} ${DAY_NAMES[first]}`;
      const joiner = WEEKDAYS.indexOf(last) - WEEKDAYS.indexOf(first) === 1 ? " and " : " to ";
      return `${hours} ${DAY_NAMES[first]}${joiner}${DAY_NAMES[last]}`;
    })
    .join(", ");
}
