import { DateTime } from "luxon";
import type { FirstlineConfig } from "../core/config/firstline-config.js";
import { serviceChartsMarkdown } from "../core/charts/mermaid-charts.js";
import { serviceSeries } from "../core/charts/service-series.js";
import type { SlaPolicy } from "../core/sla/policy.js";
import type { TicketSnapshot } from "../core/ticket/snapshot.js";
import { readServiceHistory } from "../github/service-history.js";
import type { GitHubTransport } from "../github/transport.js";
import type { FirstlineService } from "./service.js";

/** The dashboard's chart sections, made once a local day per service. */
const made = new WeakMap<FirstlineService, { day: string; sections: readonly string[] }>();

/** How far back the dashboard's charts look. */
export const DASHBOARD_MONTHS = 6;
export const DASHBOARD_WEEKS = 8;

/**
 * The dashboard's trends: the history is read with the sweep's search on the first sweep of the
 * local day and the charts drawn from it; every other sweep that day reuses them, so they cost
 * no request and leave the dashboard unchanged.
 */
export async function dailyServiceCharts(params: {
  readonly service: FirstlineService;
  readonly config: FirstlineConfig;
  readonly policy: SlaPolicy;
  readonly botLogin: string;
  readonly searches: readonly { readonly gh: GitHubTransport; readonly repos: readonly string[] }[];
  readonly log: { warn: (obj: object, msg?: string) => void };
}): Promise<readonly string[]> {
  const { service, config } = params;
  const now = service.now();
  const today = DateTime.fromMillis(now, { zone: config.timezone }).toISODate() ?? "";
  const known = made.get(service);
  if (known?.day === today) return known.sections;
  const tickets: TicketSnapshot[] = [];
  try {
    for (const search of params.searches) {
      if (search.repos.length === 0) continue;
      tickets.push(
        ...(
          await readServiceHistory({
            gh: search.gh,
            repos: search.repos,
            now,
            zone: config.timezone,
            months: DASHBOARD_MONTHS,
            botLogin: await service.botLogin(),
          })
        ).tickets,
      );
    }
  } catch (error) {
    params.log.warn(
      { error: (error as Error).message },
      "the history behind the dashboard's charts could not be read; the next sweep tries again",
    );
    return known?.sections ?? [];
  }
  const series = serviceSeries({
    tickets,
    policy: params.policy,
    now,
    zone: config.timezone,
    botLogin: params.botLogin,
    months: DASHBOARD_MONTHS,
    weeks: DASHBOARD_WEEKS,
  });
  const sections = ["### Trends", "", ...serviceChartsMarkdown(series), ""];
  made.set(service, { day: today, sections });
  return sections;
}
