import { DateTime } from "luxon";
import * as z from "zod";
import { CONFIG_PATH } from "../../core/config/firstline-config.js";
import { closedReason, planMaintenanceOccurrences } from "../../core/maintenance/occurrences.js";
import { maintenanceProblems } from "../../core/maintenance/validate.js";
import { buildSlaPolicy } from "../../core/sla/policy.js";
import { defineCommand, printJson } from "../command.js";
import { InputError } from "../../shell/input-error.js";
import { readConfigFile } from "../../shell/load-inputs.js";
import { dateOption } from "../../shell/options.js";

function dayText(date: string): string {
  return DateTime.fromISO(date, { zone: "utc", locale: "en-GB" }).toFormat("ccc d LLL yyyy");
}

export const maintenancePlanCommand = defineCommand({
  name: "maintenance plan",
  summary: "Which maintenance tickets open on which working days",
  usage: "firstline maintenance plan --config F --from YYYY-MM-DD --to YYYY-MM-DD [--json]",
  options: { config: "string", from: "string", to: "string" },
  schema: z
    .object({ config: z.string().default(CONFIG_PATH), from: dateOption, to: dateOption })
    .refine((o) => o.from <= o.to, { path: ["to"], message: "must not be before --from" }),
  run: async ({ options, io, json }) => {
    const config = readConfigFile(io, options.config);
    const problems = maintenanceProblems(config.value);
    if (problems.length > 0) {
      throw new InputError(
        problems.map((p) => {
          const line = config.lineOf(p.path);
          return {
            file: options.config,
            path: p.keyPath,
            ...(line === undefined ? {} : { line }),
            message: p.message,
          };
        }),
      );
    }
    const policy = buildSlaPolicy({ config: config.value });
    const occurrences = planMaintenanceOccurrences({
      config: config.value,
      from: options.from,
      to: options.to,
      policy,
    });
    if (json) {
      printJson(io, {
        tasks: occurrences.map(({ client, task, date, priority }) => ({ client, task, date, priority })),
      });
      return 0;
    }
    if (occurrences.length === 0) {
      io.stdout(`No maintenance falls due from ${dayText(options.from)} to ${dayText(options.to)}.\n`);
      return 0;
    }
    const width = Math.max(...occurrences.map((o) => o.client.length));
    const lines = occurrences.map((o) => {
      const calendar = policy.client(o.client)?.calendar;
      const reason = calendar ? closedReason(calendar, o.originalDate) : undefined;
      const moved =
        o.originalDate === o.date
          ? ""
          : ` (moved from ${dayText(o.originalDate)}${reason ? `: ${reason}` : ""})`;
      return `  ${dayText(o.date).padEnd(15)}  ${o.client.padEnd(width)}  ${o.priority}  ${o.task}${moved}`;
    });
    const count = occurrences.length === 1 ? "1 ticket" : `${occurrences.length} tickets`;
    io.stdout(
      [`Maintenance from ${dayText(options.from)} to ${dayText(options.to)}: ${count}`, ...lines, ""].join(
        "\n",
      ),
    );
    return 0;
  },
});
