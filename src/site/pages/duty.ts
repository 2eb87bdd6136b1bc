import { isWednesday, weekOfDate } from "../../core/rota/week.js";
import type { NightOverride } from "../../core/rota/types.js";
import { formatDate, html, type Html } from "../html.js";
import { peopleByLogin, type SiteInput } from "../site-input.js";
import { peopleLinks } from "./common.js";

/** Who holds each slot of a week, as logins (empty when nobody). */
export interface WeekDuty {
  readonly week: string;
  readonly developer: readonly string[];
  readonly operations: readonly string[];
  readonly shadow: readonly string[];
  readonly primary: readonly string[];
  readonly secondLine: readonly string[];
  /** Single-night cover in the week (overrides.yml). */
  readonly cover: readonly NightOverride[];
}

const one = (login: string | undefined) => (login === undefined ? [] : [login]);

/** The slots of one week of the rota. */
export function dutyOf(input: Pick<SiteInput, "rota">, week: string): WeekDuty {
  const support = input.rota.support[week];
  const onCall = input.rota.onCall[week];
  return {
    week,
    developer: one(support?.developer),
    operations: one(support?.operations),
    shadow: support?.shadow ?? [],
    primary: one(onCall?.primary),
    secondLine: onCall?.secondLine ?? [],
    cover: (input.rota.overrides ?? []).filter((o) => weekOfDate(o.date) === week),
  };
}

/** The week `today` falls in (its Wednesday), and every later week either rota file has. */
export function rotaWeeks(input: Pick<SiteInput, "rota" | "today">): {
  readonly current: string;
  readonly coming: readonly string[];
} {
  const current = weekOfDate(input.today);
  const keys = new Set(
    [...Object.keys(input.rota.support), ...Object.keys(input.rota.onCall)].filter(isWednesday),
  );
  return { current, coming: [...keys].filter((week) => week > current).sort() };
}

/** This week's support pair and on call, as a list of facts, linking to each person's page. */
export function dutyFacts(params: {
  readonly input: SiteInput;
  readonly from: string;
  readonly duty: WeekDuty;
}): Html {
  const { input, from, duty } = params;
  const people = peopleByLogin(input.rota);
  const who = (logins: readonly string[]) => peopleLinks({ from, logins, people });
  return html`<dl class="facts">
<dt>Support developer</dt><dd>${who(duty.developer)}</dd>
<dt>Support operations</dt><dd>${who(duty.operations)}</dd>
${duty.shadow.length > 0 ? html`<dt>Shadowing</dt><dd>${who(duty.shadow)}</dd>\n` : ""}<dt>On call</dt><dd>${who(duty.primary)}</dd>
<dt>Second line</dt><dd>${who(duty.secondLine)}</dd>
${duty.cover.map(
  (
    o,
  ) => html`<dt>Cover, night of ${formatDate(o.date)}</dt><dd>${who([o.by])} for ${who([o.covers])} (${o.slot === "primary" ? "on call" : "second line"}): ${o.reason}</dd>
`,
)}</dl>`;
}

/** `week of Wed 25 Nov 2026`. */
export function weekTitle(week: string): string {
  return `Week of ${formatDate(week)}`;
}
