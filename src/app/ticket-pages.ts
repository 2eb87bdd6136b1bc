import { planTicketPage } from "../core/paging/ticket-page.js";
import type { Responders } from "../core/ticket/responders.js";
import type { TicketSnapshot } from "../core/ticket/snapshot.js";
import { applyTicketActions } from "../github/apply-actions.js";
import { tellPagers } from "./tell-pagers.js";
import { notifyTicketNotices } from "./notify-tickets.js";
import type { FirstlineService } from "./service.js";
import type { TicketScope } from "./ticket-scope.js";

interface Logger {
  warn: (obj: object, msg?: string) => void;
  info: (obj: object, msg?: string) => void;
}

/**
 * Pages the on-call person for an emergency ticket when the core says it is due (a P1 of a
 * covered client out of hours, once per time it became P1): the mention on the ticket first, so
 * the record stands whatever the pager does, then the pagers; the ticket joins the escalation watch.
 */
export async function pageTicketIfDue(params: {
  readonly scope: TicketScope;
  readonly service: FirstlineService;
  readonly snapshot: TicketSnapshot;
  readonly log: Logger;
  /** Who is on now, when the caller already read the rota (a sweep reads it once for every ticket). */
  readonly responders?: Responders | null;
}): Promise<boolean> {
  const { scope, service, snapshot, log } = params;
  if (!snapshot.labels.includes("priority: P1") || snapshot.state !== "open") return false;
  const responders = params.responders === undefined ? await service.responders(scope) : params.responders;
  if (!responders) return false;
  const plan = planTicketPage({
    snapshot,
    policy: scope.policy,
    config: scope.config,
    responders,
    botLogin: scope.botLogin,
    now: scope.now,
  });
  if (!plan) return false;
  await applyTicketActions({
    gh: scope.gh,
    repo: scope.repo,
    number: snapshot.number,
    actions: [plan.action],
  });
  await notifyTicketNotices({
    service,
    gh: scope.gh,
    repo: scope.repo,
    number: snapshot.number,
    actions: [plan.action],
    config: scope.config,
    log,
  });
  if (!plan.event) return true;
  const homeRepo = service.supportRepo;
  await service.watchPage(
    `${scope.repo}#${snapshot.number}`,
    { repo: scope.repo, number: snapshot.number, homeRepo },
    { pagedAt: scope.now, steps: scope.config.alerts.escalation },
  );
  await tellPagers({ service, config: scope.config, gh: scope.gh, event: plan.event, log });
  log.info(
    { repo: scope.repo, issue: snapshot.number, paged: plan.event.logins },
    "paged for an emergency ticket",
  );
  return true;
}
