import type { ServicePageData } from "../charts/service-charts.js";
import { formatDate, html } from "../html.js";
import { chartFigure } from "./chart-figure.js";
import { renderPage } from "../layout.js";
import { SITE_PATHS, type SiteInput } from "../site-input.js";

/** The Service page: how the service is doing, as charts drawn at build time, each with its table. */
export function servicePage(input: SiteInput, data: ServicePageData): string {
  const from = SITE_PATHS.service;
  const main = html`<h1>Service</h1>
<p class="lede">How first line support is doing, as of <time datetime="${input.today}">${formatDate(input.today)}</time>: targets met, breaches and tickets opened. Each chart's numbers are in the table beneath it.</p>
${data.charts.map((chart) => chartFigure({ from, chart, svg: SITE_PATHS.serviceChart(chart.key) }))}`;
  return renderPage({ frame: input, path: from, title: "Service", section: "service", main });
}
