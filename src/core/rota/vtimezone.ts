import { DateTime } from "luxon";

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

function offsetAt(ms: number, zone: string): number {
  return DateTime.fromMillis(ms, { zone }).offset;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

/** The first instant (to the minute) in (low, high] whose offset differs from the one at `low`. */
function transitionBetween(low: number, high: number, zone: string): number {
  const before = offsetAt(low, zone);
  let lo = Math.floor(low / MINUTE_MS);
  let hi = Math.ceil(high / MINUTE_MS);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid * MINUTE_MS, zone) === before) lo = mid;
    else hi = mid;
  }
  return hi * MINUTE_MS;
}

function component(params: { readonly at: number; readonly from: number; readonly zone: string }): string {
  const { at, from, zone } = params;
  const after = DateTime.fromMillis(at, { zone, locale: "en-GB" });
  const kind = after.isInDST ? "DAYLIGHT" : "STANDARD";
  // DTSTART is the local wall-clock time of the change, read in the offset before it.
  const start = DateTime.fromMillis(at + from * MINUTE_MS, { zone: "utc" }).toFormat("yyyyLLdd'T'HHmmss");
  return [
    `BEGIN:${kind}`,
    `TZOFFSETFROM:${formatOffset(from)}`,
    `TZOFFSETTO:${formatOffset(after.offset)}`,
    `TZNAME:${after.offsetNameShort ?? formatOffset(after.offset)}`,
    `DTSTART:${start}`,
    `END:${kind}`,
  ].join("\r\n");
}

/**
 * A VTIMEZONE for an IANA zone with every offset change between two instants, computed with luxon
 * (so it follows the same tz database as every other calendar in Firstline). Callers pass a window
 * that starts before the first event, so each event falls after a listed change.
 */
export function vtimezone(params: {
  readonly zone: string;
  readonly from: DateTime;
  readonly to: DateTime;
}): string {
  const { zone } = params;
  const components: string[] = [];
  const end = params.to.toMillis();
  let previous = params.from.toMillis();
  for (let ms = previous + DAY_MS; ms <= end + DAY_MS; ms += DAY_MS) {
    if (offsetAt(ms, zone) !== offsetAt(previous, zone)) {
      const at = transitionBetween(previous, ms, zone);
      components.push(component({ at, from: offsetAt(previous, zone), zone }));
    }
    previous = ms;
  }
  if (components.length === 0) {
    const offset = offsetAt(params.from.toMillis(), zone);
    const name =
      DateTime.fromMillis(params.from.toMillis(), { zone, locale: "en-GB" }).offsetNameShort ??
      formatOffset(offset);
    components.push(
      [
        "BEGIN:STANDARD",
        `TZOFFSETFROM:${formatOffset(offset)}`,
        `TZOFFSETTO:${formatOffset(offset)}`,
        `TZNAME:${name}`,
        "DTSTART:19700101T000000",
        "END:STANDARD",
      ].join("\r\n"),
    );
  }
  return ["BEGIN:VTIMEZONE", `TZID:${zone}`, ...components, "END:VTIMEZONE"].join("\r\n");
}
