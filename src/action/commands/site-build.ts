import { localDateOf } from "../../shell/clock.js";
import { readRotaFolder } from "../../shell/rota-folder.js";
import { readRunbookTexts } from "../../shell/runbook-texts.js";
import { InputError } from "../../shell/input-error.js";
import { readRunbooks } from "../../core/runbooks/read-runbooks.js";
import { RUNBOOK_RULE } from "../../core/runbooks/rule-ids.js";
import { buildSiteFromConfig } from "../../site/site-from-config.js";
import { writeSite } from "../../site/write-site.js";
import type { ActionContext } from "../context.js";
import { readLocalConfig } from "../local-config.js";
import { finish } from "../report.js";
import * as core from "@actions/core";
import { buildSlaPolicy } from "../../core/sla/policy.js";
import { readServiceHistory } from "../../github/service-history.js";
import {
  SERVICE_PAGE_MONTHS,
  servicePageData,
  type ServicePageData,
} from "../../site/charts/service-charts.js";
import type { FirstlineConfig } from "../../core/config/firstline-config.js";
import type { Rota } from "../../core/rota/types.js";
import { servedRepositories } from "../../core/repositories.js";
import { agencyCalendar } from "../../core/toil/calendar.js";
import { toilFromGitHub } from "../../github/toil-from-github.js";
import {
  ON_CALL_CHART_MONTHS,
  onCallChartsData,
  type OnCallChartsData,
} from "../../site/charts/on-call-charts.js";
import { DateTime } from "luxon";
import { readableRepos } from "./toil.js";

/**
 * `site-build`: the static site (runbooks with search, the rota, calendars) written to the
 * `site-dir` folder, ready for actions/upload-pages-artifact. A runbook whose front matter cannot
 * be read stops the build, as on the command line; other runbook findings are runbooks-check's.
 * With a token, the site also gets the Service page: charts of the last months' tickets, read with
 * the sweep's search (100 a request) and drawn as SVG at build time; and the rota page gets TOIL
 * and pages per person per month, from the alert log the `toil` command reads.
 */
export async function actionSiteBuild(context: ActionContext): Promise<void> {
  const config = readLocalConfig(context);
  const rota = readRotaFolder({ dir: context.inputs["rota-dir"], io: context.io });
  const { runbooks, findings } = readRunbooks(
    readRunbookTexts({ dir: context.inputs["runbooks-dir"], io: context.io }),
  );
  const unusable = findings.filter(
    (finding) => finding.severity === "error" && finding.rule === RUNBOOK_RULE.frontMatter,
  );
  if (unusable.length > 0) {
    throw new InputError(
      unusable.map((f) => ({
        file: f.file,
        path: "",
        ...(f.line === undefined ? {} : { line: f.line }),
        message: f.message,
      })),
    );
  }
  const today = localDateOf(context.io.now(), config.timezone);
  const service = context.inputs.token === "" ? undefined : await serviceForSite(context, config);
  const onCall = context.inputs.token === "" ? undefined : await onCallForSite(context, config, rota);
  const files = buildSiteFromConfig({ config, rota, runbooks, today, service, onCall });
  const out = context.inputs["site-dir"];
  writeSite({ out, files, write: context.io.writeTextFile });
  const names = [...files.keys()];
  const pages = names.filter((name) => name.endsWith(".html")).length;
  const summary = [
    `## Site built for ${today}`,
    "",
    `${pages} page${pages === 1 ? "" : "s"} (${names.length} files) written to \`${out}\`: ${runbooks.length} runbook${runbooks.length === 1 ? "" : "s"}, ${rota.people.length} people, calendars and search.`,
  ].join("\n");
  await finish({ summary, result: { out, today, pages, files: names } });
}

/** The Service page's charts, or none (with a warning) when the tickets cannot be read. */
async function serviceForSite(
  context: ActionContext,
  config: FirstlineConfig,
): Promise<ServicePageData | undefined> {
  const repos = [...config.clients.flatMap((c) => c.repos), ...config.ticketRepos];
  try {
    const now = context.io.now().getTime();
    const { tickets, unreadable } = await readServiceHistory({
      gh: await context.github(),
      repos,
      now,
      zone: config.timezone,
      months: SERVICE_PAGE_MONTHS,
      botLogin: context.inputs["bot-login"],
    });
    for (const repo of unreadable)
      core.warning(
        `${repo} could not be searched with this token, so its tickets are not on the Service page`,
      );
    return await servicePageData({ tickets, policy: buildSlaPolicy({ config }), now, zone: config.timezone });
  } catch (error) {
    core.warning(
      `The Service page was left out: the tickets could not be read (${(error as Error).message})`,
    );
    return undefined;
  }
}

/**
 * TOIL and pages per person over the last months, read as the `toil` command reads its ledger
 * (alert and paged emergency issues with their claims), for the rota page's charts; none (with
 * a warning) when they cannot be read.
 */
async function onCallForSite(
  context: ActionContext,
  config: FirstlineConfig,
  rota: Rota,
): Promise<OnCallChartsData | undefined> {
  try {
    const now = context.io.now().getTime();
    const zone = config.timezone;
    const from = DateTime.fromMillis(now, { zone })
      .startOf("month")
      .minus({ months: ON_CALL_CHART_MONTHS - 1 })
      .toMillis();
    const gh = await context.github();
    const repos = await readableRepos(
      gh,
      servedRepositories({ config, supportRepo: config.supportRepo ?? context.repository }),
    );
    const { report, pages } = await toilFromGitHub({
      gh,
      repos,
      from,
      to: now,
      rota,
      zone,
      calendar: agencyCalendar(config),
      botLogin: context.inputs["bot-login"],
    });
    return await onCallChartsData({ toil: report, pages, now, zone });
  } catch (error) {
    core.warning(
      `The rota page's TOIL and pages charts were left out: the alert log could not be read (${(error as Error).message})`,
    );
    return undefined;
  }
}
