import { localDateOf } from "../../shell/clock.js";
import { readLocalConfig } from "../local-config.js";
import * as core from "@actions/core";
import { readRotaFolder } from "../../shell/rota-folder.js";
import { countFindings, formatFairness } from "../../shell/rota-report.js";
import { checkRota } from "../../core/rota/check.js";
import type { ActionContext } from "../context.js";
import { annotate, findingLines, finish } from "../report.js";

/** `rota-check`: every rota rule against today's date, as annotations and a job summary. */
export async function actionRotaCheck(context: ActionContext): Promise<void> {
  const rota = readRotaFolder({ dir: context.inputs["rota-dir"], io: context.io });
  const today = localDateOf(context.io.now(), readLocalConfig(context).timezone);
  const result = checkRota({ rota, today });
  annotate(result.findings);
  const summary = [
    `## Rota check for ${today}: ${result.ok ? "passed" : "failed"}`,
    "",
    countFindings(result.findings),
    "",
    ...findingLines(result.findings),
    "",
    "```text",
    ...formatFairness(result.fairness),
    "```",
  ].join("\n");
  await finish({ summary, result });
  if (!result.ok) core.setFailed(`the rota has errors: ${countFindings(result.findings)}`);
}
