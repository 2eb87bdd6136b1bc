import { z } from "zod";
import { CONFIG_PATH } from "../../config/firstline-config.js";
import { toilAlertLogSchema } from "../../config/toil-schema.js";
import { agencyCalendar } from "../../core/toil/calendar.js";
import { toilCsv, toilJson, toilTable } from "../../core/toil/report.js";
import { computeToil } from "../../core/toil/toil.js";
import { defineCommand, printJson } from "../command.js";
import { readConfigFile, readJsonFile } from "../load-inputs.js";

/** `toil`: TOIL per person from an alert log, as JSON, a table or CSV for the HR system. */
export const toilCommand = defineCommand({
  name: "toil",
  summary: "TOIL per person from a log of out-of-hours alerts",
  usage: "firstline toil --config F --alerts ALERTS.json [--csv] [--json]",
  options: { config: "string", alerts: "string", csv: "boolean" },
  schema: z.object({ config: z.string().default(CONFIG_PATH), alerts: z.string().min(1), csv: z.boolean().default(false) }),
  run: async ({ options, io, json }) => {
    if (json && options.csv) {
      io.stderr("firstline toil: --csv and --json cannot be used together\n");
      return 2;
    }
    const config = readConfigFile(io, options.config).value;
    const alerts = readJsonFile(io, options.alerts, toilAlertLogSchema);
    const report = computeToil({ alerts, calendar: agencyCalendar(config) });
    if (json) printJson(io, toilJson(report));
    else if (options.csv) io.stdout(toilCsv(report));
    else io.stdout(toilTable({ report, zone: config.timezone }));
    return 0;
  },
});
