import * as core from "@actions/core";
import { readConfigFile } from "../../shell/load-inputs.js";
import { buildSlaPolicy } from "../../core/sla/policy.js";
import { slaReport, slaReportCsv, slaReportTable } from "../../core/sla/report.js";
import { searchOpenTicketsReporting } from "../../github/search-tickets.js";
import type { ActionContext } from "../context.js";
import { finish } from "../report.js";
import { toilPeriod } from "../toil-period.js";
import { ticketRepositories } from "../../core/repositories.js";

/**
 * `sla-report`: how the service levels went for the tickets opened in a period (last calendar month
 * by default; inputs `from`/`to`), as a job summary table and the CSV in the `result` output.
 */
export async function actionSlaReport(context: ActionContext): Promise<void> {
  const config = readConfigFile(context.io, context.inputs.config).value;
  const period = toilPeriod({ now: context.io.now(), zone: config.timezone, from: context.inputs.from, to: context.inputs.to });
  const repos = ticketRepositories(config);
  const { tickets, unreadable } = await searchOpenTicketsReporting({ gh: await context.github(), repos, qualifiers: `is:issue created:${period.from}..${period.to}` });
  for (const repo of unreadable) core.warning(`${repo} could not be searched with this token, so its tickets are not in the report`);
  const rows = slaReport({ tickets, policy: buildSlaPolicy({ config }), now: context.io.now().getTime() });
  await finish({
    summary: [`## SLA report: tickets opened ${period.from} to ${period.to}`, "", `${tickets.length} issues read.`, "", rows.length > 0 ? slaReportTable(rows) : "No ticket was opened in the period."].join("\n"),
    text: slaReportCsv(rows),
  });
}
