// How the Action is bundled into dist/. Shared by the build and the bundle's tests.

/**
 * @actions/core imports an HTTP client (and through it undici, about 400 KB) for one function the
 * Action never calls, `getIDToken`. Declaring those modules free of side effects lets the bundler
 * drop them when nothing uses what they export; anything that did use them would keep them.
 */
const unusedOidcClient = {
  name: "unused-oidc-client",
  setup(build) {
    build.onResolve({ filter: /^(@actions\/http-client|undici)(\/|$)/ }, async (args) => {
      if (args.pluginData === "unused-oidc-client") return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: "unused-oidc-client" });
      return resolved.errors.length > 0 ? { errors: resolved.errors } : { path: resolved.path, sideEffects: false };
    });
    build.onResolve({ filter: /\/oidc-utils\.js$/ }, async (args) => {
      if (args.pluginData === "unused-oidc-client" || !args.importer.includes("@actions/core")) return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: "unused-oidc-client" });
      return resolved.errors.length > 0 ? { errors: resolved.errors } : { path: resolved.path, sideEffects: false };
    });
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
    plugins: [unusedOidcClient],
    banner: { js: 'import { createRequire as __firstlineRequire } from "node:module"; const require = __firstlineRequire(import.meta.url);' },
  };
}
