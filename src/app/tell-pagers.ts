import type { FirstlineConfig } from "../config/firstline-config.js";
import type { PageEvent } from "../core/paging/page-event.js";
import { postPage } from "../github/alert-intake.js";
import type { GitHubTransport } from "../github/transport.js";
import type { FirstlineService } from "./service.js";

interface Logger {
  warn: (obj: object, msg?: string) => void;
}

/**
 * Tells the configured pagers about a page event. A pager that fails never undoes the mention
 * on the issue, which already stands.
 */
export async function tellPagers(params: { readonly service: FirstlineService; readonly config: FirstlineConfig; readonly gh: GitHubTransport; readonly event: PageEvent; readonly log: Logger }): Promise<void> {
  const { config, event, log } = params;
  if (!config.alerts.pagerUrl || (event.action !== "trigger" && event.action !== "escalate")) return;
  try {
    await postPage({ page: { logins: event.logins, at: event.at, pagerUrl: config.alerts.pagerUrl, message: event.summary }, issueUrl: event.url });
  } catch (error) {
    log.warn({ error: (error as Error).message, issueUrl: event.url }, "the pager webhook failed; the mention on the issue stands");
  }
}
