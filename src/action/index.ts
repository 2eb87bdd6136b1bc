import { provideHolidayLibrary } from "../shell/holiday-library.js";
import { run } from "./run.js";

// Beside dist/index.js: date-holidays bundled on its own, loaded only for a year outside the built-in table.
provideHolidayLibrary({ from: import.meta.url, specifier: "./bank-holiday-library.cjs" });
await run();
