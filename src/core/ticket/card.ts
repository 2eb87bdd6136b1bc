import { PRIORITY_NAMES } from "../labels.js";
import { mention, neutralise } from "../markdown/safe-text.js";
import type { MetricStatus, TicketSla } from "../sla/ticket-sla.js";
import { formatLocal } from "../time/format.js";
import type { MissingInfo } from "../triage/needs-info.js";
import { CARD_KEY, marker } from "../markers.js";

const METRIC_NAMES: Readonly<Record<MetricStatus["metric"], string>> = {
  firstResponse: "First response",
  nextResponse: "Next response",
  resolution: "Resolution",
};

const STATE_WORDS: Readonly<Record<MetricStatus["state"], string>> = {
  running: "⏳ running",
  "at-risk": "⚠️ at risk",
  breached: "🔴 breached",
  met: "✅ met",
  paused: "⏸️ paused",
};

/** What the card says besides the SLA: set by triage and commands. */
export interface CardExtras {
  readonly type: string | undefined;
  readonly needsInfo: readonly MissingInfo[];
  readonly reporter: string;
  readonly clientUnknown: boolean;
  readonly chargeable: boolean;
  readonly chargeableSuggested: readonly string[];
}

/**
 * The ticket card: one comment per ticket with client, priority, plan, each target with its due
 * time in local time, and the state. It holds only absolute times and states, never "minutes left",
 * so it changes only when something about the ticket changes and a quiet ticket costs no writes.
 */
export function renderCard(params: { readonly sla: TicketSla; readonly extras: CardExtras }): string {
  const { sla, extras } = params;
  const { terms } = sla;
  const at = (ms: number) => formatLocal(ms, terms.zone);
  const lastCycle = Math.max(0, ...sla.metrics.map((m) => m.cycle));
  const current = sla.metrics.filter((m) => m.cycle === lastCycle);
  const lines = [
    "### Ticket card",
    "",
    "| | |",
    "|---|---|",
    `| Client | ${extras.clientUnknown ? "not known yet" : `${neutralise(terms.name)} (\`${terms.id}\`)`} |`,
    `| Priority | ${sla.priority} ${PRIORITY_NAMES[sla.priority]} |`,
    `| Plan | ${terms.planName}, ${terms.outOfHours ? "with out-of-hours cover" : "working hours only"} |`,
    `| Type | ${extras.type ?? "not set"} |`,
    `| Status | ${status(sla, extras)} |`,
    "",
  ];
  if (current.length > 0) {
    lines.push(
      `| Service level${lastCycle > 1 ? ` (reopened, cycle ${lastCycle})` : ""} | target | due | state |`,
      "|---|---|---|---|",
    );
    for (const m of current) {
      const name =
        m.metric === "nextResponse" && m.instance > 1
          ? `${METRIC_NAMES[m.metric]} #${m.instance}`
          : METRIC_NAMES[m.metric];
      const due = m.due === null ? "on hold" : at(m.due);
      const state = `${STATE_WORDS[m.state]}${m.reclassified ? " (reclassified)" : ""}`;
      lines.push(`| ${name} | ${m.target}${m.clock === "24/7" ? " (24/7)" : ""} | ${due} | ${state} |`);
    }
    lines.push("");
  }
  if (extras.clientUnknown) {
    lines.push(
      `${mention(extras.reporter)}, which organisation is this for? Reply here and we will take it from there.`,
      "",
    );
  }
  if (extras.needsInfo.length > 0) {
    lines.push(
      `**We need a little more to reproduce this.** ${mention(extras.reporter)}, please reply with:`,
      ...extras.needsInfo.map((item) => `- ${item}`),
      "",
      "The service-level clock is paused until you do.",
      "",
    );
  }
  if (extras.chargeableSuggested.length > 0 && !extras.chargeable) {
    lines.push(
      `> This may be work outside support (it mentions ${extras.chargeableSuggested.map((k) => `"${neutralise(k)}"`).join(", ")}). Staff can confirm with \`/chargeable <size> <reason>\`.`,
      "",
    );
  }
  lines.push(
    "<sub>Firstline keeps this card up to date. Staff: `/priority P1-P4`, `/client <id>`, `/type <type>`, `/chargeable <size> <reason>`, `/not-chargeable`, `/waiting`, `/resume`, `/sla`.</sub>",
  );
  lines.push(marker(CARD_KEY));
  return lines.join("\n");
}

function status(sla: TicketSla, extras: CardExtras): string {
  if (!sla.open) return "closed";
  if (extras.chargeable) return "chargeable: with the account manager";
  if (sla.paused) return "on hold (waiting)";
  return "open";
}
