import * as z from "zod";
import { dateOption } from "../shell/options.js";

/** The commands the Action runs, the same as the app's jobs and the command line's. */
export const ACTION_COMMANDS = [
  "sla-sweep",
  "rota-check",
  "publish-rota",
  "check-rota-change",
  "rota-horizon",
  "runbooks-check",
  "site-build",
  "toil",
  "sla-report",
] as const;
export type ActionCommand = (typeof ACTION_COMMANDS)[number];

/** One input of the Action: its description (as in action.yml), default and schema. */
export interface InputSpec {
  readonly description: string;
  readonly required: boolean;
  readonly default?: string;
}

/**
 * Every input of the Action, in one typed registry; a test checks it against action.yml, so the
 * two never drift apart.
 */
export const ACTION_INPUTS = {
  command: { description: `What to run: ${ACTION_COMMANDS.join(", ")}.`, required: true },
  token: {
    description:
      "A token that may read and write the issues of every repository the configuration names (GITHUB_TOKEN only reaches this repository).",
    required: false,
    default: "${{ github.token }}",
  },
  config: {
    description: "Path of the Firstline configuration file.",
    required: false,
    default: ".github/firstline.yml",
  },
  "rota-dir": { description: "Folder of the rota files.", required: false, default: "rota" },
  "runbooks-dir": { description: "Folder of the runbooks.", required: false, default: "runbooks" },
  "site-dir": {
    description: "Folder site-build writes the static site to.",
    required: false,
    default: "_site",
  },
  from: {
    description:
      "toil and sla-report: first day counted (YYYY-MM-DD, local); default the first day of last month.",
    required: false,
  },
  to: {
    description:
      "toil and sla-report: last day counted (YYYY-MM-DD, local, inclusive); default the last day of the month that from is in.",
    required: false,
  },
  "dry-run": {
    description: "Plan and report, but change nothing on GitHub.",
    required: false,
    default: "false",
  },
  "bot-login": {
    description:
      "The login the token writes as (for an app token, <app-slug>[bot]); Firstline trusts its own markers only from this login.",
    required: false,
    default: "github-actions[bot]",
  },
} as const satisfies Record<string, InputSpec>;

export type InputName = keyof typeof ACTION_INPUTS;

/** The parsed inputs. */
export const actionInputsSchema = z.object({
  command: z.enum(ACTION_COMMANDS, { message: `must be one of ${ACTION_COMMANDS.join(", ")}` }),
  token: z.string().default(""),
  config: z.string().min(1),
  "rota-dir": z.string().min(1),
  "runbooks-dir": z.string().min(1),
  "site-dir": z.string().min(1),
  from: dateOption.optional(),
  to: dateOption.optional(),
  "dry-run": z.enum(["true", "false"], { message: "must be true or false" }).transform((v) => v === "true"),
  "bot-login": z.string().min(1),
});

export type ActionInputs = z.output<typeof actionInputsSchema>;

/**
 * Reads the inputs the way a runner passes them (`INPUT_<NAME>` variables, names upper-cased with
 * spaces as underscores), applying the registry's defaults where the runner did not.
 */
export function readActionInputs(
  env: Readonly<Record<string, string | undefined>>,
): z.ZodSafeParseResult<ActionInputs> {
  const raw: Record<string, string | undefined> = {};
  for (const [name, spec] of Object.entries(ACTION_INPUTS)) {
    const value = env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`]?.trim();
    const fallback = "default" in spec && !spec.default.includes("${{") ? spec.default : undefined;
    raw[name] = value === undefined || value === "" ? fallback : value;
  }
  return actionInputsSchema.safeParse(raw);
}
