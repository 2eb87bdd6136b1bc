import type { ServiceChart } from "../charts/service-charts.js";
import { html } from "../html.js";
import { hrefFrom } from "../site-input.js";

/**
 * A chart of the site: its heading, the SVG drawn at build time as an image with a text
 * alternative, and the table of its numbers beneath.
 */
export function chartFigure(params: {
  /** The page's path, for the image's relative link. */
  readonly from: string;
  readonly chart: ServiceChart;
  /** The SVG's path in the site. */
  readonly svg: string;
  /** The heading's level: 2 on a page of charts, 3 inside a section. */
  readonly level?: 2 | 3;
}) {
  const { from, chart } = params;
  const id = `chart-${chart.key}`;
  const head = chart.columns.map((c, i) =>
    i === 0 ? html`<th scope="col">${c}</th>` : html`<th scope="col" class="align-right">${c}</th>`,
  );
  const body = chart.rows.map(
    (r) =>
      html`<tr><th scope="row">${r.label}</th>${r.cells.map((c) => html`<td class="align-right">${c}</td>`)}</tr>\n`,
  );
  return html`<section aria-labelledby="${id}">
${params.level === 3 ? html`<h3 id="${id}">${chart.title}</h3>` : html`<h2 id="${id}">${chart.title}</h2>`}
<figure>
<img src="${hrefFrom(from, params.svg)}" alt="${chart.summary} The table below gives the numbers." width="640" height="300">
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
