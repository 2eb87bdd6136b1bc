import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import type { FirstlineConfig } from "../../../src/core/config/firstline-config.js";
import { PRIORITIES, type Priority } from "../../../src/core/labels.js";
import { classifyTicket } from "../../../src/core/triage/classify.js";

/** One hand-labelled ticket of the corpus. */
const labelledTicketSchema = z.strictObject({
  title: z.string().min(1),
  body: z.string(),
  priority: z.enum(PRIORITIES),
  type: z.enum(["bug", "change", "question"]),
  chargeable: z.boolean(),
});
export type LabelledTicket = z.output<typeof labelledTicketSchema>;

/** The corpus under test/fixtures/triage-corpus. */
export function readCorpus(file = "test/fixtures/triage-corpus/tickets.yml"): LabelledTicket[] {
  return z.array(labelledTicketSchema).parse(parse(readFileSync(file, "utf8")));
}

/** A ticket triage got wrong, for the report. */
export interface Miss {
  readonly title: string;
  readonly what: "priority" | "type" | "chargeable";
  readonly expected: string;
  readonly got: string;
}

/** How the rules did on the corpus. */
export interface CorpusScore {
  readonly tickets: number;
  readonly p1: {
    readonly labelled: number;
    readonly found: number;
    readonly raised: number;
    readonly recall: number;
    readonly precision: number;
  };
  readonly priorityAccuracy: number;
  readonly typeAccuracy: number;
  readonly chargeable: { readonly recall: number; readonly precision: number };
  readonly misses: readonly Miss[];
}

const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

/** Runs triage over every labelled ticket (in a helpdesk repository, no issue form) and scores it. */
export function scoreCorpus(params: {
  readonly config: Pick<
    FirstlineConfig,
    "clients" | "priorityRules" | "ticketRepos" | "chargeableKeywords" | "pauseLabels"
  >;
  readonly tickets: readonly LabelledTicket[];
}): CorpusScore {
  const repo = params.config.ticketRepos[0] ?? "agency/helpdesk";
  const config = { ...params.config, ticketRepos: [repo] };
  const misses: Miss[] = [];
  let p1Found = 0;
  let p1Raised = 0;
  let prioritiesRight = 0;
  let typesRight = 0;
  let chargeableFound = 0;
  let chargeableRaised = 0;
  for (const ticket of params.tickets) {
    const decision = classifyTicket({
      config,
      issue: { repo, title: ticket.title, body: ticket.body, isPullRequest: false },
    });
    const is = (p: Priority) => decision.priority === p;
    if (is("P1")) p1Raised += 1;
    if (is("P1") && ticket.priority === "P1") p1Found += 1;
    if (decision.priority === ticket.priority) prioritiesRight += 1;
    else
      misses.push({
        title: ticket.title,
        what: "priority",
        expected: ticket.priority,
        got: decision.priority,
      });
    if (decision.type === ticket.type) typesRight += 1;
    else misses.push({ title: ticket.title, what: "type", expected: ticket.type, got: decision.type });
    if (decision.chargeableSuggested) chargeableRaised += 1;
    if (decision.chargeableSuggested && ticket.chargeable) chargeableFound += 1;
    if (decision.chargeableSuggested !== ticket.chargeable) {
      misses.push({
        title: ticket.title,
        what: "chargeable",
        expected: String(ticket.chargeable),
        got: decision.chargeableMatches.join(", ") || "false",
      });
    }
  }
  const p1Labelled = params.tickets.filter((t) => t.priority === "P1").length;
  const chargeableLabelled = params.tickets.filter((t) => t.chargeable).length;
  return {
    tickets: params.tickets.length,
    p1: {
      labelled: p1Labelled,
      found: p1Found,
      raised: p1Raised,
      recall: ratio(p1Found, p1Labelled),
      precision: ratio(p1Found, p1Raised),
    },
    priorityAccuracy: ratio(prioritiesRight, params.tickets.length),
    typeAccuracy: ratio(typesRight, params.tickets.length),
    chargeable: {
      recall: ratio(chargeableFound, chargeableLabelled),
      precision: ratio(chargeableFound, chargeableRaised),
    },
    misses,
  };
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The score as a few readable lines. */
export function formatScore(score: CorpusScore): string {
  return [
    `${score.tickets} labelled tickets`,
    `P1 recall ${percent(score.p1.recall)} (${score.p1.found} of ${score.p1.labelled}), P1 precision ${percent(score.p1.precision)} (${score.p1.found} of ${score.p1.raised} raised)`,
    `priority accuracy ${percent(score.priorityAccuracy)}, type accuracy ${percent(score.typeAccuracy)}`,
    `chargeable recall ${percent(score.chargeable.recall)}, precision ${percent(score.chargeable.precision)}`,
  ].join("\n");
}
