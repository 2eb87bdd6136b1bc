import { DateTime } from "luxon";
import { rotaCalendar } from "../core/rota/ics.js";
import { indexPage } from "./pages/index-page.js";
import { personPage } from "./pages/person-page.js";
import { rotaPage } from "./pages/rota-page.js";
import { runbookPage } from "./pages/runbook-page.js";
import { servicePage } from "./pages/service-page.js";
import { hrefFrom, SITE_PATHS, type SiteInput } from "./site-input.js";

/** The site: file paths relative to its root, and their contents, sorted by path. */
export type SiteFiles = ReadonlyMap<string, string>;

/**
 * `alerts.json`: each alert name to its runbook's page, relative to the site's root, for alert
 * tickets to link. An alert listed twice (which `runbooks check` reports) goes to the first runbook
 * by file name.
 */
export function alertMap(input: Pick<SiteInput, "runbooks">): Record<string, string> {
  const entries = new Map<string, string>();
  for (const runbook of input.runbooks) {
    for (const alert of runbook.frontMatter.alerts) {
      if (!entries.has(alert))
        entries.set(alert, hrefFrom(SITE_PATHS.alerts, SITE_PATHS.runbook(runbook.slug)));
    }
  }
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Builds the static site from validated inputs, with no disk, clock or network: the same inputs give
 * the same bytes. The only date in it is `today`, the rota's "as of" date (also every calendar
 * event's DTSTAMP). Pages: an index with search, one page per runbook, the rota, one page per person,
 * the whole rota and each person's slots as iCalendar files, and `alerts.json`.
 */
export function buildSite(input: SiteInput): SiteFiles {
  const runbooks = [...input.runbooks].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const site: SiteInput = { ...input, runbooks };
  const stamp = DateTime.fromISO(input.today, { zone: "utc" });
  const files = new Map<string, string>();
  files.set(SITE_PATHS.index, indexPage(site));
  for (const runbook of runbooks) files.set(SITE_PATHS.runbook(runbook.slug), runbookPage(site, runbook));
  files.set(SITE_PATHS.rota, rotaPage(site));
  for (const chart of input.onCall?.charts ?? []) files.set(SITE_PATHS.rotaChart(chart.key), chart.svg);
  files.set(SITE_PATHS.rotaCalendar, rotaCalendar({ rota: input.rota, zone: input.zone, stamp }));
  for (const person of input.rota.people) {
    files.set(SITE_PATHS.person(person.login), personPage(site, person));
    files.set(
      SITE_PATHS.personCalendar(person.login),
      rotaCalendar({ rota: input.rota, zone: input.zone, stamp, login: person.login }),
    );
  }
  files.set(SITE_PATHS.alerts, `${JSON.stringify(alertMap(site), null, 2)}\n`);
  if (input.service) {
    files.set(SITE_PATHS.service, servicePage(site, input.service));
    for (const chart of input.service.charts) files.set(SITE_PATHS.serviceChart(chart.key), chart.svg);
  }
  // GitHub Pages serves the files as they are, without Jekyll.
  files.set(".nojekyll", "");
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
