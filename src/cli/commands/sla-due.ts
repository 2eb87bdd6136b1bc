import * as z from "zod";
import { CONFIG_PATH } from "../../core/config/firstline-config.js";
import { computeDue } from "../../core/sla/due.js";
import { buildSlaPolicy } from "../../core/sla/policy.js";
import { METRICS } from "../../core/sla/targets.js";
import { formatLocal, isoInstant } from "../../core/time/format.js";
import { defineCommand, printJson } from "../command.js";
import { InputError } from "../../shell/input-error.js";
import { readConfigFile } from "../../shell/load-inputs.js";
import { instantOption, priorityOption } from "../../shell/options.js";

export const slaDueCommand = defineCommand({
  name: "sla due",
  summary: "When a metric of a new ticket falls due",
  usage:
    "firstline sla due --config F --client C --priority P1..P4 --opened T [--metric firstResponse|nextResponse|resolution] [--json]",
  options: { config: "string", client: "string", priority: "string", opened: "string", metric: "string" },
  schema: z.object({
    config: z.string().default(CONFIG_PATH),
    client: z.string(),
    priority: priorityOption,
    opened: instantOption,
    metric: z.enum(METRICS, { message: `must be one of ${METRICS.join(", ")}` }).default("firstResponse"),
  }),
  run: async ({ options, io, json }) => {
    const config = readConfigFile(io, options.config);
    const policy = buildSlaPolicy({ config: config.value });
    const terms = policy.client(options.client);
    if (!terms) {
      const known = config.value.clients.map((c) => c.id).join(", ") || "none";
      throw InputError.of({
        file: options.config,
        path: "clients",
        message: `no client "${options.client}" (known: ${known})`,
      });
    }
    const answer = computeDue({
      terms,
      priority: options.priority,
      metric: options.metric,
      opened: options.opened.toMillis(),
    });
    if (typeof answer === "string")
      throw InputError.of({ file: options.config, path: `plans.${terms.planName}`, message: answer });
    if (json) {
      printJson(io, {
        client: terms.id,
        priority: options.priority,
        metric: options.metric,
        target: answer.target,
        clock: answer.clock,
        start: isoInstant(answer.start),
        due: isoInstant(answer.due),
      });
      return 0;
    }
    const at = (ms: number) => formatLocal(ms, terms.zone);
    io.stdout(
      [
        `${terms.name} (${terms.id}), plan ${terms.planName}, ${options.priority} ${options.metric}: ${answer.target} on the ${answer.clock === "24/7" ? "24/7" : "working-hours"} clock`,
        `  opened  ${at(options.opened.toMillis())}`,
        `  starts  ${at(answer.start)}`,
        `  due     ${at(answer.due)}`,
        "",
      ].join("\n"),
    );
    return 0;
  },
});
