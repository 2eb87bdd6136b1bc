import * as core from "@actions/core";
import { readRotaFolder } from "../../shell/rota-folder.js";
import { readConfigFile } from "../../shell/load-inputs.js";
import { neutralise } from "../../core/markdown/safe-text.js";
import { formatLocalWithYear, formatMinutes } from "../../core/time/format.js";
import { agencyCalendar } from "../../core/toil/calendar.js";
import { toilCsv } from "../../core/toil/report.js";
import { onCallCsv, onCallJson, onCallReport, onCallTable } from "../../core/toil/on-call-report.js";
import { toilFromGitHub } from "../../github/toil-from-github.js";
import { splitRepo, statusOf, type GitHubTransport } from "../../github/transport.js";
import type { ActionContext } from "../context.js";
import { finish } from "../report.js";
import { toilPeriod } from "../toil-period.js";
import { servedRepositories } from "../../core/repositories.js";

/** The repositories the token can read; the others are named in a warning and left out. */
export async function readableRepos(gh: GitHubTransport, repos: readonly string[]): Promise<string[]> {
  const readable: string[] = [];
  for (const repo of repos) {
    try {
      await gh.request("GET /repos/{owner}/{repo}", splitRepo(repo));
      readable.push(repo);
    } catch (error) {
      const status = statusOf(error);
      if (status !== 404 && status !== 403) throw error;
      core.warning(`${repo} cannot be read with this token (${status}), so its alerts are not counted`);
    }
  }
  return readable;
}

/**
 * `toil`: the month's TOIL ledger from GitHub: the alert issues opened in the period in the
 * clients' and the support repositories, with the `/toil woke 40m` claims the people on call wrote
 * on them. A job summary table for people, and the CSV for the HR system as the `result` output.
 */
export async function actionToil(context: ActionContext): Promise<void> {
  const config = readConfigFile(context.io, context.inputs.config).value;
  const rota = readRotaFolder({ dir: context.inputs["rota-dir"], io: context.io });
  const zone = config.timezone;
  const period = toilPeriod({
    now: context.io.now(),
    zone,
    from: context.inputs.from,
    to: context.inputs.to,
  });
  const gh = await context.github();
  const wanted = servedRepositories({ config, supportRepo: config.supportRepo ?? context.repository }).map(
    (r) => r.toLowerCase(),
  );
  const repos = await readableRepos(gh, wanted);
  const botLogin = context.inputs["bot-login"];
  const { report, refused, pages, acks } = await toilFromGitHub({
    gh,
    repos,
    from: period.fromMs,
    to: period.toMs,
    rota,
    zone,
    calendar: agencyCalendar(config),
    botLogin,
  });
  const onCall = onCallReport({
    rota,
    from: period.fromMs,
    to: period.toMs,
    zone,
    pages,
    acks,
    woken: config.alerts.woken,
    toil: report,
  });
  // The on-call report sits beside the ledger: its CSV and JSON as outputs the workflow saves.
  core.setOutput("on-call-report", onCallCsv(onCall));
  core.setOutput(
    "on-call-report-json",
    JSON.stringify(onCallJson({ rows: onCall, from: period.from, to: period.to })),
  );
  const groups = report.people.flatMap((person) =>
    person.groups.map((group) => ({ login: person.login, group })),
  );
  const summary = [
    `## TOIL from ${period.from} to ${period.to}`,
    "",
    ...(report.people.length === 0
      ? ["Nobody has TOIL to claim."]
      : [
          "| person | days | groups |",
          "|---|---|---|",
          ...report.people.map((p) => `| ${p.login} | ${p.days} | ${p.groups.length} |`),
          "",
          "| person | group start | alerts | woke | worked | days |",
          "|---|---|---|---|---|---|",
          ...groups.map(
            ({ login, group }) =>
              `| ${login} | ${formatLocalWithYear(group.start, zone)} | ${group.alerts.length} | ${group.woke ? "yes" : "no"} | ${formatMinutes(group.workedMinutes)} | ${group.extra > 0 ? `${group.base} + ${group.extra} = ${group.days}` : group.days} |`,
          ),
        ]),
    "",
    `Read ${repos.length} repositor${repos.length === 1 ? "y" : "ies"}; ${report.inHours.length} alert${report.inHours.length === 1 ? "" : "s"} in working hours not counted.`,
    ...(refused.length > 0
      ? [
          "",
          "Claims not taken:",
          ...refused.map((r) => `- ${r.issue.repo}#${r.issue.number}: ${neutralise(r.reason)}`),
        ]
      : []),
    "",
    `## On call from ${period.from} to ${period.to}`,
    "",
    onCall.length === 0 ? "Nobody was on call." : onCallTable(onCall),
    "",
    "The CSV for the HR system is the step's `result` output; the on-call report is `on-call-report` (CSV) and `on-call-report-json`.",
  ].join("\n");
  await finish({ summary, text: toilCsv(report) });
}
