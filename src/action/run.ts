import * as core from "@actions/core";
import { z } from "zod";
import { InputError } from "../cli/input-error.js";
import { nodeIo } from "../cli/node-io.js";
import { actionCheckRotaChange } from "./commands/check-rota-change.js";
import { actionPublishRota } from "./commands/publish-rota.js";
import { actionRotaCheck } from "./commands/rota-check.js";
import { actionRotaHorizon } from "./commands/rota-horizon.js";
import { actionRunbooksCheck } from "./commands/runbooks-check.js";
import { actionSiteBuild } from "./commands/site-build.js";
import { actionSlaReport } from "./commands/sla-report.js";
import { actionSlaSweep } from "./commands/sla-sweep.js";
import { actionToil } from "./commands/toil.js";
import type { ActionContext } from "./context.js";
import { readActionInputs, type ActionCommand } from "./inputs.js";
import { actionGitHub } from "./octokit.js";
import { annotateProblems, problemsText } from "./report.js";

const COMMANDS: Record<ActionCommand, (context: ActionContext) => Promise<void>> = {
  "sla-sweep": actionSlaSweep,
  "sla-report": actionSlaReport,
  "rota-check": actionRotaCheck,
  "publish-rota": actionPublishRota,
  "check-rota-change": actionCheckRotaChange,
  "rota-horizon": actionRotaHorizon,
  "runbooks-check": actionRunbooksCheck,
  "site-build": actionSiteBuild,
  toil: actionToil,
};

/** The Action: parse the inputs, run the command; one catch turns any failure into setFailed. */
export async function run(): Promise<void> {
  try {
    const parsed = readActionInputs(process.env);
    if (!parsed.success) {
      core.setFailed(`invalid input: ${z.prettifyError(parsed.error)}`);
      return;
    }
    const inputs = parsed.data;
    const command = COMMANDS[inputs.command];
    let github: ReturnType<typeof actionGitHub> | undefined;
    await command({
      inputs,
      io: nodeIo(),
      repository: process.env["GITHUB_REPOSITORY"] ?? "",
      github: () => {
        if (!inputs.token) throw new Error(`"${inputs.command}" talks to GitHub: pass a token input`);
        return (github ??= actionGitHub({ token: inputs.token, apiUrl: process.env["GITHUB_API_URL"], warn: core.warning, debug: core.debug }));
      },
    });
  } catch (error) {
    if (error instanceof InputError) {
      annotateProblems(error.problems);
      core.setFailed(problemsText(error.problems));
    } else {
      core.setFailed(error instanceof Error ? error.message : String(error));
    }
  }
}
