import Holidays from "date-holidays";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { BANK_HOLIDAY_TABLE } from "../../../src/core/time/bank-holiday-table.js";
import {
  BANK_HOLIDAY_REGIONS,
  bankHolidaysFromLibrary,
  type HolidayLibrary,
} from "../../../src/core/time/bank-holidays-from-library.js";
import { bankHolidays, useHolidayLibraryOutsideTable } from "../../../src/core/time/holidays.js";

const library = Holidays as unknown as HolidayLibrary;
const years = Array.from(
  { length: BANK_HOLIDAY_TABLE.lastYear - BANK_HOLIDAY_TABLE.firstYear + 1 },
  (_, i) => BANK_HOLIDAY_TABLE.firstYear + i,
);

describe("bank holidays: the built-in table and date-holidays agree", () => {
  it("covers 2000 to 2100, generated from the installed library", () => {
    expect([BANK_HOLIDAY_TABLE.firstYear, BANK_HOLIDAY_TABLE.lastYear]).toEqual([2000, 2100]);
    expect(BANK_HOLIDAY_TABLE.source).toBe(
      `date-holidays ${(createRequire(import.meta.url)("date-holidays/package.json") as { version: string }).version}`,
    );
  });

  it("a year outside the table, with no library provided, is an error naming the table's years", () => {
    expect(() => bankHolidays("england-and-wales", 2101)).toThrow(/outside the built-in table \(2000-2100\)/);
  });

  it.each(BANK_HOLIDAY_REGIONS)(
    "%s: every year from 2000 to 2100, date and name, without the library",
    (region) => {
      useHolidayLibraryOutsideTable(() => {
        throw new Error("the library was loaded for a year the table covers");
      });
      for (const year of years) {
        expect([...bankHolidays(region, year)], `${region} ${year}`).toEqual([
          ...bankHolidaysFromLibrary({ library, region, year }),
        ]);
      }
    },
  );

  it.each([
    [
      "england-and-wales",
      2012,
      [
        ["2012-01-02", "New Year's Day (substitute day)"],
        ["2012-06-05", "Queen’s Diamond Jubilee"],
      ],
    ],
    [
      "scotland",
      2027,
      [
        ["2027-01-04", "January 2nd (substitute day)"],
        ["2027-11-30", "St Andrew’s Day"],
      ],
    ],
    [
      "northern-ireland",
      2026,
      [
        ["2026-03-17", "St Patrick’s Day"],
        ["2026-07-13", "Battle of the Boyne (Orangemen’s Day) (substitute day)"],
      ],
    ],
  ] as const)("%s %i includes the region's own days and substitutes", (region, year, expected) => {
    const days = bankHolidays(region, year);
    for (const [date, name] of expected) expect(days.get(date)).toBe(name);
  });

  it("a year outside the table comes from the library the shell provides, loaded once", () => {
    let loads = 0;
    useHolidayLibraryOutsideTable(() => {
      loads += 1;
      return library;
    });
    for (const region of BANK_HOLIDAY_REGIONS) {
      for (const year of [1999, 2101])
        expect([...bankHolidays(region, year)]).toEqual([
          ...bankHolidaysFromLibrary({ library, region, year }),
        ]);
    }
    expect(bankHolidays("england-and-wales", 1999).get("1999-12-27")).toBe("Christmas Day (substitute day)");
    expect(loads).toBe(1);
  });

  it("the region none has no bank holidays", () => {
    expect(bankHolidays("none", 2026).size).toBe(0);
  });
});
