import { DateTime } from "luxon";
import { WorkingCalendar, type CalendarSpec } from "../../src/core/time/calendar.js";
import type { HolidayRegion } from "../../src/core/time/holidays.js";

const nineToFive = [{ open: 600, close: 1080 }];

/** The agency's default calendar (10:00-18:00 Monday to Friday) for a region. */
export function agencyCalendar(
  region: HolidayRegion = "england-and-wales",
  extra: Partial<CalendarSpec> = {},
): WorkingCalendar {
  return new WorkingCalendar({
    zone: "Europe/London",
    week: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
    region,
    extraClosed: [],
    ...extra,
  });
}

/** Epoch milliseconds of a local wall-clock time in a zone, written `2026-12-24 17:30`. */
export function local(text: string, zone = "Europe/London"): number {
  const parsed = DateTime.fromFormat(text, "yyyy-MM-dd HH:mm", { zone });
  if (!parsed.isValid) throw new Error(`bad local time ${text}`);
  return parsed.toMillis();
}

/** The same instant written back as local wall-clock time. */
export function asLocal(ms: number, zone = "Europe/London"): string {
  return DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd HH:mm");
}
