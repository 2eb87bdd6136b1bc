import * as core from "@actions/core";
import { readConfigFile } from "../../shell/load-inputs.js";
import { buildSlaPolicy } from "../../core/sla/policy.js";
import { slaReport, slaReportCsv, slaReportTable } from "../../core/sla/report.js";
import { serviceChartsMarkdown } from "../../core/charts/mermaid-charts.js";
import { serviceSeries } from "../../core/charts/service-series.js";
import { DateTime } from "luxon";
import { searchOpenTicketsReporting } from "../../github/search-tickets.js";
import type { ActionContext } from "../context.js";
import { finish } from "../report.js";
import { toilPeriod } from "../toil-period.js";
import { ticketRepositories } from "../../core/repositories.js";

/** How many months the report's trend charts show, the report's own month the last. */
const TREND_MONTHS = 6;

/**
 * `sla-report`: how the service levels went for the tickets opened in a period (last calendar month
 * by default; inputs `from`/`to`), as a job summary table with trend charts of the months up to
 * it (Mermaid, which GitHub draws in job summaries) and the CSV in the `result` output. The
 * tickets of all those months come from one search, 100 a request.
 */
export async function actionSlaReport(context: ActionContext): Promise<void> {
  const config = readConfigFile(context.io, context.inputs.config).value;
  const period = toilPeriod({
    now: context.io.now(),
    zone: config.timezone,
    from: context.inputs.from,
    to: context.inputs.to,
  });
  const repos = ticketRepositories(config);
  const historyFrom =
    DateTime.fromISO(period.from, { zone: config.timezone })
      .startOf("month")
      .minus({ months: TREND_MONTHS - 1 })
      .toISODate() ?? period.from;
  const { tickets: history, unreadable } = await searchOpenTicketsReporting({
    gh: await context.github(),
    repos,
    botLogin: context.inputs["bot-login"],
    qualifiers: `is:issue created:${historyFrom}..${period.to}`,
  });
  for (const repo of unreadable)
    core.warning(`${repo} could not be searched with this token, so its tickets are not in the report`);
  const tickets = history.filter((t) => t.createdAt >= period.fromMs && t.createdAt < period.toMs);
  const policy = buildSlaPolicy({ config });
  const now = context.io.now().getTime();
  const rows = slaReport({ tickets, policy, now });
  const trends = serviceSeries({
    tickets: history,
    policy,
    now: Math.min(now, period.toMs - 1),
    zone: config.timezone,
    months: TREND_MONTHS,
    weeks: 8,
  });
  await finish({
    summary: [
      `## SLA report: tickets opened ${period.from} to ${period.to}`,
      "",
      `${tickets.length} issues read.`,
      "",
      rows.length > 0 ? slaReportTable(rows) : "No ticket was opened in the period.",
      "",
      "### Trends",
      "",
      ...serviceChartsMarkdown(trends),
    ].join("\n"),
    text: slaReportCsv(rows),
  });
}
