import { ON_CALL_SLOTS, slotHolders, SUPPORT_SLOTS, type Person, type Slot } from "../../core/rota/types.js";
import { formatDate, html } from "../html.js";
import { renderPage } from "../layout.js";
import { hrefFrom, peopleByLogin, SITE_PATHS, type SiteInput } from "../site-input.js";
import { personLink } from "./common.js";
import { rotaWeeks } from "./duty.js";

const SLOT_NAMES: Record<Slot, string> = {
  developer: "First line support (developer)",
  operations: "First line support (operations)",
  shadow: "Shadowing first line support",
  primary: "On call (primary)",
  secondLine: "On call (second line)",
};

/** A person's slots from this week on, in week order. */
export function slotsOf(input: SiteInput, login: string): { week: string; slot: Slot }[] {
  const { current, coming } = rotaWeeks(input);
  return [current, ...coming].flatMap((week) =>
    [...SUPPORT_SLOTS, ...ON_CALL_SLOTS]
      .filter((slot) => slotHolders({ rota: input.rota, week, slot }).includes(login))
      .map((slot) => ({ week, slot })),
  );
}

/** One person's page: who they are on the rota, their coming slots, time away, runbooks and calendar. */
export function personPage(input: SiteInput, person: Person): string {
  const from = SITE_PATHS.person(person.login);
  const people = peopleByLogin(input.rota);
  const slots = slotsOf(input, person.login);
  const away = person.away.filter((range) => range.to >= input.today);
  const owned = input.runbooks.filter((runbook) => runbook.frontMatter.owner === person.login);
  const main = html`<h1>${person.name}</h1>
<dl class="facts">
<dt>GitHub login</dt><dd><code>${person.login}</code></dd>
<dt>Role</dt><dd>${person.role}${person.vetted ? "" : " (shadowing until vetted)"}</dd>
<dt>On call</dt><dd>${person.onCall ? "opted in" : "not on the on-call rota"}${person.secondLine ? ", second line" : ""}</dd>
<dt>Delivery lead</dt><dd>${personLink({ from, login: person.deliveryLead, people })}</dd>
</dl>
<p><a href="${hrefFrom(from, SITE_PATHS.personCalendar(person.login))}" type="text/calendar">${person.name}'s rota calendar (iCalendar)</a></p>
<section aria-labelledby="slots">
<h2 id="slots">Coming slots</h2>
${
  slots.length > 0
    ? html`<ul>
${slots.map(({ week, slot }) => html`<li>Week of <time datetime="${week}">${formatDate(week)}</time>: ${SLOT_NAMES[slot]}</li>\n`)}</ul>`
    : html`<p>No slots in the rota from this week on.</p>`
}
</section>
${
  away.length > 0
    ? html`<section aria-labelledby="away">
<h2 id="away">Away</h2>
<ul>
${away.map((range) => html`<li>${formatDate(range.from)} to ${formatDate(range.to)}</li>\n`)}</ul>
</section>
`
    : ""
}${
    owned.length > 0
      ? html`<section aria-labelledby="owned">
<h2 id="owned">Runbooks they keep current</h2>
<ul>
${owned.map((runbook) => html`<li><a href="${hrefFrom(from, SITE_PATHS.runbook(runbook.slug))}">${runbook.frontMatter.title}</a></li>\n`)}</ul>
</section>
`
      : ""
  }<p class="muted"><a href="${hrefFrom(from, SITE_PATHS.rota)}">The whole rota</a></p>`;
  return renderPage({ frame: input, path: from, title: person.name, section: "rota", main });
}
