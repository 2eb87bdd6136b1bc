import type { DateTime } from "luxon";
import { WorkingCalendar } from "../time/calendar.js";

const TEN_TO_SIX = [{ open: 10 * 60, close: 18 * 60 }];
const standardCalendars = new Map<string, WorkingCalendar>();

/**
 * First line hours when no configuration says otherwise: 10:00-18:00 Monday to Friday in the zone,
 * closed on England & Wales bank holidays. One calendar per zone, so its day cache is shared.
 */
export function standardCalendar(zone: string): WorkingCalendar {
  let calendar = standardCalendars.get(zone);
  if (!calendar) {
    calendar = new WorkingCalendar({
      zone,
      week: { mon: TEN_TO_SIX, tue: TEN_TO_SIX, wed: TEN_TO_SIX, thu: TEN_TO_SIX, fri: TEN_TO_SIX },
      region: "england-and-wales",
      extraClosed: [],
    });
    standardCalendars.set(zone, calendar);
  }
  return calendar;
}

/**
 * Whether an instant is inside working hours, when first line support answers rather than on call:
 * the given working calendar, or the standard one of the zone (10:00-18:00 Monday to Friday, not on
 * England & Wales bank holidays, by local date).
 */
export function isInHours(params: {
  readonly at: DateTime;
  readonly zone: string;
  readonly calendar?: WorkingCalendar | undefined;
}): boolean {
  const ms = params.at.toMillis();
  const calendar = params.calendar ?? standardCalendar(params.zone);
  return calendar.dayOf(ms).intervals.some(([open, close]) => ms >= open && ms < close);
}
