import { readFileSync } from "node:fs";
import type { CommandIo } from "../../src/cli/command.js";
import { InputError } from "../../src/cli/input-error.js";
import { main } from "../../src/cli/main.js";

/** Runs a command line in-process with files from memory (falling back to the real disk). */
export async function runCli(argv: readonly string[], files: Record<string, string> = {}, now = "2026-11-26T12:00:00Z") {
  let stdout = "";
  let stderr = "";
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
    env: {},
    now: () => new Date(now),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr, written, json: () => JSON.parse(stdout) as unknown };
}
