import * as core from "@actions/core";
import * as z from "zod";
import { InputError } from "../shell/input-error.js";
import { nodeIo } from "../shell/node-io.js";
import { DryRunLog } from "../github/dry-run-log.js";
import type { GitHubTransport } from "../github/transport.js";
import { requestTimeoutFromEnv } from "../github/timed-fetch.js";
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
    // A dry run reads GitHub as usual and records every write instead of sending it.
    const dryRun = inputs["dry-run"] ? new DryRunLog() : undefined;
    // Who waits for the next request to be on its way (see ActionContext.requestSent).
    let waiting: (() => void)[] = [];
    const onSent = () => {
      const told = waiting;
      waiting = [];
      for (const resolve of told) resolve();
    };
    await command({
      inputs,
      dryRun,
      io: nodeIo(),
      repository: process.env["GITHUB_REPOSITORY"] ?? "",
      requestSent: () => new Promise<void>((resolve) => waiting.push(resolve)),
      github: () => {
        if (!inputs.token)
          return Promise.reject(new Error(`"${inputs.command}" talks to GitHub: pass a token input`));
        // The GitHub client (Octokit and its plugins) loads only for the commands that use it.
        return (github ??= Promise.all([
          import("../github/octokit.js"),
          import("../github/node-http-fetch.js"),
        ]).then(([{ githubClient }, { nodeHttpFetch }]) =>
          githubClient({
            fetch: nodeHttpFetch({ onSent }),
            token: inputs.token,
            baseUrl: process.env["GITHUB_API_URL"] || undefined,
            userAgent: "firstline-action",
            requestTimeoutMs: requestTimeoutFromEnv(process.env),
            warn: core.warning,
            debug: core.debug,
            dryRun,
          }),
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
