import Holidays from "date-holidays";
import type { DateTime } from "luxon";

// TODO(src/core/time): switch to the shared working calendar in src/core/time once it has landed,
// so `rota who` follows the configured working hours and holidays instead of this fixed week.

const OPEN_MINUTE = 10 * 60;
const CLOSE_MINUTE = 18 * 60;
let engine: Holidays | undefined;
const holidaysByYear = new Map<number, ReadonlySet<string>>();

/** England & Wales bank holidays of a year on Monday to Friday (substitute days included). */
function bankHolidays(year: number): ReadonlySet<string> {
  const cached = holidaysByYear.get(year);
  if (cached) return cached;
  engine ??= new Holidays("GB", "ENG");
  const dates = new Set(
    (engine.getHolidays(year) || [])
      .filter((holiday) => holiday.type === "public")
      .map((holiday) => holiday.date.slice(0, 10))
      .filter((date) => {
        const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
        return weekday !== 0 && weekday !== 6;
      }),
  );
  holidaysByYear.set(year, dates);
  return dates;
}

/**
 * Whether an instant is inside first line hours: 10:00-18:00 Monday to Friday local time, except
 * England & Wales bank holidays (by local date).
 */
export function isInHours(params: { readonly at: DateTime; readonly zone: string }): boolean {
  const local = params.at.setZone(params.zone);
  if (local.weekday > 5) return false;
  const minute = local.hour * 60 + local.minute;
  if (minute < OPEN_MINUTE || minute >= CLOSE_MINUTE) return false;
  return !bankHolidays(local.year).has(local.toISODate() ?? "");
}
