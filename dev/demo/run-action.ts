import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Runs the bundled Action as a runner does: `node dist/index.js` with INPUT_* variables and the
 * GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_ENV files. Asynchronous, so an emulator in the same
 * process can answer it. `node` is the Node.js binary (default: the one running this code).
 */
export async function runAction(params: {
  inputs: Record<string, string>;
  env?: Record<string, string>;
  cwd?: string;
  node?: string;
}) {
  const dir = mkdtempSync(join(tmpdir(), "firstline-action-"));
  const files = {
    GITHUB_OUTPUT: join(dir, "output"),
    GITHUB_STEP_SUMMARY: join(dir, "summary"),
    GITHUB_ENV: join(dir, "env"),
  };
  for (const file of Object.values(files)) writeFileSync(file, "");
  const inputs = Object.fromEntries(
    Object.entries(params.inputs).map(([name, value]) => [
      `INPUT_${name.replace(/ /g, "_").toUpperCase()}`,
      value,
    ]),
  );
  const started = Date.now();
  const child = spawn(params.node ?? process.execPath, [join(process.cwd(), "dist/index.js")], {
    cwd: params.cwd ?? process.cwd(),
    env: {
      PATH: process.env["PATH"] ?? "",
      ...files,
      GITHUB_REPOSITORY: "northgate/support",
      ...inputs,
      ...params.env,
    },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  const code = await new Promise<number | null>((resolve) => {
    child.on("close", (status) => resolve(status));
    // A binary that cannot start (missing, not executable) ends the run with its reason.
    child.on("error", (error) => {
      stderr += error.message;
      resolve(null);
    });
  });
  clearTimeout(timer);
  return {
    code,
    stdout,
    stderr,
    ms: Date.now() - started,
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, "utf8"),
    output: readFileSync(files.GITHUB_OUTPUT, "utf8"),
  };
}

/** The JSON of the Action's `result` output. */
export function resultOutput(output: string): unknown {
  const match = /result<<(\S+)\n([\s\S]*?)\n\1/.exec(output);
  return match?.[2] ? JSON.parse(match[2]) : undefined;
}
