import { BANK_HOLIDAY_TABLE } from "./bank-holiday-table.js";
import {
  bankHolidaysFromLibrary,
  type BankHolidayRegion,
  type HolidayLibrary,
} from "./bank-holidays-from-library.js";
import { decodeHolidayYear } from "./holiday-table-codec.js";

/** The bank-holiday calendars Firstline knows. */
export type HolidayRegion = BankHolidayRegion | "none";

let loadLibrary: (() => HolidayLibrary) | undefined;
let library: HolidayLibrary | undefined;
const byYear = new Map<string, ReadonlyMap<string, string>>();

/**
 * How to reach the date-holidays library for a year outside the built-in table. The shell that
 * runs Firstline provides it (loading a library is the outside world's business, not the core's);
 * it is called at most once, on the first such year.
 */
export function useHolidayLibraryOutsideTable(load: () => HolidayLibrary): void {
  loadLibrary = load;
  library = undefined;
}

/**
 * Bank holidays of a region in a year, as local date (`YYYY-MM-DD`) to name: public holidays on
 * Monday to Friday, so substitute days count and weekend originals do not. Years the built-in
 * table covers (generated from date-holidays at build time) never load the library; any other
 * year asks the library the shell provided. Results are memoised: the answer never changes.
 */
export function bankHolidays(region: HolidayRegion, year: number): ReadonlyMap<string, string> {
  if (region === "none") return new Map();
  const key = `${region}:${year}`;
  const cached = byYear.get(key);
  if (cached) return cached;
  const days =
    decodeHolidayYear({ table: BANK_HOLIDAY_TABLE, region, year }) ??
    bankHolidaysFromLibrary({ library: holidayLibrary(region, year), region, year });
  byYear.set(key, days);
  return days;
}

function holidayLibrary(region: BankHolidayRegion, year: number): HolidayLibrary {
  if (library) return library;
  if (!loadLibrary) {
    throw new Error(
      `the bank holidays of ${region} in ${year} are outside the built-in table (${BANK_HOLIDAY_TABLE.firstYear}-${BANK_HOLIDAY_TABLE.lastYear}) and no holiday library was provided`,
    );
  }
  library = loadLibrary();
  return library;
}
