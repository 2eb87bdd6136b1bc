import { DateTime } from "luxon";
import * as z from "zod";
import { CONFIG_PATH } from "../../core/config/firstline-config.js";
import { buildSlaPolicy } from "../../core/sla/policy.js";
import { slaReport, slaReportCsv, slaReportTable } from "../../core/sla/report.js";
import { searchOpenTicketsReporting } from "../../github/search-tickets.js";
import { defineCommand, printJson } from "../command.js";
import { cliGitHub } from "../github-client.js";
import { InputError } from "../../shell/input-error.js";
import { readConfigFile } from "../../shell/load-inputs.js";
import { dateOption } from "../../shell/options.js";
import { ticketRepositories } from "../../core/repositories.js";

/**
 * `sla report`: how the service levels went for tickets opened since a date, read from GitHub
 * (open and closed tickets of every repository the configuration names), per client and priority.
 */
export const slaReportCommand = defineCommand({
  name: "sla report",
  summary: "SLA report from GitHub: first responses within target, times to respond, breaches",
  usage:
    "firstline sla report --since YYYY-MM-DD [--until YYYY-MM-DD] [--config F] [--csv] [--bot-login LOGIN] [--json]   (reads GITHUB_TOKEN)",
  options: { since: "string", until: "string", config: "string", csv: "boolean", "bot-login": "string" },
  schema: z.object({
    since: dateOption,
    until: dateOption.optional(),
    config: z.string().default(CONFIG_PATH),
    csv: z.boolean().optional(),
    /** The app's login (`<app-slug>[bot]`): its email tickets count for the person who wrote in. */
    "bot-login": z.string().min(1).optional(),
  }),
  run: async ({ options, io, json }) => {
    if (options.csv && json)
      throw InputError.of({
        file: "firstline sla report",
        path: "",
        message: "--csv and --json are exclusive: choose one",
      });
    const config = readConfigFile(io, options.config).value;
    const gh = cliGitHub({ io, command: "sla report" });
    const repos = ticketRepositories(config);
    const range = options.until ? `${options.since}..${options.until}` : `>=${options.since}`;
    const { tickets, unreadable } = await searchOpenTicketsReporting({
      gh,
      repos,
      botLogin: options["bot-login"] ?? null,
      qualifiers: `is:issue created:${range}`,
    });
    const now = io.now().getTime();
    const rows = slaReport({ tickets, policy: buildSlaPolicy({ config }), now });
    for (const repo of unreadable)
      io.stderr(
        `firstline sla report: ${repo} could not be searched (missing, or the token cannot read it)\n`,
      );
    if (json)
      printJson(io, {
        since: options.since,
        until: options.until ?? null,
        tickets: tickets.length,
        rows,
        unreadable,
      });
    else if (options.csv) io.stdout(slaReportCsv(rows));
    else {
      const period = `${options.since} to ${options.until ?? DateTime.fromMillis(now, { zone: config.timezone }).toISODate()}`;
      io.stdout(
        `SLA report, tickets opened ${period} (${tickets.length} issues read)\n\n${slaReportTable(rows)}\n`,
      );
    }
    return 0;
  },
});
