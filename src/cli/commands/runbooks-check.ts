import { readdirSync } from "node:fs";
import { localDateOf } from "../../shell/clock.js";
import { join } from "node:path";
import * as z from "zod";
import { checkRunbooks } from "../../core/runbooks/check.js";
import type { RunbookText } from "../../core/runbooks/read-runbooks.js";
import { repositoryRunbooksDir } from "../repository-paths.js";
import { defineCommand, printJson, type CommandIo } from "../command.js";
import { InputError } from "../input-error.js";
import { dateOption } from "../options.js";
import { timezoneOption } from "./rota-folder.js";
import { countFindings, formatFinding } from "./rota-report.js";

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
    const message = code === "ENOENT" ? "folder not found" : code === "ENOTDIR" ? "is a file, not a folder" : (error as Error).message;
    throw InputError.of({ file: dir, path: "", message });
  }
  return names.sort().map((name) => {
    const file = join(dir, name);
    return { file, text: io.readTextFile(file) };
  });
}

/** `runbooks check`: front matter, sections, links, review dates and alert names of a runbooks folder. */
export const runbooksCheckCommand = defineCommand({
  name: "runbooks check",
  summary: "Check runbooks: front matter, sections, links, review dates, alert names",
  usage: "firstline runbooks check [--dir DIR] [--today YYYY-MM-DD] [--timezone ZONE] [--json]",
  options: { dir: "string", today: "string", timezone: "string" },
  schema: z.object({ dir: z.string().min(1).optional(), today: dateOption.optional(), timezone: timezoneOption }),
  run: async ({ options, io, json }) => {
    const files = readRunbookTexts({ dir: repositoryRunbooksDir({ io, given: options.dir, option: "--dir" }), io });
    const today = options.today ?? localDateOf(io.now(), options.timezone);
    const result = checkRunbooks({ files, today });
    if (json) {
      printJson(io, result);
    } else {
      const lines = [
        ...result.findings.map(formatFinding),
        ...(result.findings.length > 0 ? [""] : []),
        `runbooks check (today ${today}): ${result.ok ? "ok" : "failed"}, ${files.length} runbook${files.length === 1 ? "" : "s"}, ${countFindings(result.findings)}`,
      ];
      io.stdout(`${lines.join("\n")}\n`);
    }
    return result.ok ? 0 : 1;
  },
});
