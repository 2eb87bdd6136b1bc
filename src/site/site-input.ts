import type { FirstlineConfig } from "../core/config/firstline-config.js";
import type { RunbookFile } from "../core/runbooks/runbook-file.js";
import type { Person, Rota } from "../core/rota/types.js";
import type { OnCallChartsData } from "./charts/on-call-charts.js";
import type { ServicePageData } from "./charts/service-charts.js";

/** What every page shares: the site's name and the rota's "as of" date. */
export interface SiteFrame {
  /** Whether the site has a Service page (the navigation links it). */
  readonly service?: unknown;
  /** The site's name, in the header and every title. */
  readonly name: string;
  /** The date the site was built for (`--today`), the rota's "as of" date. */
  readonly today: string;
}

/** Everything the site is built from: already read and validated by the shell. */
export interface SiteInput extends SiteFrame {
  readonly runbooks: readonly RunbookFile[];
  readonly rota: Rota;
  /** The IANA zone weeks hand over in (the configuration's `timezone`). */
  readonly zone: string;
  /** The escalation steps of unacknowledged pages, from the configuration. */
  readonly escalation: FirstlineConfig["alerts"]["escalation"];
  /**
   * Where a runbook's source can be edited, such as `https://github.com/org/support/blob/HEAD/`;
   * the runbook's file path is appended. Undefined: no edit link.
   */
  readonly editBase?: string | undefined;
  /** The Service page's charts; no Service page without. */
  readonly service?: ServicePageData | undefined;
  /** TOIL and pages per person per month, charted on the rota page; none without. */
  readonly onCall?: OnCallChartsData | undefined;
}

/** Paths of the site's files, relative to its root. */
export const SITE_PATHS = {
  index: "index.html",
  rota: "rota/index.html",
  rotaCalendar: "rota/rota.ics",
  rotaChart: (key: string) => `rota/${key}.svg`,
  alerts: "alerts.json",
  service: "service/index.html",
  serviceChart: (key: string) => `service/${key}.svg`,
  runbook: (slug: string) => `runbooks/${slug}.html`,
  person: (login: string) => `rota/people/${login}.html`,
  personCalendar: (login: string) => `rota/people/${login}.ics`,
} as const;

/** A link from the page at `from` to the site file `to`, relative so the site works from any folder. */
export function hrefFrom(from: string, to: string): string {
  const fromDirs = from.split("/").slice(0, -1);
  const toParts = to.split("/");
  let shared = 0;
  while (shared < fromDirs.length && shared < toParts.length - 1 && fromDirs[shared] === toParts[shared])
    shared += 1;
  return "../".repeat(fromDirs.length - shared) + toParts.slice(shared).map(encodeURIComponent).join("/");
}

/** People by login. */
export function peopleByLogin(rota: Pick<Rota, "people">): ReadonlyMap<string, Person> {
  return new Map(rota.people.map((person) => [person.login, person]));
}
