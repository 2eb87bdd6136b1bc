import { z } from "zod";
import type { CliCommand } from "./command.js";
import { COMMAND_HELP } from "./command-help.js";

/** The first word of each command, for `firstline <group> --help`: sla, rota, runbooks, site... */
export function groupOf(command: CliCommand): string {
  return command.name.split(" ")[0] ?? command.name;
}

const EXIT_CODES =
  "Exit codes: 0 done and nothing wrong, 1 the check found errors, 2 the input is unusable (one line on stderr).";

function commandList(commands: readonly CliCommand[]): string[] {
  const width = Math.max(...commands.map((c) => c.name.length));
  return commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
}

/** `firstline --help`: every command by group, and where to read more. */
export function overallHelp(params: {
  readonly commands: readonly CliCommand[];
  readonly version: string;
}): string {
  const groups = [...new Set(params.commands.map(groupOf))];
  return [
    `firstline ${params.version}: the support desk and on-call rota, run from GitHub, on local files`,
    "",
    "Usage: firstline <command> [options] [--json]",
    "",
    "Commands:",
    ...commandList(params.commands),
    "",
    `Help on a group or a command: firstline <group> --help (${groups.join(", ")}), firstline <command> --help`,
    "Every command takes --json (one JSON document on stdout). -h is --help; --version prints the version.",
    "The rota, runbooks and site commands find rota/, runbooks/ and .github/firstline.yml in the current git repository.",
    EXIT_CODES,
    "",
  ].join("\n");
}

/** `firstline <group> --help`: the group's commands and an example of each. */
export function groupHelp(params: {
  readonly group: string;
  readonly commands: readonly CliCommand[];
}): string {
  const members = params.commands.filter((c) => groupOf(c) === params.group);
  return [
    `Usage: firstline ${params.group} <command> [options] [--json]`,
    "",
    "Commands:",
    ...commandList(members),
    "",
    "Examples:",
    ...members.map((c) => `  ${COMMAND_HELP[c.name]?.example ?? `firstline ${c.name} --help`}`),
    "",
    `Help on one: firstline ${params.group} <command> --help`,
    "",
  ].join("\n");
}

interface OptionFacts {
  readonly default?: unknown;
  readonly required: boolean;
}

/** What the option schemas say about defaults and required options (as the command line gives them). */
function optionFacts(command: CliCommand): Map<string, OptionFacts> {
  const facts = new Map<string, OptionFacts>();
  let schema: { properties?: Record<string, { default?: unknown }>; required?: string[] };
  try {
    schema = z.toJSONSchema(command.schema, { io: "input", unrepresentable: "any" }) as typeof schema;
  } catch {
    return facts;
  }
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    facts.set(name, {
      ...("default" in property ? { default: property.default } : {}),
      required: schema.required?.includes(name) ?? false,
    });
  }
  return facts;
}

/** `firstline <command> --help`: usage, each option with its default, and one example. */
export function commandHelp(command: CliCommand): string {
  const help = COMMAND_HELP[command.name];
  const facts = optionFacts(command);
  const names = Object.keys(command.options);
  const flag = (name: string) =>
    `--${name}${command.options[name] === "boolean" ? "" : ` ${name.toUpperCase().replace(/-/g, "_")}`}`;
  const width = Math.max(...names.map((name) => flag(name).length), "--json".length);
  const lines = names.map((name) => {
    const fact = facts.get(name);
    const description = help?.options[name] ?? "";
    const extra =
      fact?.default !== undefined
        ? ` (default: ${String(fact.default)})`
        : fact?.required
          ? " (required)"
          : "";
    return `  ${flag(name).padEnd(width)}  ${description}${extra}`;
  });
  return [
    `${command.summary}.`,
    "",
    `Usage: ${command.usage}`,
    "",
    "Options:",
    ...lines,
    `  ${"--json".padEnd(width)}  one JSON document on stdout instead of the report`,
    `  ${"-h, --help".padEnd(width)}  this help`,
    "",
    "Example:",
    `  ${help?.example ?? `firstline ${command.name}`}`,
    "",
    EXIT_CODES,
    "",
  ].join("\n");
}
