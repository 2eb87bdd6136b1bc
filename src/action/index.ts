import * as nodeModule from "node:module";

// V8's code cache for the modules the run loads (Node 22.1 and later; Node 20 has no such switch):
// a later run on the same machine skips compiling them. Kept in NODE_COMPILE_CACHE when set, else
// in the system's temporary folder; a cache that does not fit the Node binary is simply rebuilt.
// Enabled before anything else loads, hence the imports below are dynamic.
const withCompileCache = nodeModule as { enableCompileCache?: () => unknown };
withCompileCache.enableCompileCache?.();

const [{ provideHolidayLibrary }, { run }] = await Promise.all([
  import("../shell/holiday-library.js"),
  import("./run.js"),
]);
// Beside dist/index.js: date-holidays bundled on its own, loaded only for a year outside the built-in table.
provideHolidayLibrary({ from: import.meta.url, specifier: "./bank-holiday-library.cjs" });
await run();
