import * as core from "@actions/core";
import * as z from "zod";
import { InputError } from "../shell/input-error.js";
import { nodeIo } from "../shell/node-io.js";
import type { GitHubTransport } from "../github/transport.js";
import { ACTION_COMMAND_LOADERS } from "./commands/registry.js";
import { readActionInputs } from "./inputs.js";
import { annotateProblems, problemsText } from "./report.js";

/** The Action: parse the inputs, run the command; one catch turns any failure into setFailed. */
export async function run(): Promise<void> {
  try {
    const parsed = readActionInputs(process.env);
    if (!parsed.success) {
      core.setFailed(`invalid input: ${z.prettifyError(parsed.error)}`);
      return;
    }
    const inputs = parsed.data;
    const command = await ACTION_COMMAND_LOADERS[inputs.command]();
    let github: Promise<GitHubTransport> | undefined;
    await command({
      inputs,
      io: nodeIo(),
      repository: process.env["GITHUB_REPOSITORY"] ?? "",
      github: () => {
        if (!inputs.token) return Promise.reject(new Error(`"${inputs.command}" talks to GitHub: pass a token input`));
        // The GitHub client (Octokit and its plugins) loads only for the commands that use it.
        return (github ??= import("./octokit.js").then(({ actionGitHub }) =>
          actionGitHub({ token: inputs.token, apiUrl: process.env["GITHUB_API_URL"], warn: core.warning, debug: core.debug }),
        ));
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
