import { DateTime } from "luxon";
import type { RunbookFile } from "../../core/runbooks/runbook-file.js";
import { REVIEW_MONTHS } from "../../core/runbooks/rule-ids.js";
import { formatDate, html, raw } from "../html.js";
import { renderPage } from "../layout.js";
import { renderRunbookMarkdown } from "../markdown.js";
import { hrefFrom, peopleByLogin, SITE_PATHS, type SiteInput } from "../site-input.js";
import { alertList, personLink, severityBadge } from "./common.js";

/** Whether a review date is over the review period before `today`. */
function reviewOverdue(lastReviewed: string, today: string): boolean {
  return (
    (DateTime.fromISO(lastReviewed, { zone: "utc" }).plus({ months: REVIEW_MONTHS }).toISODate() ?? "") <
    today
  );
}

/** One runbook's page: its facts, an "on this page" list, and the body rendered safely. */
export function runbookPage(input: SiteInput, runbook: RunbookFile): string {
  const from = SITE_PATHS.runbook(runbook.slug);
  const slugs = new Set(input.runbooks.map((other) => other.slug));
  const { html: body, headings } = renderRunbookMarkdown({
    markdown: runbook.body,
    runbookHref: (slug, fragment) => {
      if (!slugs.has(slug)) return undefined;
      const page = hrefFrom(from, SITE_PATHS.runbook(slug));
      return fragment === undefined || fragment === "" ? page : `${page}#${encodeURIComponent(fragment)}`;
    },
  });
  const { title, alerts, services, severity, owner, lastReviewed } = runbook.frontMatter;
  const people = peopleByLogin(input.rota);
  const sections = headings.filter((heading) => heading.level === 2);
  const overdue = reviewOverdue(lastReviewed, input.today);
  const editable =
    input.editBase !== undefined &&
    !runbook.file.startsWith("/") &&
    !runbook.file.split(/[\\/]/).includes("..");
  const main = html`<article>
<h1>${title}</h1>
<dl class="facts">
<dt>Severity</dt><dd>${severityBadge(severity)}</dd>
${alerts.length > 0 ? html`<dt>Alerts</dt><dd>${alertList(alerts)}</dd>\n` : ""}${services.length > 0 ? html`<dt>Services</dt><dd>${services.join(", ")}</dd>\n` : ""}<dt>Owner</dt><dd>${personLink({ from, login: owner, people })}</dd>
<dt>Last reviewed</dt><dd><time datetime="${lastReviewed}">${formatDate(lastReviewed)}</time>${overdue ? html` <span class="badge badge-overdue">review overdue</span>` : ""}</dd>
</dl>
${
  sections.length > 0
    ? html`<nav class="toc" aria-label="On this page">
<h2>On this page</h2>
<ul>
${sections.map((heading) => html`<li><a href="#${encodeURIComponent(heading.id)}">${heading.text}</a></li>\n`)}</ul>
</nav>
`
    : ""
}<div class="runbook-body">
${raw(body)}</div>
</article>
<p class="muted"><a href="${hrefFrom(from, SITE_PATHS.index)}">All runbooks</a>${
    editable
      ? html` · <a href="${`${input.editBase ?? ""}${runbook.file.split(/[\\/]/).map(encodeURIComponent).join("/")}`}">Edit this runbook</a>`
      : ""
  }</p>`;
  return renderPage({ frame: input, path: from, title, section: "runbooks", main });
}
