import { DateTime } from "luxon";
import type { Series, ServiceSeries } from "./service-series.js";

/** A chart's words may hold only what Mermaid's quoted strings can: no quotes, brackets or line breaks. */
function quoted(text: string): string {
  return `"${text.replace(/["[\]\r\n`]/g, " ").slice(0, 80)}"`;
}

/**
 * One Mermaid `xychart-beta` block (GitHub renders it in issues and job summaries). Mermaid's
 * charts have no legend and no gaps, so a missing value is drawn as 0 and the caller names the lines.
 */
export function mermaidXyChart(params: {
  readonly title: string;
  readonly categories: readonly string[];
  readonly axis: string;
  readonly max: number;
  readonly kind: "bar" | "line";
  readonly series: readonly Series[];
}): string {
  const max = Math.max(1, Math.ceil(params.max));
  return [
    "```mermaid",
    "xychart-beta",
    `  title ${quoted(params.title)}`,
    `  x-axis [${params.categories.map(quoted).join(", ")}]`,
    `  y-axis ${quoted(params.axis)} 0 --> ${max}`,
    ...params.series.map((s) => `  ${params.kind} [${s.values.map((v) => String(v ?? 0)).join(", ")}]`),
    "```",
  ].join("\n");
}

const monthLabel = (month: string) =>
  DateTime.fromFormat(month, "yyyy-LL", { locale: "en-GB" }).toFormat("LLL yyyy");
const weekLabel = (week: string) => DateTime.fromISO(week, { locale: "en-GB" }).toFormat("d LLL");
const highest = (series: readonly Series[]) =>
  Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));

/** The three service charts as markdown: for the dashboard issue and the monthly SLA report. */
export function serviceChartsMarkdown(series: ServiceSeries): string[] {
  const months = series.months.map(monthLabel);
  const clients = series.firstResponses.map((s) => s.name);
  return [
    mermaidXyChart({
      title: "First responses within target (%), by month opened",
      categories: months,
      axis: "%",
      max: 100,
      kind: "line",
      series: series.firstResponses,
    }),
    "",
    `<sub>One line per client, in order: ${clients.length > 0 ? clients.join(", ") : "none yet"}. A month with no first response judged shows 0.</sub>`,
    "",
    mermaidXyChart({
      title: "SLA breaches by month",
      categories: months,
      axis: "breaches",
      max: highest([series.breaches]) + 1,
      kind: "bar",
      series: [series.breaches],
    }),
    "",
    mermaidXyChart({
      title: "Tickets opened by week",
      categories: series.weeks.map(weekLabel),
      axis: "tickets",
      max: highest(series.openedByPriority) + 1,
      kind: "line",
      series: series.openedByPriority,
    }),
    "",
    `<sub>One line per priority, in order: ${series.openedByPriority.map((s) => s.name).join(", ")}.</sub>`,
  ];
}
