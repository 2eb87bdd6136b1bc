import * as z from "zod";
import { CONFIG_PATH } from "../../core/config/firstline-config.js";
import { explainTicketSla } from "../../core/sla/explain.js";
import { defineCommand, printJson } from "../command.js";
import { instantOption } from "../../shell/options.js";
import { loadTicketSla, slaStatusJson } from "./sla-status.js";

export const slaExplainCommand = defineCommand({
  name: "sla explain",
  summary: "A ticket's SLA timeline in words: what counted, what was skipped, and why",
  usage: "firstline sla explain --config F --ticket TICKET.json --now T [--json]",
  options: { config: "string", ticket: "string", now: "string" },
  schema: z.object({ config: z.string().default(CONFIG_PATH), ticket: z.string(), now: instantOption }),
  run: async ({ options, io, json }) => {
    const now = options.now.toMillis();
    const sla = loadTicketSla({ io, config: options.config, ticket: options.ticket, now });
    const lines = explainTicketSla({ sla, now });
    if (json) printJson(io, { ...slaStatusJson(sla), explanation: lines });
    else io.stdout(`${lines.join("\n")}\n`);
    return 0;
  },
});
