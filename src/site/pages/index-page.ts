import { markdownText } from "../markdown.js";
import { embeddedJson, html, raw } from "../html.js";
import { renderPage } from "../layout.js";
import { SEARCH_SCRIPT } from "../search-script.js";
import { hrefFrom, SITE_PATHS, type SiteInput } from "../site-input.js";
import { alertList, severityBadge } from "./common.js";
import { dutyFacts, dutyOf, rotaWeeks, weekTitle } from "./duty.js";

const SUMMARY_LENGTH = 180;

/** The first sentences of a runbook, for the list. */
function summaryOf(text: string): string {
  return text.length <= SUMMARY_LENGTH
    ? text
    : `${text.slice(0, SUMMARY_LENGTH - 1).replace(/\s+\S*$/, "")}…`;
}

/** The runbook's introduction: its text before the first heading. */
function introOf(body: string): string {
  const beforeHeading = body.split(/^#{1,6}\s/m)[0] ?? "";
  return markdownText(beforeHeading);
}

/** The search index embedded in the index page: what a search looks through. */
export function searchEntries(input: SiteInput) {
  return input.runbooks.map((runbook) => ({
    slug: runbook.slug,
    title: runbook.frontMatter.title,
    alerts: runbook.frontMatter.alerts,
    services: runbook.frontMatter.services,
    severity: runbook.frontMatter.severity,
    text: markdownText(runbook.body),
  }));
}

/** The home page: every runbook with a search box, this week's duty and the alert map. */
export function indexPage(input: SiteInput): string {
  const from = SITE_PATHS.index;
  const { current } = rotaWeeks(input);
  const runbooks = [...input.runbooks].sort((a, b) =>
    a.frontMatter.title.localeCompare(b.frontMatter.title, "en"),
  );
  const items = runbooks.map((runbook) => {
    const { title, alerts, services, severity } = runbook.frontMatter;
    const intro = summaryOf(introOf(runbook.body));
    return html`<li data-slug="${runbook.slug}">
<h2><a href="${hrefFrom(from, SITE_PATHS.runbook(runbook.slug))}">${title}</a></h2>
<p>${severityBadge(severity)}${alerts.length > 0 ? html` Alerts: ${alertList(alerts)}` : ""}</p>
${intro === "" ? "" : html`<p>${intro}</p>\n`}${services.length > 0 ? html`<p class="muted">Services: ${services.join(", ")}</p>\n` : ""}</li>
`;
  });
  const alertRows = runbooks
    .flatMap((runbook) => runbook.frontMatter.alerts.map((alert) => ({ alert, runbook })))
    .sort((a, b) => (a.alert < b.alert ? -1 : a.alert > b.alert ? 1 : 0))
    .map(
      ({ alert, runbook }) =>
        html`<tr><td><code>${alert}</code></td><td><a href="${hrefFrom(from, SITE_PATHS.runbook(runbook.slug))}">${runbook.frontMatter.title}</a></td></tr>\n`,
    );
  const main = html`<h1>Runbooks</h1>
<p class="lede">What to do when an alert fires or a client reports a problem: symptoms, diagnosis, resolution and who to escalate to.</p>
<form class="search" role="search" action="${SITE_PATHS.index}" method="get">
<label for="search">Search runbooks</label>
<input id="search" name="q" type="search" autocomplete="off" spellcheck="false" aria-describedby="search-hint search-status">
<p id="search-hint" class="muted">Searches titles, alert names, services and the text of every runbook.</p>
<p id="search-status" role="status">${runbooks.length} ${runbooks.length === 1 ? "runbook" : "runbooks"}.</p>
</form>
<ul id="runbook-list" class="runbook-list">
${items}</ul>
<section aria-labelledby="duty-heading">
<h2 id="duty-heading">On duty this week</h2>
<div class="duty">
<p>${weekTitle(current)}, as of ${input.today}. <a href="${hrefFrom(from, SITE_PATHS.rota)}">The whole rota</a>.</p>
${dutyFacts({ input, from, duty: dutyOf(input, current) })}
</div>
</section>
<section aria-labelledby="alerts-heading">
<h2 id="alerts-heading">Alerts and their runbooks</h2>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="alerts-heading">
<table>
<thead><tr><th scope="col">Alert</th><th scope="col">Runbook</th></tr></thead>
<tbody>
${alertRows}</tbody>
</table>
</div>
<p>The same map as JSON: <a href="${hrefFrom(from, SITE_PATHS.alerts)}">alerts.json</a>.</p>
</section>
<script type="application/json" id="search-index">${raw(embeddedJson(searchEntries(input)))}</script>`;
  return renderPage({
    frame: input,
    path: from,
    title: "Runbooks",
    section: "runbooks",
    main,
    script: SEARCH_SCRIPT,
  });
}
