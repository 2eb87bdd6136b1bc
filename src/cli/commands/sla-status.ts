import * as z from "zod";
import { CONFIG_PATH } from "../../core/config/firstline-config.js";
import { ticketTimelineSchema } from "../../config/ticket-schema.js";
import { buildSlaPolicy } from "../../core/sla/policy.js";
import { computeTicketSla, type TicketSla } from "../../core/sla/ticket-sla.js";
import { formatLocal, formatMinutes, isoInstant } from "../../core/time/format.js";
import { defineCommand, printJson, type CommandIo } from "../command.js";
import { readConfigFile, readJsonFile } from "../../shell/load-inputs.js";
import { instantOption } from "../../shell/options.js";

const MINUTE_MS = 60_000;
const minutes = (ms: number) => (Number.isFinite(ms) ? Math.round((ms / MINUTE_MS) * 100) / 100 : null);

/** The SLA of a ticket at an instant, as the command-line contract's JSON. */
export function slaStatusJson(sla: TicketSla) {
  return {
    client: sla.terms.id,
    priority: sla.priority,
    metrics: sla.metrics.map((m) => ({
      metric: m.metric,
      cycle: m.cycle,
      instance: m.instance,
      state: m.state,
      start: isoInstant(m.start),
      due: m.due === null ? null : isoInstant(m.due),
      elapsedMinutes: minutes(m.elapsedMs),
      remainingMinutes: minutes(m.remainingMs),
      reclassified: m.reclassified,
      target: m.target,
      clock: m.clock,
      breachedAt: m.breachedAt === null ? null : isoInstant(m.breachedAt),
    })),
  };
}

/** Loads the config and the ticket, and computes its SLA at `now`. */
export function loadTicketSla(params: {
  io: CommandIo;
  config: string;
  ticket: string;
  now: number;
}): TicketSla {
  const config = readConfigFile(params.io, params.config);
  const timeline = readJsonFile(params.io, params.ticket, ticketTimelineSchema);
  return computeTicketSla({ timeline, policy: buildSlaPolicy({ config: config.value }), now: params.now });
}

export const slaStatusCommand = defineCommand({
  name: "sla status",
  summary: "Every SLA metric of a ticket timeline at an instant",
  usage: "firstline sla status --config F --ticket TICKET.json --now T [--json]",
  options: { config: "string", ticket: "string", now: "string" },
  schema: z.object({ config: z.string().default(CONFIG_PATH), ticket: z.string(), now: instantOption }),
  run: async ({ options, io, json }) => {
    const now = options.now.toMillis();
    const sla = loadTicketSla({ io, config: options.config, ticket: options.ticket, now });
    if (json) {
      printJson(io, slaStatusJson(sla));
      return 0;
    }
    const at = (ms: number) => formatLocal(ms, sla.terms.zone);
    const rows = sla.metrics.map((m) => {
      const name = m.metric === "nextResponse" ? `nextResponse #${m.instance}` : m.metric;
      const due = m.due === null ? "paused" : at(m.due);
      const left =
        m.state === "met" || m.state === "breached"
          ? ""
          : `, ${formatMinutes(m.remainingMs / MINUTE_MS)} left`;
      return `  cycle ${m.cycle} ${name.padEnd(16)} ${m.state.padEnd(8)} due ${due}${left}${m.reclassified ? " (reclassified)" : ""}`;
    });
    io.stdout(
      `${sla.terms.name} (${sla.terms.id}), ${sla.priority}, at ${at(now)}\n${rows.join("\n") || "  no SLA metric applies"}\n`,
    );
    return 0;
  },
});
