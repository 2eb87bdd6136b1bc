import Holidays from "date-holidays";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  BANK_HOLIDAY_REGIONS,
  bankHolidaysFromLibrary,
  type HolidayLibrary,
} from "../../src/core/time/bank-holidays-from-library.js";

/**
 * The Action's own copy of date-holidays (dist/bank-holiday-library.cjs, GB's rules and zones
 * only), which it loads for a year outside the built-in table, answers as the library does.
 */
describe("the Action's bundled holiday library", () => {
  const loaded = createRequire(import.meta.url)(join(process.cwd(), "dist/bank-holiday-library.cjs")) as {
    default: HolidayLibrary;
  };
  const library = Holidays as unknown as HolidayLibrary;

  it.each(BANK_HOLIDAY_REGIONS)(
    "%s: the years either side of the table, 1950-1999 and 2101-2150, as date-holidays gives them",
    (region) => {
      for (const year of [
        ...Array.from({ length: 50 }, (_, i) => 1950 + i),
        ...Array.from({ length: 50 }, (_, i) => 2101 + i),
      ]) {
        expect(
          [...bankHolidaysFromLibrary({ library: loaded.default, region, year })],
          `${region} ${year}`,
        ).toEqual([...bankHolidaysFromLibrary({ library, region, year })]);
      }
    },
  );
});
