// Builds the runnable JavaScript: lib/ for the command line and the app (dependencies stay in
// node_modules), and the Action's self-contained dist/index.js when asked with --action.
import { build } from "esbuild";

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

for (const entry of entries) {
  await build({
    ...common,
    entryPoints: [entry.in],
    outfile: entry.out,
    packages: "external",
    banner: entry.banner ? { js: entry.banner } : {},
  });
}

// The Action: one self-contained file, committed, that a runner starts with `node dist/index.js`.
// Node 20 syntax so it runs on the node20 and node24 runners alike; CommonJS dependencies inside
// an ES module bundle need `require`, which the banner provides.
await build({
  ...common,
  entryPoints: ["src/action/index.ts"],
  outfile: "dist/index.js",
  legalComments: "none",
  minify: true,
  banner: { js: 'import { createRequire as __firstlineRequire } from "node:module"; const require = __firstlineRequire(import.meta.url);' },
});
