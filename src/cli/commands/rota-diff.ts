import { DateTime } from "luxon";
import * as z from "zod";
import { checkRotaChange, type RotaChangeResult } from "../../core/rota/change-check.js";
import type { SlotValue } from "../../core/rota/change.js";
import { defineCommand, printJson } from "../command.js";
import { instantOption } from "../../shell/options.js";
import { loginListOption, readRotaFolder, timezoneOption } from "../../shell/rota-folder.js";
import { countFindings, formatFinding } from "../../shell/rota-report.js";

function shownValue(value: SlotValue): string {
  if (value === null) return "nobody";
  if (typeof value === "string") return value;
  return value.length === 0 ? "nobody" : value.join(", ");
}

/** The change report as lines a person reads. */
export function formatChangeReport(result: RotaChangeResult): string {
  const lines = [
    `Changes (${result.changes.length}):`,
    ...result.changes.map(
      (c) =>
        `  ${c.week} ${c.slot}: ${shownValue(c.from)} -> ${shownValue(c.to)}  (${c.line === undefined ? c.file : `${c.file}:${c.line}`})`,
    ),
    `Approvals (${result.approvals.filter((a) => a.given).length} of ${result.approvals.length} given):`,
    ...result.approvals.map((a) => `  [${a.given ? "x" : " "}] ${a.login}: ${a.why}`),
    `Findings (${countFindings(result.findings)}):`,
    ...result.findings.map((f) => `  ${formatFinding(f)}`),
    "Fairness change:",
    ...(result.fairness.moves.length === 0
      ? ["  no one's weeks change"]
      : result.fairness.moves.map((m) => `  ${m.group} ${m.login}: ${m.before} -> ${m.after} weeks`)),
    "",
    result.verdict === "pass" ? "rota diff: pass" : `rota diff: fail (${result.blocking.join("; ")})`,
  ];
  return `${lines.join("\n")}\n`;
}

/** `rota diff`: checks a change between two rota folders (a pull request). */
export const rotaDiffCommand = defineCommand({
  name: "rota diff",
  summary: "Check a change to the rota: slots changed, approvals, notice, rules and fairness",
  usage:
    "firstline rota diff --base DIR --head DIR --author LOGIN [--now INSTANT] [--approved a,b] [--admins a,b] [--timezone ZONE] [--json]   (--now defaults to now)",
  options: {
    base: "string",
    head: "string",
    now: "string",
    author: "string",
    approved: "string",
    admins: "string",
    timezone: "string",
  },
  schema: z.object({
    base: z.string().min(1),
    head: z.string().min(1),
    now: instantOption.optional(),
    author: z.string().min(1),
    approved: loginListOption,
    admins: z.string().optional(),
    timezone: timezoneOption,
  }),
  run: async ({ options, io, json }) => {
    const base = readRotaFolder({ dir: options.base, io });
    const head = readRotaFolder({ dir: options.head, io });
    const result = checkRotaChange({
      base,
      head,
      now: options.now ?? DateTime.fromJSDate(io.now(), { zone: "utc" }),
      zone: options.timezone,
      author: options.author,
      approved: options.approved,
      admins: options.admins === undefined ? undefined : loginListOption.parse(options.admins),
    });
    if (json) printJson(io, result);
    else io.stdout(formatChangeReport(result));
    return result.verdict === "pass" ? 0 : 1;
  },
});
