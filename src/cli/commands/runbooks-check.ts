import { localDateOf } from "../../shell/clock.js";
import * as z from "zod";
import { checkRunbooks } from "../../core/runbooks/check.js";
import { readRunbookTexts } from "../../shell/runbook-texts.js";
import { repositoryRunbooksDir } from "../repository-paths.js";
import { defineCommand, printJson } from "../command.js";
import { dateOption } from "../../shell/options.js";
import { timezoneOption } from "../../shell/rota-folder.js";
import { countFindings, formatFinding } from "../../shell/rota-report.js";

/** `runbooks check`: front matter, sections, links, review dates and alert names of a runbooks folder. */
export const runbooksCheckCommand = defineCommand({
  name: "runbooks check",
  summary: "Check runbooks: front matter, sections, links, review dates, alert names",
  usage: "firstline runbooks check [--dir DIR] [--today YYYY-MM-DD] [--timezone ZONE] [--json]",
  options: { dir: "string", today: "string", timezone: "string" },
  schema: z.object({
    dir: z.string().min(1).optional(),
    today: dateOption.optional(),
    timezone: timezoneOption,
  }),
  run: async ({ options, io, json }) => {
    const files = readRunbookTexts({
      dir: repositoryRunbooksDir({ io, given: options.dir, option: "--dir" }),
      io,
    });
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
