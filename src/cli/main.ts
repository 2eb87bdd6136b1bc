import { parseArgs } from "node:util";
import { formatKeyPath } from "../core/finding.js";
import type { CliCommand, CommandIo } from "./command.js";
import { InputError } from "../shell/input-error.js";
import { commandHelp, groupHelp, groupOf, overallHelp } from "./help.js";
import { commands } from "./registry.js";
import { VERSION } from "./version.js";

function findCommand(
  argv: readonly string[],
  available: readonly CliCommand[],
): { command: CliCommand; rest: string[] } | undefined {
  let best: { command: CliCommand; rest: string[] } | undefined;
  for (const command of available) {
    const words = command.name.split(" ");
    if (words.every((word, index) => argv[index] === word)) {
      if (!best || words.length > best.command.name.split(" ").length) {
        best = { command, rest: argv.slice(words.length) };
      }
    }
  }
  return best;
}

/**
 * Runs one command line (of `available`: every `firstline` command unless told). Returns the exit code: 0 done and nothing wrong, 1 the check found
 * errors, 2 the input itself is unusable (one clear line on stderr, never a stack trace).
 */
export async function main(
  argv: readonly string[],
  io: CommandIo,
  available: readonly CliCommand[] = commands,
): Promise<number> {
  const wantsHelp = (args: readonly string[]) => args.includes("--help") || args.includes("-h");
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
    io.stdout(overallHelp({ commands: available, version: VERSION }));
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] === "--version" || argv[0] === "-v") {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const found = findCommand(argv, available);
  if (!found) {
    const group = argv[0] ?? "";
    if (available.some((c) => groupOf(c) === group)) {
      // `firstline rota --help` asks for the group; `firstline rota` or `firstline rota nope` lacks a command.
      const asked =
        argv.length > 1 && wantsHelp(argv.slice(1)) && !argv.slice(1).some((arg) => !arg.startsWith("-"));
      if (asked) {
        io.stdout(groupHelp({ group, commands: available }));
        return 0;
      }
      const unknown =
        argv[1] !== undefined && !argv[1].startsWith("-")
          ? `unknown command "${group} ${argv[1]}"`
          : `"${group}" needs a command`;
      io.stderr(`firstline: ${unknown}\n${groupHelp({ group, commands: available })}`);
      return 2;
    }
    io.stderr(
      `firstline: unknown command "${argv.slice(0, 2).join(" ")}"; run "firstline --help" for the list\n`,
    );
    return 2;
  }
  const { command, rest } = found;
  if (wantsHelp(rest)) {
    io.stdout(commandHelp(command));
    return 0;
  }
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    const optionSpec = Object.fromEntries(
      [...Object.entries(command.options), ["json", "boolean"] as const].map(([name, kind]) => [
        name,
        kind === "strings" ? { type: "string" as const, multiple: true } : { type: kind },
      ]),
    );
    values = parseArgs({
      args: [...rest],
      options: optionSpec,
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    io.stderr(
      `firstline ${command.name}: ${(error as Error).message.split("\n")[0]}\n${command.usage}\nMore: firstline ${command.name} --help\n`,
    );
    return 2;
  }
  const { json, ...optionValues } = values;
  const parsed = command.schema.safeParse(optionValues);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = issue ? formatKeyPath(issue.path) : "";
    const message =
      issue?.code === "invalid_type" && issue.input === undefined
        ? "is required"
        : (issue?.message ?? "invalid");
    io.stderr(`firstline ${command.name}: --${flag} ${message}\n`);
    return 2;
  }
  try {
    return await command.run({ options: parsed.data, io, json: json === true });
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    io.stderr(`firstline ${command.name}: internal error: ${(error as Error).message}\n`);
    return 2;
  }
}
