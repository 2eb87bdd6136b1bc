import { join } from "node:path";
import * as z from "zod";
import { planRota, type PlannedWeek, type RotaPlan } from "../../core/rota/plan.js";
import { isWednesday } from "../../core/rota/week.js";
import { repositoryRotaDir } from "../repository-paths.js";
import { defineCommand, printJson } from "../command.js";
import { dateOption } from "../../shell/options.js";
import { readRotaFolder } from "../../shell/rota-folder.js";

function flowMapping(entries: readonly [string, string | null | readonly string[]][]): string {
  const parts = entries.flatMap(([key, value]) => {
    if (value === null) return [];
    if (typeof value === "string") return [`${key}: ${value}`];
    return value.length === 0 ? [] : [`${key}: [${value.join(", ")}]`];
  });
  return `{ ${parts.join(", ")} }`;
}

function weekLines(params: {
  readonly plan: RotaPlan;
  readonly week: PlannedWeek;
  readonly slots: readonly string[];
  readonly entry: string;
}): string[] {
  const { plan, week, slots, entry } = params;
  return [
    ...week.choices
      .filter((choice) => slots.includes(choice.slot))
      .map((choice) => `  # ${choice.slot} ${choice.login}: ${choice.why}`),
    ...plan.gaps
      .filter((gap) => gap.week === week.week && slots.includes(gap.slot))
      .map((gap) => `  # NO VALID ROTA for ${gap.slot}: ${gap.why}`),
    `  ${week.week}: ${entry}`,
  ];
}

/** The plan as YAML to paste under `weeks:` in each file, each choice explained in a comment. */
export function formatPlanYaml(params: { readonly plan: RotaPlan; readonly dir: string }): string {
  const { plan, dir } = params;
  const first = plan.weeks[0]?.week ?? "";
  const lines = [
    `# Proposed rota: ${plan.weeks.length} week${plan.weeks.length === 1 ? "" : "s"} from ${first}. Paste each block under "weeks:".`,
    "",
    `# ${join(dir, "support.yml")}`,
    ...plan.weeks.flatMap((week) =>
      weekLines({
        plan,
        week,
        slots: ["developer", "operations"],
        entry: flowMapping([
          ["developer", week.support.developer],
          ["operations", week.support.operations],
        ]),
      }),
    ),
    "",
    `# ${join(dir, "on-call.yml")}`,
    ...plan.weeks.flatMap((week) =>
      weekLines({
        plan,
        week,
        slots: ["primary", "secondLine"],
        entry: flowMapping([
          ["primary", week.onCall.primary],
          ["secondLine", week.onCall.secondLine],
        ]),
      }),
    ),
  ];
  if (!plan.ok) {
    lines.push(
      "",
      `# No valid rota exists for ${plan.gaps.length} slot${plan.gaps.length === 1 ? "" : "s"}; see "NO VALID ROTA" above.`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** `rota plan`: proposes the next weeks of support and on-call. */
export const rotaPlanCommand = defineCommand({
  name: "rota plan",
  summary: "Propose the next weeks of the rota, as YAML for a pull request",
  usage: "firstline rota plan [--dir DIR] --from YYYY-MM-DD --weeks N [--json]   (--from is a Wednesday)",
  options: { dir: "string", from: "string", weeks: "string" },
  schema: z.object({
    dir: z.string().min(1).optional(),
    from: dateOption.refine(isWednesday, {
      message: "must be a Wednesday: weeks are keyed by their Wednesday",
    }),
    weeks: z
      .string()
      .regex(/^\d+$/, { message: "must be a whole number of weeks" })
      .transform(Number)
      .refine((weeks) => weeks >= 1 && weeks <= 104, { message: "must be between 1 and 104" }),
  }),
  run: async ({ options, io, json }) => {
    const dir = repositoryRotaDir({ io, given: options.dir, option: "--dir" });
    const rota = readRotaFolder({ dir, io });
    const plan = planRota({ rota, from: options.from, weeks: options.weeks });
    if (json) printJson(io, plan);
    else io.stdout(formatPlanYaml({ plan, dir }));
    return plan.ok ? 0 : 1;
  },
});
