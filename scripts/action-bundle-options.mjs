// How the Action is bundled into dist/ (used by scripts/build.mjs).
import { readFile } from "node:fs/promises";
import { basename, resolve } from "node:path";

/**
 * @actions/core imports an HTTP client (and through it undici, about 400 KB) for one function the
 * Action never calls, `getIDToken`. Declaring those modules free of side effects lets the bundler
 * drop them when nothing uses what they export; anything that did use them would keep them.
 */
const unusedOidcClient = {
  name: "unused-oidc-client",
  setup(build) {
    const withoutSideEffects = async (args) => {
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: "unused-oidc-client",
      });
      return resolved.errors.length > 0
        ? { errors: resolved.errors }
        : { path: resolved.path, sideEffects: false };
    };
    build.onResolve({ filter: /^(@actions\/http-client|undici)(\/|$)/ }, (args) =>
      args.pluginData === "unused-oidc-client" ? undefined : withoutSideEffects(args),
    );
    build.onResolve({ filter: /\/oidc-utils\.js$/ }, (args) =>
      args.pluginData === "unused-oidc-client" || !args.importer.includes("@actions/core")
        ? undefined
        : withoutSideEffects(args),
    );
  },
};

/** Octokit's JSON parsing, with the engine's own parser for answers that hold no big integer. */
const fastJsonParse = {
  name: "fast-json-parse",
  setup(build) {
    build.onResolve({ filter: /^json-with-bigint$/ }, (args) =>
      args.importer.endsWith("json-with-bigint-fast.mjs")
        ? undefined
        : { path: resolve("scripts/json-with-bigint-fast.mjs") },
    );
  },
};

/**
 * Node's built-in modules taken with `require` rather than imported as ES modules: Node builds an
 * ES module of a built-in by reading every one of its exports, which for some (`node:http`,
 * `node:crypto`) loads code the Action never runs; on Node 24 the built-ins @actions/core imports
 * cost about 15 ms before the first request this way. The banner's `require` does the rest.
 */
const lazyCrypto = ["randomUUID", "createHash"];
const builtinsByRequire = {
  name: "builtins-by-require",
  setup(build) {
    build.onResolve({ filter: /^(node:)?(os|fs|path|crypto|http|https|util|events|stream|url)$/ }, (args) =>
      args.kind === "import-statement"
        ? { path: args.path.replace(/^node:/, ""), namespace: "builtin-by-require" }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "builtin-by-require" }, (args) =>
      args.path === "crypto"
        ? {
            // Loading node:crypto takes about 10 ms, and @actions/core imports it only for one
            // call when writing an output: it loads when first called. A name not listed here
            // fails the build ("No matching export"), never a run.
            contents: lazyCrypto
              .map((name) => `export const ${name} = (...args) => require("node:crypto").${name}(...args);`)
              .join("\n"),
            loader: "js",
          }
        : { contents: `module.exports = require("node:${args.path}");`, loader: "js" },
    );
  },
};

/**
 * Bottleneck (under Octokit's throttling plugin, three queues per request) hands the event loop
 * back with `setTimeout(resolve, 0)` five times or so per scheduled job, and Node clamps each such
 * timer to a millisecond: 5 ms per queue, 15-20 ms on every request the Action makes, before its
 * first one and fourteen times in a quiet sweep. In the Action's copy a zero wait yields with
 * `setImmediate`, which hands the loop back just the same, without the clamp; waits longer than
 * zero (rate limits, pacing) are timers as before. The build stops if the line is not found.
 */
const bottleneckYieldsWithoutTimers = {
  name: "bottleneck-yields-without-timers",
  setup(build) {
    build.onLoad({ filter: /[\\/]bottleneck[\\/]light\.js$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const yieldLine = "return setTimeout(resolve, t);";
      if (source.split(yieldLine).length !== 2)
        throw new Error(`bottleneck/light.js no longer has one "${yieldLine}": review this plugin`);
      return {
        contents: source.replace(yieldLine, "return t > 0 ? setTimeout(resolve, t) : setImmediate(resolve);"),
        loader: "js",
      };
    });
  },
};

/** `vega` in the Action is only what draws the Service page's charts (scripts/vega-for-svg.mjs). */
const vegaForSvg = {
  name: "vega-for-svg",
  setup(build) {
    build.onResolve({ filter: /^vega$/ }, () => ({ path: resolve("scripts/vega-for-svg.mjs") }));
  },
};

