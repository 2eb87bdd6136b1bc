import { notifyTicketNotices } from "./notify-tickets.js";
import { planPagingCommands } from "../core/paging/paging-commands.js";
import type { TicketComment, TicketSnapshot } from "../core/ticket/snapshot.js";
import { applyTicketActions } from "../github/apply-actions.js";
import type { FirstlineService } from "./service.js";
import { tellPagers } from "./tell-pagers.js";
import type { TicketScope } from "./ticket-scope.js";

interface Logger {
  warn: (obj: object, msg?: string) => void;
}

/** Carries out `/ack` and `/escalate` in a staff comment; returns how many comments it wrote. */
export async function handlePagingCommands(params: {
  readonly scope: TicketScope;
  readonly service: FirstlineService;
  readonly snapshot: TicketSnapshot;
  readonly comment: TicketComment;
  readonly log: Logger;
}): Promise<number> {
  const { scope, service, snapshot, comment, log } = params;
  if (!/^\s*\/(ack|escalate)\b/m.test(comment.body)) return 0;
  const responders = await service.responders(scope);
  const plan = planPagingCommands({
    comment,
    snapshot,
    policy: scope.policy,
    config: scope.config,
    responders,
    botLogin: scope.botLogin,
  });
  if (plan.actions.length === 0) return 0;
  await applyTicketActions({
    gh: scope.gh,
    repo: scope.repo,
    number: snapshot.number,
    actions: plan.actions,
  });
  await notifyTicketNotices({
    service,
    gh: scope.gh,
    repo: scope.repo,
    number: snapshot.number,
    actions: plan.actions,
    config: scope.config,
    log,
  });
  for (const event of plan.events) {
    if (event.action === "acknowledge") await service.pendingPages.delete(`${scope.repo}#${snapshot.number}`);
    await tellPagers({ service, config: scope.config, gh: scope.gh, event, log });
  }
  return plan.actions.length;
}
