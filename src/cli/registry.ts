import type { CliCommand } from "./command.js";

/** Every `firstline` command, in the order `--help` lists them. One import a command. */
export const commands: readonly CliCommand[] = [];
