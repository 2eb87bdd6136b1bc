import type { z } from "zod";

export type { CommandIo } from "../shell/command-io.js";
import type { CommandIo } from "../shell/command-io.js";

/** How an option is read from the command line before its schema sees it; `strings` may be repeated (a list). */
export type OptionKind = "string" | "boolean" | "strings";

/**
 * One `firstline` command. `options` declares the flags (all strings or booleans on the command
 * line); `schema` parses them into typed values, so a bad value is an exit-2 error naming the flag.
 */
export interface CliCommand<S extends z.ZodType = z.ZodType> {
  /** The words that select it, such as `sla due`. */
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly options: Readonly<Record<string, OptionKind>>;
  readonly schema: S;
  /** Returns the exit code: 0 done and nothing wrong, 1 the check found errors. */
  readonly run: (params: {
    readonly options: z.output<S>;
    readonly io: CommandIo;
    readonly json: boolean;
  }) => Promise<number>;
}

/** Keeps the schema's type attached to `run` while storing commands in one list. */
export function defineCommand<S extends z.ZodType>(command: CliCommand<S>): CliCommand {
  return command as unknown as CliCommand;
}

/** Prints a value as the one JSON document the contract promises. */
export function printJson(io: CommandIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
