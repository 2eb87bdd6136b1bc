// Builds the runnable JavaScript: lib/ for the command line and the app (dependencies stay in
// node_modules), and the Action's self-contained dist/ (committed, checked current by CI).
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { actionBundleOptions, holidayLibraryBundleOptions } from "./action-bundle-options.mjs";

// The Service page's charts compiled from Vega-Lite to Vega (src/site/charts/service-chart-vega.ts).
execFileSync(process.execPath, ["scripts/run-ts.mjs", "scripts/generate-chart-specs.ts"], {
  stdio: "inherit",
});

// The built-in bank-holiday table (src/core/time/bank-holiday-table.ts), from date-holidays.
execFileSync(process.execPath, ["scripts/run-ts.mjs", "scripts/generate-bank-holiday-table.ts"], {
  stdio: "inherit",
});

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: false,
  logLevel: "warning",
};

const entries = [
  { in: "src/cli/index.ts", out: "lib/cli.js", banner: "#!/usr/bin/env node" },
  { in: "src/app/index.ts", out: "lib/app.js" },
  { in: "src/app/main.ts", out: "lib/server.js" },
];
// A development tool (npm run emulator), built only where dev/ is present: the app's image copies
// src/ alone, and its production install has none of the emulator's libraries.
if (existsSync("dev/emulator/main.ts")) {
  entries.push({ in: "dev/emulator/main.ts", out: "lib/emulator.js", banner: "#!/usr/bin/env node" });
}

for (const entry of entries) {
  await build({
    ...common,
    entryPoints: [entry.in],
    outfile: entry.out,
    packages: "external",
    banner: entry.banner ? { js: entry.banner } : {},
  });
}

// The Action: dist/index.js and the files it loads on demand. Emptied first, so a chunk no
// longer built never lingers in the committed folder. The metafile (what each byte comes from)
// goes to lib/, for the benchmark's report of the bundle's composition.
rmSync("dist", { recursive: true, force: true });
const action = await build({ ...common, ...actionBundleOptions(), metafile: true });
const require = createRequire(import.meta.url);
const holidayLibrary = await build({
  ...common,
  ...holidayLibraryBundleOptions({
    holidayData: require("date-holidays/data").data,
    zoneData: JSON.parse(readFileSync(require.resolve("moment-timezone/data/packed/latest.json"), "utf8")),
  }),
  metafile: true,
});
mkdirSync("lib", { recursive: true });
writeFileSync(
  "lib/action-metafile.json",
  JSON.stringify({
    inputs: { ...action.metafile.inputs, ...holidayLibrary.metafile.inputs },
    outputs: { ...action.metafile.outputs, ...holidayLibrary.metafile.outputs },
  }),
);
