import { classifyTicket, type TriageDecision } from "../core/triage/classify.js";
import { planNewTicket } from "../core/ticket/plan-new-ticket.js";
import { applyTicketActions } from "../github/apply-actions.js";
import { fetchTicket } from "../github/ticket-query.js";
import type { FirstlineService } from "./service.js";
import { readyLabels, type TicketScope } from "./ticket-scope.js";
import { pageTicketIfDue } from "./ticket-pages.js";
import { notifyTicketNotices } from "./notify-tickets.js";
import { keepsOnProject, keepTicketOnProject } from "./project-ticket.js";

interface Logger {
  info: (obj: object, msg?: string) => void;
  warn: (obj: object, msg?: string) => void;
  error: (obj: object, msg?: string) => void;
}

/**
 * A new ticket, however it arrived (an issue opened on GitHub, an email): triage it, label it and
 * post its card (two writes); an emergency out of hours pages at once, and with a Project
 * configured the ticket is added to it with its fields. Null when the issue is not a ticket.
 */
export async function triageNewTicket(params: {
  readonly scope: TicketScope;
  readonly service: FirstlineService;
  readonly issue: {
    readonly number: number;
    readonly title: string;
    readonly body: string | null;
    readonly author: string;
    readonly createdAt: number;
    readonly labels: readonly string[];
  };
  readonly log: Logger;
}): Promise<TriageDecision | null> {
  const { scope, service, issue, log } = params;
  const decision = classifyTicket({
    config: scope.config,
    issue: { repo: scope.repo, title: issue.title, body: issue.body, isPullRequest: false },
  });
  if (!decision.ticket) return null;
  const actions = planNewTicket({
    decision,
    policy: scope.policy,
    issue: {
      repo: scope.repo,
      number: issue.number,
      author: issue.author,
      createdAt: issue.createdAt,
      labels: issue.labels,
    },
    now: scope.now,
  });
  // Only the labels this ticket gets are created, the first time a repository needs each.
  await readyLabels({
    scope,
    service,
    labels: actions.flatMap((a) => (a.kind === "add-labels" ? a.labels : [])),
    log,
  });
  await applyTicketActions({ gh: scope.gh, repo: scope.repo, number: issue.number, actions });
  await service.rememberOpened(`${scope.repo}#${issue.number}`);
  await notifyTicketNotices({
    service,
    gh: scope.gh,
    repo: scope.repo,
    number: issue.number,
    actions,
    config: scope.config,
    log,
  });
  // An emergency out of hours pages within this same delivery, not at the next sweep; the
  // ticket goes on the Project in it too (both need it as it now is: one read).
  const onProject = keepsOnProject(scope);
  if (decision.priority === "P1" || onProject) {
    const snapshot = await fetchTicket({
      gh: scope.gh,
      repo: scope.repo,
      number: issue.number,
      botLogin: scope.botLogin,
    });
    if (snapshot && decision.priority === "P1") await pageTicketIfDue({ scope, service, snapshot, log });
    if (snapshot && onProject)
      await keepTicketOnProject({
        scope,
        service,
        snapshot,
        responders: await service.responders(scope),
        log,
      });
  }
  return decision;
}
