import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/** A server some tests need, from Debian's packages. */
export interface DebianServer {
  /** What the tests call it in messages ("Prometheus Alertmanager"). */
  readonly name: string;
  /** The Debian package that installs it. */
  readonly debianPackage: string;
  /** Binary names to look for on PATH, first match wins. */
  readonly binaries: readonly string[];
  /** A variable that names the binary directly, overriding PATH. */
  readonly envOverride: string;
}

/** Whether the tests that need a server can run, and if not, the one line that says why. */
export type ServerAvailability =
  | { readonly available: true; readonly binary: string }
  | { readonly available: false; readonly reason: string };

/** The path of the server's binary (the override variable, else the first name found on PATH), or null. */
export function findBinary(server: DebianServer, env: NodeJS.ProcessEnv = process.env): string | null {
  const override = env[server.envOverride];
  const candidates = override
    ? [override]
    : (env["PATH"] ?? "").split(delimiter).flatMap((dir) => server.binaries.map((name) => join(dir, name)));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; try the next one
    }
  }
  return null;
}

/** The command a person runs to install the server. */
export function installCommand(server: DebianServer): string {
  return `apt-get update && apt-get install -y ${server.debianPackage}`;
}

/**
 * Makes sure the server is there: found, or installed with `apt-get` when the tests run as root on
 * a machine that has it (a fresh Debian machine of this project's kind). Otherwise says how to
 * install it. The caller decides whether that is a skip (a developer's machine) or a failure (CI).
 */
export function ensureDebianServer(
  server: DebianServer,
  env: NodeJS.ProcessEnv = process.env,
): ServerAvailability {
  const found = findBinary(server, env);
  if (found) return { available: true, binary: found };
  const missing = `${server.name} is not installed: it comes from Debian's ${server.debianPackage} package (\`${installCommand(server)}\`, as root)`;
  const isRoot = process.getuid?.() === 0;
  const hasAptGet = spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
  if (!isRoot || !hasAptGet) return { available: false, reason: missing };
  const install = spawnSync(
    "bash",
    [
      "-c",
      `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${server.debianPackage}`,
    ],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const installed = findBinary(server, env);
  if (install.status === 0 && installed) return { available: true, binary: installed };
  return {
    available: false,
    reason: `${missing}; installing it failed: ${(install.stderr || install.stdout || "").trim().split("\n").pop() ?? ""}`,
  };
}

/**
 * Whether tests that need the server should be skipped: only when it is unavailable and this is not
 * CI. Prints the one line that names the package and the install command. Under `CI=true` the tests
 * run (and fail with the reason), so a CI machine can never pass by skipping.
 */
export function skipWithoutServer(
  availability: ServerAvailability,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (availability.available) return false;
  if (env["CI"] === "true") return false;
  console.warn(`skipped: ${availability.reason}`);
  return true;
}
