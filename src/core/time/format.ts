import { DateTime } from "luxon";

const abbreviations = new Map<string, string>();

/**
 * The zone's short name at an instant (`GMT`, `BST`). Luxon asks Intl for it afresh each time,
 * which was most of the cost of rendering a ticket card; it depends only on the zone, the offset
 * and (for zones that renamed an offset) the year, so it is looked up once for each.
 */
export function zoneAbbreviation(local: DateTime): string {
  const key = `${local.zoneName ?? ""}|${local.offset}|${local.year}`;
  let name = abbreviations.get(key);
  if (name === undefined) {
    name = local.toFormat("ZZZZ");
    abbreviations.set(key, name);
  }
  return name;
}

/** An instant as people read it: `Tue 29 Dec 10:30 GMT`, in the calendar's zone. */
export function formatLocal(ms: number, zone: string): string {
  const local = DateTime.fromMillis(ms, { zone, locale: "en-GB" });
  return `${local.toFormat("ccc d LLL HH:mm")} ${zoneAbbreviation(local)}`;
}

/** An instant with its year, for reports that span years: `Tue 29 Dec 2026 10:30 GMT`. */
export function formatLocalWithYear(ms: number, zone: string): string {
  const local = DateTime.fromMillis(ms, { zone, locale: "en-GB" });
  return `${local.toFormat("ccc d LLL yyyy HH:mm")} ${zoneAbbreviation(local)}`;
}

/** An instant as ISO 8601 in UTC without milliseconds: `2026-12-29T10:30:00Z`. */
export function isoInstant(ms: number): string {
  return (
    DateTime.fromMillis(ms, { zone: "utc" }).toISO({ suppressMilliseconds: true }) ??
    new Date(ms).toISOString()
  );
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
