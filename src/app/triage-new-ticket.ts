import { classifyTicket, type TriageDecision } from "../core/triage/classify.js";
import { planNewTicket } from "../core/ticket/plan-new-ticket.js";
import { applyTicketActions } from "../github/apply-actions.js";
import type { TicketAction } from "../core/ticket/actions.js";
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
  readonly issue: NewIssue & {
    /** The issue's node id (a webhook's `issue.node_id`): an urgent card may then share a request. */
    readonly nodeId?: string | undefined;
  };
  readonly log: Logger;
}): Promise<TriageDecision | null> {
  const { scope, service, issue, log } = params;
  const planned = planFor({ scope, issue });
  if (!planned) return null;
  const { decision, actions } = planned;
  const card = actions.find((a) => a.kind === "create-comment");
  const installation = scope.installation;
  if (decision.priority === "P1" && installation !== undefined && issue.nodeId && card) {
    // An urgent ticket's card goes first, in one request with the other urgent tickets' cards
    // waiting for the same write slot; its labels follow. (A delivery tried again after the card
    // finds it, and adds the labels if none of them is there: see `labelsAfterCard`.)
    await service.postUrgentCard(installation, {
      gh: scope.gh,
      comment: { repo: scope.repo, number: issue.number, subjectId: issue.nodeId, body: card.body },
    });
    await labelTicket({ scope, service, actions: actions.filter((a) => a !== card), issue, log });
  } else {
    await labelTicket({ scope, service, actions, issue, log });
  }
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
  await afterCard({ scope, service, decision, number: issue.number, log });
  return decision;
}

interface NewIssue {
  readonly number: number;
  readonly title: string;
  readonly body: string | null;
  readonly author: string;
  readonly createdAt: number;
  readonly labels: readonly string[];
}

/** The triage and the planned writes of a new issue; null when it is not a ticket. */
function planFor(params: {
  readonly scope: TicketScope;
  readonly issue: NewIssue;
}): { decision: TriageDecision; actions: TicketAction[] } | null {
  const { scope, issue } = params;
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
  return { decision, actions };
}

/** The ticket's writes in order, after creating the labels it gets that the repository lacks. */
async function labelTicket(params: {
  readonly scope: TicketScope;
  readonly service: FirstlineService;
  readonly actions: readonly TicketAction[];
  readonly issue: NewIssue;
  readonly log: Logger;
}): Promise<void> {
  const { scope, service, actions, log } = params;
  // Only the labels this ticket gets are created, the first time a repository needs each.
  await readyLabels({
    scope,
    service,
    labels: actions.flatMap((a) => (a.kind === "add-labels" ? a.labels : [])),
    log,
  });
  await applyTicketActions({ gh: scope.gh, repo: scope.repo, number: params.issue.number, actions });
}

/**
 * A ticket whose card is posted, by a delivery tried again after part of its work: the labels go on
 * if none of the planned ones is there (adding labels is one request, done wholly or not at all,
 * so one label there means the request went through, and a person's change since is kept).
 */
export async function labelsAfterCard(params: {
  readonly scope: TicketScope;
  readonly service: FirstlineService;
  readonly issue: NewIssue;
  readonly labelsNow: readonly string[];
  readonly log: Logger;
}): Promise<void> {
  const planned = planFor(params);
  const labels = planned?.actions.find((a) => a.kind === "add-labels");
  if (!labels || labels.kind !== "add-labels") return;
  const now = new Set(params.labelsNow.map((l) => l.toLowerCase()));
  if (labels.labels.some((l) => now.has(l.toLowerCase()))) return;
  await labelTicket({ ...params, actions: [labels] });
}

/** What follows the card: an emergency out of hours is paged, and the ticket goes on the Project. */
async function afterCard(params: {
  readonly scope: TicketScope;
  readonly service: FirstlineService;
  readonly decision: TriageDecision;
  readonly number: number;
  readonly log: Logger;
}): Promise<void> {
  const { scope, service, decision, log } = params;
  const issue = { number: params.number };
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
}
