import { createRequire } from "node:module";
import type { HolidayLibrary } from "../core/time/bank-holidays-from-library.js";
import { useHolidayLibraryOutsideTable } from "../core/time/holidays.js";

/**
 * Lets the core reach date-holidays for a year outside its built-in table, loading it (with a
 * synchronous `require`, since calendars are synchronous) only when such a year is first asked
 * for. `specifier` is resolved from the module at `from` (an `import.meta.url`): `date-holidays`
 * where node_modules is at hand, the bundled copy beside the Action's entry file otherwise.
 */
export function provideHolidayLibrary(params: { readonly from: string; readonly specifier: string }): void {
  useHolidayLibraryOutsideTable(() => {
    const loaded: unknown = createRequire(params.from)(params.specifier);
    const library: unknown =
      typeof loaded === "function"
        ? loaded
        : typeof loaded === "object" && loaded !== null && "default" in loaded
          ? loaded.default
          : undefined;
    if (typeof library !== "function")
      throw new Error(`${params.specifier} does not export the date-holidays library`);
    return library as HolidayLibrary;
  });
}
