import type { FirstlineConfig } from "../core/config/firstline-config.js";
import type { RunbookFile } from "../core/runbooks/runbook-file.js";
import type { Rota } from "../core/rota/types.js";
import { buildSite, type SiteFiles } from "./build-site.js";
import type { OnCallChartsData } from "./charts/on-call-charts.js";
import type { ServicePageData } from "./charts/service-charts.js";

/** The site of a configuration: its name, zone, escalation steps and edit links come from the config. */
export function buildSiteFromConfig(params: {
  readonly config: FirstlineConfig;
  readonly rota: Rota;
  readonly runbooks: readonly RunbookFile[];
  readonly today: string;
  readonly service?: ServicePageData | undefined;
  readonly onCall?: OnCallChartsData | undefined;
}): SiteFiles {
  const { config } = params;
  return buildSite({
    name: config.supportRepo === null ? "Firstline" : `Firstline · ${config.supportRepo}`,
    today: params.today,
    runbooks: params.runbooks,
    rota: params.rota,
    zone: config.timezone,
    escalation: config.alerts.escalation,
    editBase: config.supportRepo === null ? undefined : `https://github.com/${config.supportRepo}/blob/HEAD/`,
    service: params.service,
    onCall: params.onCall,
  });
}
