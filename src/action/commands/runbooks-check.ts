import { localDateOf } from "../../shell/clock.js";
import * as core from "@actions/core";
import { countFindings } from "../../shell/rota-report.js";
import { readRunbookTexts } from "../../shell/runbook-texts.js";
import { checkRunbooks } from "../../core/runbooks/check.js";
import type { ActionContext } from "../context.js";
import { readLocalConfig } from "../local-config.js";
import { annotate, findingLines, finish } from "../report.js";

/** `runbooks-check`: the runbooks folder of the checkout, as annotations and a job summary; fails on errors. */
export async function actionRunbooksCheck(context: ActionContext): Promise<void> {
  const config = readLocalConfig(context);
  const files = readRunbookTexts({ dir: context.inputs["runbooks-dir"], io: context.io });
  const today = localDateOf(context.io.now(), config.timezone);
  const result = checkRunbooks({ files, today });
  annotate(result.findings);
  const summary = [
    `## Runbooks check for ${today}: ${result.ok ? "passed" : "failed"}`,
    "",
    `${files.length} runbook${files.length === 1 ? "" : "s"} in \`${context.inputs["runbooks-dir"]}\`; ${countFindings(result.findings)}.`,
    ...(result.findings.length > 0 ? ["", ...findingLines(result.findings)] : []),
  ].join("\n");
  await finish({ summary, result: { ...result, runbooks: files.length, today } });
  if (!result.ok) core.setFailed(`the runbooks have errors: ${countFindings(result.findings)}`);
}
