import type { FirstlineConfig } from "../config/firstline-config.js";
import { WEEKDAYS, WorkingCalendar, type LocalInterval, type Weekday } from "../time/calendar.js";

/** The slice of configuration that makes the agency's own working calendar. */
export type AgencyCalendarConfig = Pick<FirstlineConfig, "timezone" | "workingHours" | "holidays">;

/**
 * The agency's working calendar from the configuration: the configured zone, weekly hours, bank
 * holidays of the configured region and extra closed dates. Out of hours is everything else.
 */
export function agencyCalendar(config: AgencyCalendarConfig): WorkingCalendar {
  const week: Partial<Record<Weekday, readonly LocalInterval[]>> = {};
  for (const day of WEEKDAYS) week[day] = config.workingHours[day];
  return new WorkingCalendar({
    zone: config.timezone,
    week,
    region: config.holidays.region,
    extraClosed: config.holidays.extra,
  });
}
