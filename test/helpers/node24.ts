import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/** The Node.js major version `action.yml` names (`runs.using: node24`). */
export const ACTION_NODE_MAJOR = 24;

/** A Node.js binary for the Action's runtime, or why there is none. */
export type NodeRuntime =
  | { readonly found: true; readonly path: string; readonly version: string }
  | { readonly found: false; readonly reason: string };

/**
 * Finds a Node 24 binary for running the bundled Action as GitHub's runners do: `NODE24_PATH` when
 * set, else the npm registry's `node@24` package through npx (downloaded once into npm's cache,
 * no system change). The first run takes a few seconds longer while npm fetches it.
 */
export function findNode24(env: NodeJS.ProcessEnv = process.env): NodeRuntime {
  const override = env["NODE24_PATH"];
  const path = override ?? resolveFromNpm();
  if (!path || !existsSync(path)) {
    return {
      found: false,
      reason: `no Node ${ACTION_NODE_MAJOR} binary: set NODE24_PATH, or let \`npx --yes -p node@${ACTION_NODE_MAJOR} node\` fetch the npm registry's node@${ACTION_NODE_MAJOR} package`,
    };
  }
  const version = spawnSync(path, ["--version"], { encoding: "utf8" }).stdout.trim();
  if (!version.startsWith(`v${ACTION_NODE_MAJOR}.`))
    return {
      found: false,
      reason: `${path} is Node ${version || "(no answer)"}, not Node ${ACTION_NODE_MAJOR}`,
    };
  return { found: true, path, version };
}

function resolveFromNpm(): string | undefined {
  const npx = spawnSync(
    "npx",
    ["--yes", "-p", `node@${ACTION_NODE_MAJOR}`, "node", "-p", "process.execPath"],
    { encoding: "utf8", timeout: 300_000 },
  );
  return npx.status === 0 ? npx.stdout.trim().split("\n").pop() : undefined;
}

/** A Node.js the bundled Action is run on by the tests. */
export interface ActionRuntime {
  readonly name: string;
  readonly path: string;
}

let cached: readonly ActionRuntime[] | undefined;

/**
 * The runtimes the bundle is tested on: the one running the tests (Node 20, the project's minimum)
 * and Node 24, which `action.yml` names and GitHub's runners use. Without Node 24 its runs are left
 * out with one line saying why, except under CI=true, where they run and fail.
 */
export function actionRuntimes(env: NodeJS.ProcessEnv = process.env): readonly ActionRuntime[] {
  if (cached) return cached;
  const node24 = findNode24(env);
  const ci = env["CI"] === "true";
  const own = { name: `Node ${process.versions.node}`, path: process.execPath };
  if (node24.found) cached = [own, { name: `Node ${node24.version.slice(1)}`, path: node24.path }];
  else if (ci)
    cached = [
      own,
      { name: `Node ${ACTION_NODE_MAJOR} (${node24.reason})`, path: `node${ACTION_NODE_MAJOR}-not-found` },
    ];
  else {
    console.warn(`skipped: the Action on Node ${ACTION_NODE_MAJOR}: ${node24.reason}`);
    cached = [own];
  }
  return cached;
}
