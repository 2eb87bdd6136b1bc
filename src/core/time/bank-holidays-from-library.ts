/** The bank-holiday regions Firstline knows, each a state of date-holidays' `GB`. */
export type BankHolidayRegion = "england-and-wales" | "scotland" | "northern-ireland";

/** Every region, in a fixed order (the built-in table's and its test's). */
export const BANK_HOLIDAY_REGIONS: readonly BankHolidayRegion[] = [
  "england-and-wales",
  "scotland",
  "northern-ireland",
];

const STATE_OF: Record<BankHolidayRegion, string> = {
  "england-and-wales": "ENG",
  scotland: "SCT",
  "northern-ireland": "NIR",
};

/** The part of a date-holidays entry Firstline reads. */
export interface LibraryHoliday {
  /** Local date and time, `YYYY-MM-DD hh:mm:ss`. */
  readonly date: string;
  readonly name: string;
  readonly type: string;
}

/** The part of the date-holidays library Firstline uses: `new Holidays("GB", "ENG").getHolidays(2027)`. */
export type HolidayLibrary = new (
  country: string,
  state: string,
) => { getHolidays(year: number): readonly LibraryHoliday[] | false | undefined };

/**
 * Bank holidays of a region in a year, straight from the library, as local date (`YYYY-MM-DD`) to
 * name. Only public holidays on Monday to Friday are kept, so substitute days count and weekend
 * originals do not; the local date is used, never the UTC instant. The library is passed in, so
 * this stays pure: the build runs it to make the built-in table, a shell runs it for other years.
 */
export function bankHolidaysFromLibrary(params: {
  readonly library: HolidayLibrary;
  readonly region: BankHolidayRegion;
  readonly year: number;
}): Map<string, string> {
  const engine = new params.library("GB", STATE_OF[params.region]);
  const days = new Map<string, string>();
  for (const holiday of engine.getHolidays(params.year) || []) {
    if (holiday.type !== "public") continue;
    const date = holiday.date.slice(0, 10);
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    if (!days.has(date)) days.set(date, holiday.name);
  }
  return days;
}
