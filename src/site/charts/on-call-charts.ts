import { DateTime } from "luxon";
import { onCallSeries, type OnCallSeries } from "../../core/charts/on-call-series.js";
import type { PageRecord } from "../../core/paging/pages-on-issue.js";
import type { ToilReport } from "../../core/toil/toil.js";
import { ON_CALL_CHART_VEGA } from "./service-chart-vega.js";
import type { OnCallChartKey } from "./service-chart-specs.js";
import { renderSvg, withNumbers, type ServiceChart } from "./service-charts.js";

/** The rota page's charts: TOIL and pages per person per month. */
export interface OnCallChartsData {
  readonly charts: readonly ServiceChart[];
}

/** How far back the rota page's charts look, as the Service page's. */
export const ON_CALL_CHART_MONTHS = 6;

const monthLabel = (month: string) =>
  DateTime.fromFormat(month, "yyyy-LL", { locale: "en-GB" }).toFormat("LLL yyyy");

/** One per-person-per-month chart: stacked bars coloured by person, and the table of its numbers. */
function perPersonChart(params: {
  readonly key: OnCallChartKey;
  readonly title: string;
  readonly what: string;
  readonly unit: string;
  readonly months: readonly string[];
  readonly series: OnCallSeries["pages"];
  readonly format: (value: number) => string;
}) {
  const { months, series } = params;
  const first = months[0] ?? "";
  const last = months[months.length - 1] ?? "";
  return {
    key: params.key,
    title: params.title,
    summary:
      series.length === 0
        ? `${params.what}, ${first} to ${last}: none.`
        : `${params.what}, per person and month, ${first} to ${last}.`,
    columns: ["Month", ...series.map((s) => s.name)],
    rows: months.map((label, i) => ({
      label,
      cells: series.map((s) => params.format(s.values[i] ?? 0)),
    })),
    spec: withNumbers({
      spec: ON_CALL_CHART_VEGA[params.key],
      values: series.flatMap((s) =>
        s.values.map((value, i) => ({ month: months[i], person: s.name, [params.unit]: value ?? 0 })),
      ),
      categories: months,
    }),
  };
}

/** The rota page's two charts, compiled with the Service page's at build time and drawn by the same renderer. */
export async function onCallCharts(series: OnCallSeries): Promise<ServiceChart[]> {
  const months = series.months.map(monthLabel);
  const charts = [
    perPersonChart({
      key: "toil",
      title: "TOIL earned per person per month",
      what: "Days of time off in lieu earned for out-of-hours alerts",
      unit: "days",
      months,
      series: series.toilDays,
      format: (days) => String(days),
    }),
    perPersonChart({
      key: "pages",
      title: "Pages per person per month",
      what: "Pages that called each person (first pages, escalation steps and /escalate)",
      unit: "pages",
      months,
      series: series.pages,
      format: (pages) => String(pages),
    }),
  ];
  return Promise.all(charts.map(async ({ spec, ...chart }) => ({ ...chart, svg: await renderSvg(spec) })));
}

/** The rota page's charts from a period's TOIL ledger and pages (as `toilFromGitHub` reads them). */
export async function onCallChartsData(params: {
  readonly toil: ToilReport;
  readonly pages: readonly PageRecord[];
  readonly now: number;
  readonly zone: string;
}): Promise<OnCallChartsData> {
  return { charts: await onCallCharts(onCallSeries({ ...params, months: ON_CALL_CHART_MONTHS })) };
}
