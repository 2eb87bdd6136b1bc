import { provideHolidayLibrary } from "../shell/holiday-library.js";
import { main } from "./main.js";
import { nodeIo } from "../shell/node-io.js";

provideHolidayLibrary({ from: import.meta.url, specifier: "date-holidays" });
process.exitCode = await main(process.argv.slice(2), nodeIo());
