import type { Person } from "../../core/rota/types.js";
import { html, type Html } from "../html.js";
import { hrefFrom, SITE_PATHS } from "../site-input.js";

/** A person's name linking to their rota page, or the bare login when they are not in people.yml. */
export function personLink(params: {
  readonly from: string;
  readonly login: string;
  readonly people: ReadonlyMap<string, Person>;
}): Html {
  const person = params.people.get(params.login);
  if (!person) return html`<code>${params.login}</code>`;
  return html`<a href="${hrefFrom(params.from, SITE_PATHS.person(person.login))}">${person.name}</a>`;
}

/** Several people, joined with commas; `nobody` when empty. */
export function peopleLinks(params: {
  readonly from: string;
  readonly logins: readonly string[];
  readonly people: ReadonlyMap<string, Person>;
}): Html {
  if (params.logins.length === 0) return html`<span class="muted">nobody</span>`;
  const links = params.logins.map(
    (login, index) => html`${index > 0 ? ", " : ""}${personLink({ ...params, login })}`,
  );
  return html`${links}`;
}

/** A severity as a labelled badge (the word itself carries the meaning, not only the colour). */
export function severityBadge(severity: string): Html {
  return html`<span class="badge badge-${severity}">${severity}</span>`;
}

/** Alert names as code, comma separated. */
export function alertList(alerts: readonly string[]): Html {
  return html`${alerts.map((alert, index) => html`${index > 0 ? ", " : ""}<code>${alert}</code>`)}`;
}
