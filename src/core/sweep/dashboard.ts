import { PRIORITIES } from "../labels.js";
import { mention, quoteInline } from "../markdown/safe-text.js";
import type { Responders } from "../ticket/responders.js";
import { formatLocal } from "../time/format.js";
import { worstMetric, type SweptTicket } from "./plan-sweep.js";
import { DASHBOARD_KEY, marker } from "../markers.js";

export const DASHBOARD_TITLE = "Firstline dashboard: SLA breaches and tickets at risk";
export const DASHBOARD_MARKER = marker(DASHBOARD_KEY);

function ticketLine(t: SweptTicket, zone: string): string {
  const worst = worstMetric(t.sla);
  const due = worst?.due == null ? "on hold" : formatLocal(worst.due, zone);
  const metric = worst ? `${worst.metric} due ${due}` : "no running target";
  return `- ${t.snapshot.repo}#${t.snapshot.number} ${quoteInline(t.snapshot.title, 80)}: ${t.sla.terms.id}, ${t.sla.priority}, ${metric}`;
}

/**
 * The first-line dashboard: one issue in the support repository, edited in place by each sweep.
 * It holds states and absolute due times only, so a quiet sweep finds it unchanged and writes
 * nothing.
 */
export function renderDashboard(params: {
  readonly tickets: readonly SweptTicket[];
  readonly responders: Responders | null;
  readonly zone: string;
  readonly extraSections?: readonly string[];
}): string {
  const { tickets, responders, zone } = params;
  const state = (t: SweptTicket) => worstMetric(t.sla)?.state;
  const breached = tickets.filter((t) => state(t) === "breached");
  const atRisk = tickets.filter((t) => state(t) === "at-risk");
  const followUp = tickets.filter(
    (t) =>
      t.needsFollowUp &&
      state(t) !== "breached" &&
      state(t) !== "at-risk" &&
      !t.snapshot.labels.includes("type: maintenance"),
  );
  const waiting = tickets.filter((t) => t.waitingOnClient);
  const maintenance = tickets.filter((t) => t.snapshot.labels.includes("type: maintenance"));
  const maintenanceLine = (t: SweptTicket) =>
    `- ${t.snapshot.repo}#${t.snapshot.number} ${quoteInline(t.snapshot.title, 80)}: ${t.sla.terms.id}, ${t.sla.priority}, open since ${formatLocal(t.snapshot.createdAt, zone)}`;
  const section = (title: string, list: readonly SweptTicket[], empty: string) => [
    `### ${title} (${list.length})`,
    "",
    ...(list.length > 0 ? list.map((t) => ticketLine(t, zone)) : [empty]),
    "",
  ];
  const clients = [...new Set(tickets.map((t) => t.sla.terms.id))].sort();
  const count = (client: string, priority: string) =>
    tickets.filter((t) => t.sla.terms.id === client && t.sla.priority === priority).length;
  const onSupport = responders?.support
    ? `${mention(responders.support.developer)} (developer) and ${mention(responders.support.operations)} (operations)`
    : "not known: check rota/";
  const onCall = responders?.onCall
    ? `${mention(responders.onCall.primary)}${responders.onCall.secondLine.length > 0 ? `, second line ${responders.onCall.secondLine.map(mention).join(", ")}` : ""}`
    : "nobody on the rota";
  return [
    `On first line support now: ${onSupport}. On call out of hours: ${onCall}.`,
    "",
    ...section("SLA breached", breached, "None."),
    ...section("At risk, soonest due first", atRisk, "None."),
    ...section("Needing a follow-up", followUp, "None."),
    ...section("Waiting on the client", waiting, "None."),
    `### Maintenance to do (${maintenance.length})`,
    "",
    ...(maintenance.length > 0 ? maintenance.map(maintenanceLine) : ["None."]),
    "",
    `### Open tickets by client and priority (${tickets.length})`,
    "",
    `| client | ${PRIORITIES.join(" | ")} |`,
    `|---|${PRIORITIES.map(() => "---").join("|")}|`,
    ...clients.map((c) => `| ${c} | ${PRIORITIES.map((p) => count(c, p)).join(" | ")} |`),
    "",
    ...(params.extraSections ?? []),
    "<sub>Kept up to date by each Firstline sweep.</sub>",
    DASHBOARD_MARKER,
  ].join("\n");
}
