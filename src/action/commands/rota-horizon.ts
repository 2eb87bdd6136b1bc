import { localDateOf } from "../../shell/clock.js";
import * as core from "@actions/core";
import { readRotaFolder } from "../../shell/rota-folder.js";
import { countFindings } from "../../shell/rota-report.js";
import { readConfigFile } from "../../shell/load-inputs.js";
import { checkRota } from "../../core/rota/check.js";
import { requiredWeeks } from "../../core/rota/rules-calendar.js";
import type { ActionContext } from "../context.js";
import { annotate, findingLines, finish } from "../report.js";
import { horizonIssue, syncHorizonIssue } from "../../github/rota-horizon-issue.js";

/**
 * `rota-horizon`: the scheduled check of the real rota against today. While any rule fails (above
 * all, the 13 weeks ahead not being filled in), one issue in the support repository says what is
 * missing, edited in place each run; it closes itself once the rota passes. The issue is the alarm,
 * so the step itself fails only when it cannot keep the issue.
 */
export async function actionRotaHorizon(context: ActionContext): Promise<void> {
  const config = readConfigFile(context.io, context.inputs.config).value;
  const dir = context.inputs["rota-dir"];
  const rota = readRotaFolder({ dir, io: context.io });
  const today = localDateOf(context.io.now(), config.timezone);
  const horizon = requiredWeeks(today).at(-1) ?? today;
  const result = checkRota({ rota, today });
  annotate(result.findings);
  const repo = config.supportRepo ?? context.repository;
  const issue = horizonIssue({ findings: result.findings, dir, admins: config.rota.admins });
  const synced = await syncHorizonIssue({
    gh: await context.github(),
    repo,
    botLogin: context.inputs["bot-login"],
    issue,
    closingNote: `The rota passes its rules again and covers every week to ${horizon}, so this can close.`,
  });
  const issueLine =
    synced.number === null || (context.dryRun && synced.outcome === "created")
      ? `issue ${synced.outcome}`
      : `issue ${repo}#${synced.number} ${synced.outcome}`;
  const summary = [
    `## Rota horizon for ${today}: ${result.ok ? "covered" : "needs attention"}${context.dryRun ? " (dry run)" : ""}`,
    "",
    `The rota must cover every week to ${horizon}. ${countFindings(result.findings)}; ${issueLine}.`,
    ...(result.findings.length > 0 ? ["", ...findingLines(result.findings)] : []),
  ].join("\n");
  if (!result.ok) core.warning(`the rota needs attention (${countFindings(result.findings)}): ${issueLine}`);
  await finish({
    summary,
    result: {
      ok: result.ok,
      today,
      horizon,
      issue: synced.outcome,
      number: synced.number,
      findings: result.findings,
    },
    dryRun: context.dryRun,
  });
}
