import type { CommandIo } from "../shell/command-io.js";
import type { DryRunLog } from "../github/dry-run-log.js";
import type { GitHubTransport } from "../github/transport.js";
import type { ActionInputs } from "./inputs.js";

/** What every Action command gets: its inputs, files, the clock, and GitHub (loaded when first asked for). */
export interface ActionContext {
  readonly inputs: ActionInputs;
  readonly io: CommandIo;
  /** `owner/name` of the repository the workflow runs in. */
  readonly repository: string;
  /** GitHub; in a dry run, its writes are recorded in `dryRun` instead of sent. */
  readonly github: () => Promise<GitHubTransport>;
  /**
   * Resolves once GitHub's client has next handed a request to the network in full (Octokit sends
   * a request a few turns of the event loop after it is asked for).
   */
  readonly requestSent: () => Promise<void>;
  /** Set in a dry run: the writes the command would have made. */
  readonly dryRun: DryRunLog | undefined;
}
