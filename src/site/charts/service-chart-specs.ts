/**
 * The site's charts (the Service page's three, the rota page's two) as Vega-Lite specifications without their numbers: each reads a
 * dataset named `table` and takes the x axis's categories (every month or week, those without data
 * too) from the parameter `categories`. `npm run build` compiles them to Vega once
 * (scripts/generate-chart-specs.ts writes service-chart-vega.ts), so the Action and the command
 * line draw the charts with Vega alone and never load the Vega-Lite compiler.
 */

/** The names the compiled specifications expect their numbers under. */
export const CHART_DATASET = "table";
export const CHART_CATEGORIES = "categories";

/** The Service page's charts, by file name stem. */
export const SERVICE_CHART_KEYS = ["first-responses", "breaches", "opened"] as const;
export type ServiceChartKey = (typeof SERVICE_CHART_KEYS)[number];

/** A Vega-Lite specification with Firstline's look: plain, readable, colour-blind-safe colours. */
function spec(params: {
  title: string;
  mark: "bar" | "line";
  x: string;
  xTitle: string;
  y: string;
  yTitle: string;
  colour?: string;
  yMax?: number;
}): Record<string, unknown> {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: params.title,
    width: 560,
    height: 240,
    background: "#ffffff",
    params: [{ name: CHART_CATEGORIES, value: [] }],
    data: { name: CHART_DATASET },
    mark: params.mark === "line" ? { type: "line", point: true } : { type: "bar" },
    encoding: {
      x: {
        field: params.x,
        type: "ordinal",
        title: params.xTitle,
        sort: null,
        scale: { domain: { expr: CHART_CATEGORIES } },
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

/** Each chart's Vega-Lite specification; the rows of `table` carry the fields named here. */
export const SERVICE_CHART_SPECS: Readonly<Record<ServiceChartKey, Record<string, unknown>>> = {
  "first-responses": spec({
    title: "First responses within target (%)",
    mark: "line",
    x: "month",
    xTitle: "Month opened",
    y: "share",
    yTitle: "% within target",
    colour: "client",
    yMax: 100,
  }),
  breaches: spec({
    title: "SLA breaches per month",
    mark: "bar",
    x: "month",
    xTitle: "Month",
    y: "breaches",
    yTitle: "Breaches",
  }),
  opened: spec({
    title: "Tickets opened per week",
    mark: "bar",
    x: "week",
    xTitle: "Week",
    y: "tickets",
    yTitle: "Tickets",
    colour: "priority",
  }),
};

/** The rota page's charts: TOIL and pages per person per month, stacked by person. */
export const ON_CALL_CHART_KEYS = ["toil", "pages"] as const;
export type OnCallChartKey = (typeof ON_CALL_CHART_KEYS)[number];

/** Each rota page chart's Vega-Lite specification; rows carry `month`, `person` and the value. */
export const ON_CALL_CHART_SPECS: Readonly<Record<OnCallChartKey, Record<string, unknown>>> = {
  toil: spec({
    title: "TOIL earned per person per month",
    mark: "bar",
    x: "month",
    xTitle: "Month",
    y: "days",
    yTitle: "TOIL days",
    colour: "person",
  }),
  pages: spec({
    title: "Pages per person per month",
    mark: "bar",
    x: "month",
    xTitle: "Month",
    y: "pages",
    yTitle: "Pages",
    colour: "person",
  }),
};
