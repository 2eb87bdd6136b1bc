import Holidays from "date-holidays";

/** The bank-holiday calendars Firstline knows. */
export type HolidayRegion = "england-and-wales" | "scotland" | "northern-ireland" | "none";

const STATE_OF: Record<Exclude<HolidayRegion, "none">, string> = {
  "england-and-wales": "ENG",
  scotland: "SCT",
  "northern-ireland": "NIR",
};

const engines = new Map<string, Holidays>();
const byYear = new Map<string, ReadonlyMap<string, string>>();

/**
 * Bank holidays of a region in a year, as local date (`YYYY-MM-DD`) to name. Only public holidays
 * on Monday to Friday are kept, so substitute days count and weekend originals do not. Results are
 * memoised: the library is slow to construct and the answer never changes.
 */
export function bankHolidays(region: HolidayRegion, year: number): ReadonlyMap<string, string> {
  if (region === "none") return new Map();
  const key = `${region}:${year}`;
  const cached = byYear.get(key);
  if (cached) return cached;
  let engine = engines.get(region);
  if (!engine) {
    engine = new Holidays("GB", STATE_OF[region]);
    engines.set(region, engine);
  }
  const days = new Map<string, string>();
  for (const holiday of engine.getHolidays(year) || []) {
    if (holiday.type !== "public") continue;
    const date = holiday.date.slice(0, 10);
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    if (!days.has(date)) days.set(date, holiday.name);
  }
  byYear.set(key, days);
  return days;
}