/**
 * A runner starts `node dist/index.js`; each command (and the GitHub client) is a file of its own
 * that loads only when the command runs. Node 20 syntax so it runs on the node20 and node24
 * runners alike; CommonJS dependencies inside ES modules need `require`, which the banner provides.
 */
export function actionBundleOptions() {
  return {
    entryPoints: { index: "src/action/index.ts" },
    outdir: "dist",
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    legalComments: "none",
    minify: true,
    plugins: [unusedOidcClient, vegaForSvg, fastJsonParse, builtinsByRequire, bottleneckYieldsWithoutTimers],
    banner: {
      js: 'import { createRequire as __firstlineRequire } from "node:module"; const require = __firstlineRequire(import.meta.url);',
    },
  };
}

/** Every time zone a country's holiday data names, in the country and its states and regions. */
function zonesNamedIn(node) {
  if (typeof node !== "object" || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === "zones" && Array.isArray(value) ? value : zonesNamedIn(value),
  );
}

/**
 * The calendars of date-holidays' parser that GB's rules never name (equinoxes, the Chinese,
 * Hebrew, Islamic, Persian, Bengali and Julian calendars): the library's own build can leave them
 * out (its `#ifndef noequinox`... switches); here each becomes a rule that refuses to run, which
 * drops astronomia and the calendars' tables (about 170 KB). A rule naming one would fail loudly.
 */
const calendarsGbNeverUses = ["Equinox", "Chinese", "BengaliRevised", "Jalaali", "Hebrew", "Hijri", "Julian"];

/**
 * date-holidays for the years outside the built-in table, as a CommonJS file of its own beside
 * dist/index.js (calendars are synchronous, so the Action loads it with `require`, and only when
 * such a year is asked for). Firstline's regions are all states of GB, so the bundle keeps GB's
 * holiday rules, the calendars they use and the time zones they name; the library is unchanged.
 */
export function holidayLibraryBundleOptions(params) {
  const { holidayData, zoneData } = params;
  const gbOnly = {
    name: "gb-holidays-only",
    setup(build) {
      build.onLoad({ filter: /date-holidays[\\/]src[\\/]data\.js$/ }, () => ({
        contents: `export const data = ${JSON.stringify({ ...holidayData, holidays: { GB: holidayData.holidays.GB } })};`,
        loader: "js",
      }));
      build.onLoad({ filter: /date-holidays-parser[\\/]src[\\/]\w+\.js$/ }, (args) => {
        const calendar = basename(args.path, ".js");
        if (!calendarsGbNeverUses.includes(calendar)) return undefined;
        const refusal = `Firstline's copy of date-holidays leaves out the ${calendar} calendar: GB's rules never use it`;
        return {
          contents: `import CalEvent from "./CalEvent.js";\nexport default class extends CalEvent {\n  inYear() {\n    throw new Error(${JSON.stringify(refusal)});\n  }\n}\n`,
          loader: "js",
        };
      });
      build.onResolve({ filter: /^moment-timezone$/ }, () => ({
        path: "moment-timezone",
        namespace: "london-zone-only",
      }));
      build.onLoad({ filter: /.*/, namespace: "london-zone-only" }, () => {
        // The zones GB and its states name (Northern Ireland's is a link to London), and what they link to.
        const named = new Set(zonesNamedIn(holidayData.holidays.GB));
        const links = zoneData.links.filter((link) => link.split("|").some((zone) => named.has(zone)));
        for (const link of links) for (const zone of link.split("|")) named.add(zone);
        const data = {
          version: zoneData.version,
          zones: zoneData.zones.filter((z) => named.has(z.split("|")[0])),
          links,
          countries: [],
        };
        return {
          contents: `var moment = module.exports = require("moment-timezone/moment-timezone.js");\nmoment.tz.load(${JSON.stringify(data)});`,
          loader: "js",
          resolveDir: process.cwd(),
        };
      });
    },
  };
  return {
    stdin: {
      contents: 'export { default } from "date-holidays";',
      resolveDir: process.cwd(),
      sourcefile: "bank-holiday-library.js",
    },
    outfile: "dist/bank-holiday-library.cjs",
    format: "cjs",
    legalComments: "none",
    minify: true,
    plugins: [gbOnly],
  };
}
