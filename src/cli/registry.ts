import type { CliCommand } from "./command.js";
import { slaDueCommand } from "./commands/sla-due.js";
import { slaExplainCommand } from "./commands/sla-explain.js";
import { slaStatusCommand } from "./commands/sla-status.js";

/** Every `firstline` command, in the order `--help` lists them. One import a command. */
export const commands: readonly CliCommand[] = [
  slaDueCommand,
  slaStatusCommand,
  slaExplainCommand,
];
