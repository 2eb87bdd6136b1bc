import { DateTime } from "luxon";
import type { DateRange } from "./types.js";

/** Support and on-call hand over at 10:00 local time on Wednesdays. */
export const HANDOVER_HOUR = 10;
const WEDNESDAY = 3;

/** The handover's local time of day as people read it ("10:00"). */
export const HANDOVER_CLOCK = `${String(HANDOVER_HOUR).padStart(2, "0")}:00`;
/** The handover as people read it ("Wednesday 10:00"): every text about weeks says it this way. */
export const HANDOVER_TEXT = `Wednesday ${HANDOVER_CLOCK}`;

function dateValue(date: string): DateTime {
  const value = DateTime.fromISO(date, { zone: "utc" });
  if (!value.isValid) throw new Error(`not a date: "${date}"`);
  return value;
}

function dateText(value: DateTime): string {
  return value.toISODate() ?? "";
}

/** The local date `days` days after `date` (both `YYYY-MM-DD`). */
export function addDays(date: string, days: number): string {
  return dateText(dateValue(date).plus({ days }));
}

/** Whether a `YYYY-MM-DD` date is a Wednesday, the day every rota week is keyed by. */
export function isWednesday(date: string): boolean {
  return dateValue(date).weekday === WEDNESDAY;
}

/** The week (its Wednesday) that a local date falls in: the Wednesday on or before it. */
export function weekOfDate(date: string): string {
  const value = dateValue(date);
  return dateText(value.minus({ days: (value.weekday - WEDNESDAY + 7) % 7 }));
}

/** The first Wednesday on or after a local date. */
export function weekOnOrAfter(date: string): string {
  const value = dateValue(date);
  return dateText(value.plus({ days: (WEDNESDAY - value.weekday + 7) % 7 }));
}

/** The instant a week starts: its Wednesday at 10:00 in the zone (right across daylight saving). */
export function weekStart(params: { readonly week: string; readonly zone: string }): DateTime {
  const { year, month, day } = dateValue(params.week);
  return DateTime.fromObject({ year, month, day, hour: HANDOVER_HOUR }, { zone: params.zone });
}

/** The instant a week ends: the next Wednesday at 10:00 in the zone. */
export function weekEnd(params: { readonly week: string; readonly zone: string }): DateTime {
  return weekStart({ week: addDays(params.week, 7), zone: params.zone });
}

/**
 * The week running at an instant: weeks run from Wednesday 10:00 local to the next Wednesday
 * 10:00 local, so Wednesday 09:59 still belongs to the week before.
 */
export function weekAt(params: { readonly at: DateTime; readonly zone: string }): string {
  const local = params.at.setZone(params.zone);
  const week = weekOfDate(local.toISODate() ?? "");
  return local < weekStart({ week, zone: params.zone }) ? addDays(week, -7) : week;
}

/** The local date of an instant in a zone. */
export function localDate(params: { readonly at: DateTime; readonly zone: string }): string {
  return params.at.setZone(params.zone).toISODate() ?? "";
}

/** Every week key from `first` to `last` inclusive, a week apart. */
export function weeksFrom(params: { readonly first: string; readonly last: string }): string[] {
  const weeks: string[] = [];
  for (let week = params.first; week <= params.last; week = addDays(week, 7)) weeks.push(week);
  return weeks;
}

/**
 * Whether a date range touches a week. A week's days are its Wednesday to the following Tuesday
 * (the playbook's "start on Wednesdays and finish on Tuesdays"); the hour after midnight before the
 * next handover does not make someone who leaves on Wednesday clash with the week before.
 */
export function overlapsWeek(range: DateRange, week: string): boolean {
  return range.from <= addDays(week, 6) && range.to >= week;
}
