import Holidays from "date-holidays";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import {
  bankHolidaysFromLibrary,
  type HolidayLibrary,
} from "../../src/core/time/bank-holidays-from-library.js";
import { bankHolidays } from "../../src/core/time/holidays.js";
import { provideHolidayLibrary } from "../../src/shell/holiday-library.js";

/** The Action's wiring: the library beside dist/index.js, required only for a year outside the table. */
describe("the holiday library as the Action provides it", () => {
  const entry = pathToFileURL(join(process.cwd(), "dist/index.js")).href;

  it("a file that is not there fails only when a year outside the table is asked for, naming it", () => {
    provideHolidayLibrary({ from: entry, specifier: "./no-such-library.cjs" });
    expect(bankHolidays("scotland", 2030).get("2030-12-02")).toBe("St Andrew’s Day (substitute day)");
    expect(() => bankHolidays("scotland", 2150)).toThrow(/no-such-library\.cjs/);
  });

  it("dist/bank-holiday-library.cjs answers for 2150 as date-holidays does", () => {
    provideHolidayLibrary({ from: entry, specifier: "./bank-holiday-library.cjs" });
    const library = Holidays as unknown as HolidayLibrary;
    expect([...bankHolidays("northern-ireland", 2150)]).toEqual([
      ...bankHolidaysFromLibrary({ library, region: "northern-ireland", year: 2150 }),
    ]);
    expect(bankHolidays("northern-ireland", 2150).size).toBeGreaterThan(8);
  });
});
