import { classifyTicket } from "../../core/triage/classify.js";
import { planNewTicket } from "../../core/ticket/plan-new-ticket.js";
import { applyTicketActions } from "../../github/apply-actions.js";
import type { FirstlineService } from "../service.js";
import { readyLabels } from "../ticket-scope.js";
import { withTicket, type IssueEventContext } from "./with-ticket.js";

/** A new issue: triage it, label it and post its card (two writes). */
export async function handleIssueOpened(
  context: IssueEventContext,
  service: FirstlineService,
): Promise<void> {
  await withTicket(context, service, async ({ scope, issue }) => {
    // The same opening sent again under another delivery id (a replay) finds its card posted.
    const key = `${scope.repo}#${issue.number}`;
    if (service.openedTickets.has(key)) return;
    const decision = classifyTicket({
      config: scope.config,
      issue: { repo: scope.repo, title: issue.title, body: issue.body ?? null, isPullRequest: false },
    });
    if (!decision.ticket) return;
    await readyLabels({ scope, service, log: context.log });
    const actions = planNewTicket({
      decision,
      policy: scope.policy,
      issue: {
        repo: scope.repo,
        number: issue.number,
        author: issue.user?.login ?? "ghost",
        createdAt: Date.parse(issue.created_at),
        labels: (issue.labels ?? []).map((l) => l?.name ?? ""),
      },
      now: scope.now,
    });
    await applyTicketActions({ gh: scope.gh, repo: scope.repo, number: issue.number, actions });
    service.rememberOpened(key);
    context.log.info(
      {
        repo: scope.repo,
        issue: issue.number,
        client: decision.client,
        priority: decision.priority,
        type: decision.type,
      },
      "triaged new ticket",
    );
  });
}
