import * as core from "@actions/core";
import { countFindings } from "../../shell/rota-report.js";
import { readConfigFile } from "../../shell/load-inputs.js";
import { rotaChangeCheckReport, ROTA_CHECK_NAME } from "../../core/rota/change-report.js";
import { FileReader } from "../../github/read-file.js";
import { checkRotaPullRequest } from "../../github/rota-pull-request.js";
import type { ActionContext } from "../context.js";
import { readPullRequestEvent } from "../pull-request-event.js";
import { annotate, annotateProblems, findingLines, finish, problemsText } from "../report.js";

/**
 * `check-rota-change`: in a pull_request or pull_request_review workflow, checks the pull request's
 * change to the rota (notice, approvals on the head commit, rules, fairness) as the app does: the
 * "Firstline rota" check run and one comment for everyone affected, plus annotations and a job
 * summary here; the step fails while the change may not be merged.
 */
export async function actionCheckRotaChange(context: ActionContext): Promise<void> {
  const event = readPullRequestEvent(context.io);
  const config = readConfigFile(context.io, context.inputs.config).value;
  const repo = event.repository ?? context.repository;
  const outcome = await checkRotaPullRequest({
    gh: await context.github(),
    reader: new FileReader(),
    repo,
    number: event.number,
    dir: config.rota.dir,
    admins: config.rota.admins.length > 0 ? config.rota.admins : undefined,
    zone: config.timezone,
    now: context.io.now(),
    botLogin: context.inputs["bot-login"],
  });
  const heading = `## ${ROTA_CHECK_NAME}: ${repo}#${event.number}`;
  if (outcome.kind === "skipped") {
    core.notice(`nothing to check: ${outcome.why}`);
    await finish({
      summary: [heading, "", `Nothing to check: ${outcome.why}.`].join("\n"),
      result: { verdict: "skipped", why: outcome.why },
      dryRun: context.dryRun,
    });
    return;
  }
  if (outcome.kind === "unreadable") {
    annotateProblems(outcome.problems);
    await finish({
      summary: [
        heading,
        "",
        "The rota files on the head commit cannot be read:",
        "",
        "```text",
        problemsText(outcome.problems),
        "```",
      ].join("\n"),
      result: { verdict: "fail", headSha: outcome.headSha, problems: outcome.problems },
      dryRun: context.dryRun,
    });
    core.setFailed(`the rota files cannot be read:\n${problemsText(outcome.problems)}`);
    return;
  }
  const { result } = outcome;
  annotate(result.findings);
  const report = rotaChangeCheckReport(result);
  const summary = [
    heading,
    "",
    `**${result.verdict === "pass" ? "Pass" : "Fail"}**: ${report.title}`,
    "",
    report.summary,
    "",
    `Findings: ${countFindings(result.findings)}.`,
    ...(result.findings.length > 0 ? ["", ...findingLines(result.findings)] : []),
    "",
    `Comment on the pull request ${outcome.comment}.`,
  ].join("\n");
  await finish({
    summary,
    result: {
      verdict: result.verdict,
      blocking: result.verdict === "fail" ? result.blocking : [],
      headSha: outcome.headSha,
      comment: outcome.comment,
      changes: result.changes,
      approvals: result.approvals,
      findings: result.findings,
    },
    dryRun: context.dryRun,
  });
  if (result.verdict === "fail")
    core.setFailed(`the rota change may not be merged yet: ${result.blocking.join("; ")}`);
}
