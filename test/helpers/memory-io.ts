import { readFileSync } from "node:fs";
import type { CliCommand, CommandIo } from "../../src/cli/command.js";
import { InputError } from "../../src/shell/input-error.js";
import { main } from "../../src/cli/main.js";

/**
 * Runs a command line in-process: files from memory (falling back to the real disk), writes kept
 * in memory, the given environment and clock.
 */
export async function runCliWith(params: {
  readonly argv: readonly string[];
  readonly files?: Record<string, string>;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly now?: () => Date;
  /** The git repository the command runs in (default: this one, the working folder); null: outside any. */
  readonly repositoryRoot?: string | null;
  /** The commands on offer (default: every `firstline` command). */
  readonly commands?: readonly CliCommand[];
}) {
  let stdout = "";
  let stderr = "";
  const files = params.files ?? {};
  const written: Record<string, string> = {};
  const io: CommandIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readTextFile: (path) => {
      const text = files[path] ?? written[path];
      if (text !== undefined) return text;
      try {
        return readFileSync(path, "utf8");
      } catch {
        throw InputError.of({ file: path, path: "", message: "file not found" });
      }
    },
    writeTextFile: (path, text) => void (written[path] = text),
    env: params.env ?? {},
    now: params.now ?? (() => new Date("2026-11-26T12:00:00Z")),
    repositoryRoot: () => (params.repositoryRoot === undefined ? "." : params.repositoryRoot),
  };
  const code = await main(params.argv, io, params.commands);
  return { code, stdout, stderr, written, json: () => JSON.parse(stdout) as unknown };
}

/** Runs a command line in-process with files from memory, no environment, and a fixed clock. */
export async function runCli(
  argv: readonly string[],
  files: Record<string, string> = {},
  now = "2026-11-26T12:00:00Z",
) {
  return runCliWith({ argv, files, now: () => new Date(now) });
}
