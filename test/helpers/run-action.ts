import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Runs the bundled Action as a runner does: `node dist/index.js` with INPUT_* and the GITHUB_* files. */
export function runAction(params: { inputs: Record<string, string>; env?: Record<string, string>; cwd?: string }) {
  const dir = mkdtempSync(join(tmpdir(), "firstline-action-"));
  const files = { GITHUB_OUTPUT: join(dir, "output"), GITHUB_STEP_SUMMARY: join(dir, "summary"), GITHUB_ENV: join(dir, "env") };
  for (const file of Object.values(files)) writeFileSync(file, "");
  const inputs = Object.fromEntries(Object.entries(params.inputs).map(([name, value]) => [`INPUT_${name.replace(/ /g, "_").toUpperCase()}`, value]));
  const started = Date.now();
  const result = spawnSync("node", [join(process.cwd(), "dist/index.js")], {
    cwd: params.cwd ?? process.cwd(),
    env: { PATH: process.env["PATH"] ?? "", ...files, GITHUB_REPOSITORY: "northgate/support", ...inputs, ...params.env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    ms: Date.now() - started,
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, "utf8"),
    output: readFileSync(files.GITHUB_OUTPUT, "utf8"),
  };
}

/** The JSON of the `result` output. */
export function resultOutput(output: string): unknown {
  const match = /result<<(\S+)\n([\s\S]*?)\n\1/.exec(output);
  return match?.[2] ? JSON.parse(match[2]) : undefined;
}
