import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { RunbookText } from "../core/runbooks/read-runbooks.js";
import type { CommandIo } from "./command-io.js";
import { InputError } from "./input-error.js";

/**
 * Reads every `*.md` file of a runbooks folder (not its subfolders), sorted by name. A missing
 * folder is unusable input: one InputError line.
 */
export function readRunbookTexts(params: { readonly dir: string; readonly io: CommandIo }): RunbookText[] {
  const { dir, io } = params;
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith(".md"))
      .map((entry) => entry.name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === "ENOENT"
        ? "folder not found"
        : code === "ENOTDIR"
          ? "is a file, not a folder"
          : (error as Error).message;
    throw InputError.of({ file: dir, path: "", message });
  }
  return names.sort().map((name) => {
    const file = join(dir, name);
    return { file, text: io.readTextFile(file) };
  });
}
