import { html } from "../html.js";
import { renderPage } from "../layout.js";
import { hrefFrom, peopleByLogin, SITE_PATHS, type SiteInput } from "../site-input.js";
import { peopleLinks, personLink } from "./common.js";
import { dutyFacts, dutyOf, rotaWeeks, weekTitle } from "./duty.js";
import { formatDate } from "../html.js";
import { HANDOVER_TEXT } from "../../core/rota/week.js";
import { chartFigure } from "./chart-figure.js";

/** The escalation steps from the configuration, in words. */
function escalationItems(input: SiteInput, from: string, secondLine: readonly string[]) {
  const people = peopleByLogin(input.rota);
  return input.escalation.map((step) => {
    const who =
      step.notify === "second-line"
        ? html`this week's second line (${peopleLinks({ from, logins: secondLine, people })})`
        : peopleLinks({ from, logins: step.notify, people });
    return html`<li>After ${step.afterMinutes} minute${step.afterMinutes === 1 ? "" : "s"} without acknowledgement: ${who}.</li>\n`;
  });
}

/** The rota page: this week's pair and on call, escalation, the coming weeks, people and calendars. */
export function rotaPage(input: SiteInput): string {
  const from = SITE_PATHS.rota;
  const people = peopleByLogin(input.rota);
  const { current, coming } = rotaWeeks(input);
  const duty = dutyOf(input, current);
  const who = (logins: readonly string[]) => peopleLinks({ from, logins, people });
  const rows = coming.map((week) => {
    const d = dutyOf(input, week);
    return html`<tr><th scope="row"><time datetime="${week}">${formatDate(week)}</time></th><td>${who(d.developer)}</td><td>${who(d.operations)}</td><td>${d.shadow.length > 0 ? who(d.shadow) : ""}</td><td>${who(d.primary)}</td><td>${who(d.secondLine)}</td></tr>\n`;
  });
  const peopleRows = [...input.rota.people]
    .sort((a, b) => a.name.localeCompare(b.name, "en"))
    .map(
      (person) =>
        html`<tr><th scope="row">${personLink({ from, login: person.login, people })}</th><td>${person.role}</td><td>${person.vetted ? "yes" : "shadowing"}</td><td>${person.onCall ? "yes" : "no"}</td><td>${person.secondLine ? "yes" : "no"}</td><td><a href="${hrefFrom(from, SITE_PATHS.personCalendar(person.login))}">calendar<span class="visually-hidden"> for ${person.name}</span></a></td></tr>\n`,
    );
  const escalation = escalationItems(input, from, duty.secondLine);
  const main = html`<h1>Rota</h1>
<p class="lede">As of <time datetime="${input.today}">${formatDate(input.today)}</time>. Weeks run from ${HANDOVER_TEXT} to the next ${HANDOVER_TEXT} (${input.zone}).</p>
<section aria-labelledby="this-week">
<h2 id="this-week">This week: ${weekTitle(current).replace(/^Week of /, "week of ")}</h2>
${dutyFacts({ input, from, duty })}
</section>
${
  escalation.length > 0
    ? html`<section aria-labelledby="escalation">
<h2 id="escalation">Escalation of unacknowledged pages</h2>
<ol>
${escalation}</ol>
</section>
`
    : ""
}<section aria-labelledby="coming-weeks">
<h2 id="coming-weeks">Coming weeks</h2>
${
  rows.length > 0
    ? html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="coming-weeks">
<table class="wide">
<thead><tr><th scope="col">Week of</th><th scope="col">Developer</th><th scope="col">Operations</th><th scope="col">Shadowing</th><th scope="col">On call</th><th scope="col">Second line</th></tr></thead>
<tbody>
${rows}</tbody>
</table>
</div>`
    : html`<p>The rota has no weeks after this one yet.</p>`
}
</section>
${
  input.onCall
    ? html`<section aria-labelledby="on-call-months">
<h2 id="on-call-months">On call, month by month</h2>
<p>TOIL earned for out-of-hours alerts and the pages that called each person, from the alert log, as of <time datetime="${input.today}">${formatDate(input.today)}</time>. Each chart's numbers are in the table beneath it.</p>
${input.onCall.charts.map((chart) => chartFigure({ from, chart, svg: SITE_PATHS.rotaChart(chart.key), level: 3 }))}</section>
`
    : ""
}<section aria-labelledby="calendars">
<h2 id="calendars">Calendars</h2>
<p>Subscribe to <a href="${hrefFrom(from, SITE_PATHS.rotaCalendar)}" type="text/calendar">the whole rota (iCalendar)</a>, or to one person's slots below.</p>
<div class="table-wrap" tabindex="0" role="region" aria-labelledby="calendars">
<table class="wide">
<thead><tr><th scope="col">Person</th><th scope="col">Role</th><th scope="col">Vetted</th><th scope="col">On call</th><th scope="col">Second line</th><th scope="col">Calendar</th></tr></thead>
<tbody>
${peopleRows}</tbody>
</table>
</div>
</section>`;
  return renderPage({ frame: input, path: from, title: "Rota", section: "rota", main });
}
