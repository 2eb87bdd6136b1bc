import { localDateOf } from "../../shell/clock.js";
import * as z from "zod";
import { checkRota } from "../../core/rota/check.js";
import { repositoryRotaDir } from "../repository-paths.js";
import { defineCommand, printJson } from "../command.js";
import { dateOption } from "../../shell/options.js";
import { readRotaFolder, timezoneOption } from "../../shell/rota-folder.js";
import { countFindings, formatFairness, formatFinding } from "../../shell/rota-report.js";

/** `rota check`: every rota rule and the fairness report. */
export const rotaCheckCommand = defineCommand({
  name: "rota check",
  summary: "Check the rota files against every rota rule and report fairness",
  usage: "firstline rota check [--dir DIR] [--today YYYY-MM-DD] [--timezone ZONE] [--json]",
  options: { dir: "string", today: "string", timezone: "string" },
  schema: z.object({
    dir: z.string().min(1).optional(),
    today: dateOption.optional(),
    timezone: timezoneOption,
  }),
  run: async ({ options, io, json }) => {
    const dir = repositoryRotaDir({ io, given: options.dir, option: "--dir" });
    const rota = readRotaFolder({ dir, io });
    const today = options.today ?? localDateOf(io.now(), options.timezone);
    const result = checkRota({ rota, today });
    if (json) {
      printJson(io, result);
    } else {
      const lines = [
        ...result.findings.map(formatFinding),
        ...(result.findings.length > 0 ? [""] : []),
        ...formatFairness(result.fairness),
        "",
        `rota check (today ${today}): ${result.ok ? "ok" : "failed"}, ${countFindings(result.findings)}`,
      ];
      io.stdout(`${lines.join("\n")}\n`);
    }
    return result.ok ? 0 : 1;
  },
});
