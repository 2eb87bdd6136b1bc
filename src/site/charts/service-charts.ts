import { DateTime } from "luxon";
import { serviceSeries, type ServiceSeries } from "../../core/charts/service-series.js";
import type { SlaPolicy } from "../../core/sla/policy.js";
import type { TicketSnapshot } from "../../core/ticket/snapshot.js";

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

/**
 * A Vega-Lite specification with Firstline's look: plain, readable, colour-blind-safe colours.
 * Every chart of the site is made with it (the Service page's, the rota page's).
 */
export function spec(params: {
  title: string;
  values: readonly Record<string, unknown>[];
  mark: "bar" | "line";
  x: string;
  xTitle: string;
  y: string;
  yTitle: string;
  colour?: string;
  yMax?: number;
  order: readonly string[];
}): Record<string, unknown> {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: params.title,
    width: 560,
    height: 240,
    background: "#ffffff",
    data: { values: params.values },
    mark: params.mark === "line" ? { type: "line", point: true } : { type: "bar" },
    encoding: {
      // Every month or week on the axis, those without data too.
      x: {
        field: params.x,
        type: "ordinal",
        title: params.xTitle,
        sort: params.order,
        scale: { domain: params.order },
        axis: { labelAngle: 0 },
      },
      y: {
        field: params.y,
        type: "quantitative",
        title: params.yTitle,
        ...(params.yMax === undefined
          ? { axis: { tickMinStep: 1, format: "d" } }
          : { scale: { domain: [0, params.yMax] } }),
      },
      ...(params.colour
        ? {
            color: {
              field: params.colour,
              type: "nominal",
              title: params.colour,
              scale: { scheme: "tableau10" },
            },
          }
        : {}),
    },
    config: { font: "system-ui, sans-serif", view: { stroke: null } },
  };
}

/** Vega-Lite compiled to Vega and drawn as SVG in Node: no browser, no canvas. Every chart of the site is drawn by it. */
export async function renderSvg(vegaLite: Record<string, unknown>): Promise<string> {
  const [{ compile }, vega] = await Promise.all([import("vega-lite"), import("vega")]);
  const view = new vega.View(vega.parse(compile(vegaLite as unknown as Parameters<typeof compile>[0]).spec), {
    renderer: "none",
  });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

/**
 * The Service page's three charts, drawn at build time by Vega-Lite: first responses within
 * target per month and client, breaches per month, tickets opened per week by priority; each
 * with the table of its numbers.
 */
export async function serviceCharts(series: ServiceSeries): Promise<ServiceChart[]> {
  const months = series.months.map(monthLabel);
  const weeks = series.weeks.map(weekLabel);
  const firstValues = series.firstResponses.flatMap((s) =>
    s.values.flatMap((v, i) => (v === null ? [] : [{ month: months[i], client: s.name, share: v }])),
  );
  const openedValues = series.openedByPriority.flatMap((s) =>
    s.values.map((v, i) => ({ week: weeks[i], priority: s.name, tickets: v })),
  );
  const charts = [
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
      vegaLite: spec({
        title: "First responses within target (%)",
        values: firstValues,
        mark: "line",
        x: "month",
        xTitle: "Month opened",
        y: "share",
        yTitle: "% within target",
        colour: "client",
        yMax: 100,
        order: months,
      }),
    },
    {
      key: "breaches",
      title: "SLA breaches per month",
      summary: `How many SLA targets were breached each month, ${months[0] ?? ""} to ${months[months.length - 1] ?? ""}.`,
      columns: ["Month", "Breaches"],
      rows: months.map((label, i) => ({ label, cells: [String(series.breaches.values[i] ?? 0)] })),
      vegaLite: spec({
        title: "SLA breaches per month",
        values: months.map((month, i) => ({ month, breaches: series.breaches.values[i] ?? 0 })),
        mark: "bar",
        x: "month",
        xTitle: "Month",
        y: "breaches",
        yTitle: "Breaches",
        order: months,
      }),
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
      vegaLite: {
        ...spec({
          title: "Tickets opened per week",
          values: openedValues,
          mark: "bar",
          x: "week",
          xTitle: "Week",
          y: "tickets",
          yTitle: "Tickets",
          colour: "priority",
          order: weeks,
        }),
      },
    },
  ];
  return Promise.all(
    charts.map(async ({ vegaLite, ...chart }) => ({ ...chart, svg: await renderSvg(vegaLite) })),
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
