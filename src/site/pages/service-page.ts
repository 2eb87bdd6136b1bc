import type { ServiceChart, ServicePageData } from "../charts/service-charts.js";
import { formatDate, html } from "../html.js";
import { renderPage } from "../layout.js";
import { hrefFrom, SITE_PATHS, type SiteInput } from "../site-input.js";

function figure(from: string, chart: ServiceChart) {
  const id = `chart-${chart.key}`;
  const head = chart.columns.map((c, i) =>
    i === 0 ? html`<th scope="col">${c}</th>` : html`<th scope="col" class="align-right">${c}</th>`,
  );
  const body = chart.rows.map(
    (r) =>
      html`<tr><th scope="row">${r.label}</th>${r.cells.map((c) => html`<td class="align-right">${c}</td>`)}</tr>\n`,
  );
  return html`<section aria-labelledby="${id}">
<h2 id="${id}">${chart.title}</h2>
<figure>
<img src="${hrefFrom(from, SITE_PATHS.serviceChart(chart.key))}" alt="${chart.summary} The table below gives the numbers." width="640" height="300">
<figcaption>${chart.summary}</figcaption>
</figure>
<div class="table-wrap">
<table>
<caption>${chart.title}: the numbers</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}</tbody>
</table>
</div>
</section>
`;
}

/** The Service page: how the service is doing, as charts drawn at build time, each with its table. */
export function servicePage(input: SiteInput, data: ServicePageData): string {
  const from = SITE_PATHS.service;
  const main = html`<h1>Service</h1>
<p class="lede">How first line support is doing, as of <time datetime="${input.today}">${formatDate(input.today)}</time>: targets met, breaches and tickets opened. Each chart's numbers are in the table beneath it.</p>
${data.charts.map((chart) => figure(from, chart))}`;
  return renderPage({ frame: input, path: from, title: "Service", section: "service", main });
}
