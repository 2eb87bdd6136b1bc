import { DateTime } from "luxon";
import { serviceSeries, type ServiceSeries } from "../../core/charts/service-series.js";
import type { SlaPolicy } from "../../core/sla/policy.js";
import type { TicketSnapshot } from "../../core/ticket/snapshot.js";
import type { Spec } from "vega";
import { CHART_CATEGORIES, CHART_DATASET, type ServiceChartKey } from "./service-chart-specs.js";
import { SERVICE_CHART_VEGA } from "./service-chart-vega.js";

/** One chart of the Service page: its words, its data as a table, and the SVG drawn from it. */
export interface ServiceChart {
  /** The file name stem: `service/<key>.svg`. */
  readonly key: string;
  readonly title: string;
  /** What the chart shows, in a sentence, for the image's text alternative. */
  readonly summary: string;
  readonly columns: readonly string[];
  readonly rows: readonly { readonly label: string; readonly cells: readonly string[] }[];
  readonly svg: string;
}

/** The numbers of the Service page. */
export interface ServicePageData {
  readonly charts: readonly ServiceChart[];
}

const monthLabel = (month: string) =>
  DateTime.fromFormat(month, "yyyy-LL", { locale: "en-GB" }).toFormat("LLL yyyy");
const weekLabel = (week: string) => `w/c ${DateTime.fromISO(week, { locale: "en-GB" }).toFormat("d LLL")}`;

/** A compiled chart with its numbers filled in: the rows of its dataset, the x axis's categories. */
export function withNumbers(params: {
  spec: Spec;
  values: readonly Record<string, unknown>[];
  categories: readonly string[];
}): Spec {
  const { spec, values, categories } = params;
  return {
    ...spec,
    data: (spec.data ?? []).map((d) => (d.name === CHART_DATASET ? { ...d, values: [...values] } : d)),
    signals: (spec.signals ?? []).map((s) =>
      s.name === CHART_CATEGORIES ? { ...s, value: [...categories] } : s,
    ),
  };
}

/** A Vega specification drawn as SVG in Node: no browser, no canvas. Every chart of the site is drawn by it. */
export async function renderSvg(spec: Spec): Promise<string> {
  const vega = await import("vega");
  const view = new vega.View(vega.parse(spec), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

/** A chart of the Service page before it is drawn: its words, its table and its Vega specification. */
export type ServiceChartToDraw = Omit<ServiceChart, "svg"> & { readonly spec: Spec };

/**
 * The Service page's three charts: first responses within target per month and client, breaches
 * per month, tickets opened per week by priority; each with the table of its numbers and the Vega
 * specification (compiled from Vega-Lite at build time) that draws it.
 */
export function serviceChartsToDraw(series: ServiceSeries): ServiceChartToDraw[] {
  const months = series.months.map(monthLabel);
  const weeks = series.weeks.map(weekLabel);
  const firstValues = series.firstResponses.flatMap((s) =>
    s.values.flatMap((v, i) => (v === null ? [] : [{ month: months[i], client: s.name, share: v }])),
  );
  const openedValues = series.openedByPriority.flatMap((s) =>
    s.values.map((v, i) => ({ week: weeks[i], priority: s.name, tickets: v })),
  );
  const charts: readonly (Omit<ServiceChart, "svg"> & {
    key: ServiceChartKey;
    values: readonly Record<string, unknown>[];
    categories: readonly string[];
  })[] = [
    {
      key: "first-responses",
      title: "First responses within target",
      summary: `The share of first responses within target for each client, by the month the ticket was opened, ${months[0] ?? ""} to ${months[months.length - 1] ?? ""}.`,
      columns: ["Month", ...series.firstResponses.map((s) => s.name)],
      rows: months.map((label, i) => ({
        label,
        cells: series.firstResponses.map((s) =>
          s.values[i] === null || s.values[i] === undefined ? "n/a" : `${s.values[i]}%`,
        ),
      })),
      values: firstValues,
      categories: months,
    },
    {
      key: "breaches",
      title: "SLA breaches per month",
      summary: `How many SLA targets were breached each month, ${months[0] ?? ""} to ${months[months.length - 1] ?? ""}.`,
      columns: ["Month", "Breaches"],
      rows: months.map((label, i) => ({ label, cells: [String(series.breaches.values[i] ?? 0)] })),
      values: months.map((month, i) => ({ month, breaches: series.breaches.values[i] ?? 0 })),
      categories: months,
    },
    {
      key: "opened",
      title: "Tickets opened per week, by priority",
      summary: `How many tickets were opened each week, by priority, ${weeks[0] ?? ""} to ${weeks[weeks.length - 1] ?? ""}.`,
      columns: ["Week", ...series.openedByPriority.map((s) => s.name)],
      rows: weeks.map((label, i) => ({
        label,
        cells: series.openedByPriority.map((s) => String(s.values[i] ?? 0)),
      })),
      values: openedValues,
      categories: weeks,
    },
  ];
  return charts.map(({ values, categories, ...chart }) => ({
    ...chart,
    spec: withNumbers({ spec: SERVICE_CHART_VEGA[chart.key], values, categories }),
  }));
}

/** The Service page's three charts, drawn as SVG at build time. */
export async function serviceCharts(series: ServiceSeries): Promise<ServiceChart[]> {
  return Promise.all(
    serviceChartsToDraw(series).map(async ({ spec, ...chart }) => ({ ...chart, svg: await renderSvg(spec) })),
  );
}

/** How far back the Service page looks. */
export const SERVICE_PAGE_MONTHS = 6;
export const SERVICE_PAGE_WEEKS = 8;

/** The Service page's data from the tickets of the last months (as `readServiceHistory` gives them). */
export async function servicePageData(params: {
  readonly tickets: readonly TicketSnapshot[];
  readonly policy: SlaPolicy;
  readonly now: number;
  readonly zone: string;
  readonly botLogin?: string;
}): Promise<ServicePageData> {
  const series = serviceSeries({ ...params, months: SERVICE_PAGE_MONTHS, weeks: SERVICE_PAGE_WEEKS });
  return { charts: await serviceCharts(series) };
}
