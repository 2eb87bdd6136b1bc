import { DateTime } from "luxon";

/** An instant as people read it: `Tue 29 Dec 10:30 GMT`, in the calendar's zone. */
export function formatLocal(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone, locale: "en-GB" }).toFormat("ccc d LLL HH:mm ZZZZ");
}

/** An instant with its year, for reports that span years: `Tue 29 Dec 2026 10:30 GMT`. */
export function formatLocalWithYear(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone, locale: "en-GB" }).toFormat("ccc d LLL yyyy HH:mm ZZZZ");
}

/** An instant as ISO 8601 in UTC without milliseconds: `2026-12-29T10:30:00Z`. */
export function isoInstant(ms: number): string {
  return DateTime.fromMillis(ms, { zone: "utc" }).toISO({ suppressMilliseconds: true }) ?? new Date(ms).toISOString();
}

/** A duration in minutes as `2h 15m`, `3d 2h` style words for people. */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? "-" : "";
  let rest = Math.round(Math.abs(minutes));
  const hours = Math.floor(rest / 60);
  rest -= hours * 60;
  if (hours === 0) return `${sign}${rest}m`;
  return rest === 0 ? `${sign}${hours}h` : `${sign}${hours}h ${rest}m`;
}
