import type { FirstlineConfig } from "../core/config/firstline-config.js";
import type { PageEvent } from "../core/paging/page-event.js";
import { pagerFailureComment } from "../core/paging/pager-failure.js";
import { pagersOf } from "../core/paging/pagers-of.js";
import { applyTicketActions } from "../github/apply-actions.js";
import type { GitHubTransport } from "../github/transport.js";
import { deliverPageEvent, type PagerDelivery } from "../pagers/deliver-page-event.js";
import type { FirstlineService } from "./service.js";

interface Logger {
  warn: (obj: object, msg?: string) => void;
}

/**
 * Tells the configured pagers about a page event. A pager that refuses or cannot be reached never
 * undoes the mention on the issue, which already stands; it is reported on the issue.
 */
export async function tellPagers(params: {
  readonly service: FirstlineService;
  readonly config: FirstlineConfig;
  readonly gh: GitHubTransport;
  readonly event: PageEvent;
  readonly log: Logger;
}): Promise<PagerDelivery[]> {
  const { service, config, gh, event, log } = params;
  const pagers = pagersOf(config.alerts);
  if (pagers.length === 0) return [];
  const results = await deliverPageEvent({
    pagers,
    event,
    env: service.env,
    transport: service.pagerTransport,
  });
  const failure = pagerFailureComment({ event, results });
  if (failure) {
    log.warn({ issue: event.url, failed: results.filter((r) => !r.ok) }, "a pager did not take the event");
    await applyTicketActions({ gh, repo: event.repo, number: event.number, actions: [failure] });
  }
  return results;
}
