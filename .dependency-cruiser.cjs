/* global module */
/**
 * Firstline's layers, checked by `npm run lint` (docs/architecture.md draws them):
 *   core  <-  config  <-  github  <-  shell  <-  app | action | cli
 * The core imports nothing of the project outside itself; configuration parsing builds on the
 * core; `src/github` is the one place that talks to GitHub; the app, the Action and the command line
 * share code through `src/shell` and never import each other; the emulator and the demo (dev/)
 * are development tools the product never imports. No import cycles anywhere.
 */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "An import cycle: break it by moving the shared part down a layer.",
      from: { path: "^(src|dev)/" },
      to: { circular: true },
    },
    {
      name: "core-is-pure",
      severity: "error",
      comment:
        "src/core imports nothing of the project outside itself (no I/O, no shells, no config loading).",
      from: { path: "^src/core/" },
      to: { path: "^src/", pathNot: "^src/core/" },
    },
    {
      name: "config-builds-on-core-only",
      severity: "error",
      comment: "Configuration parsing depends on the core and on nothing above it.",
      from: { path: "^src/config/" },
      to: { path: "^src/", pathNot: "^src/(core|config)/" },
    },
    {
      name: "github-below-the-shells",
      severity: "error",
      comment:
        "src/github carries out plans; it never imports the app, the Action, the command line, the site or dev tools.",
      from: { path: "^src/github/" },
      to: { path: "^src/(app|action|cli|site)/" },
    },
    {
      name: "shared-shell-code-below-the-shells",
      severity: "error",
      comment: "src/shell is what the app, the Action and the command line share; it imports none of them.",
      from: { path: "^src/shell/" },
      to: { path: "^src/(app|action|cli|site)/" },
    },
    {
      name: "shells-do-not-import-each-other",
      severity: "error",
      comment:
        "The app, the Action and the command line share code through src/shell, never through each other.",
      from: { path: "^src/(app|action|cli)/" },
      to: { path: "^src/(app|action|cli)/", pathNot: "^src/$1/" },
    },
    {
      name: "product-never-imports-dev-tools",
      severity: "error",
      comment: "The emulator and the demo (dev/) are development tools: nothing under src/ imports them.",
      from: { path: "^src/" },
      to: { path: "^dev/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
      extensions: [".ts", ".js"],
    },
  },
};
