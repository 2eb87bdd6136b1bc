import { classifyTicket } from "../../core/triage/classify.js";
import { planNewTicket } from "../../core/ticket/plan-new-ticket.js";
import { applyTicketActions } from "../../github/apply-actions.js";
import { fetchTicket } from "../../github/ticket-query.js";
import type { FirstlineService } from "../service.js";
import { readyLabels } from "../ticket-scope.js";
import { pageTicketIfDue } from "../ticket-pages.js";
import { withTicket, type IssueEventContext } from "./with-ticket.js";

/** A new issue: triage it, label it and post its card (two writes). */
export async function handleIssueOpened(
  context: IssueEventContext,
  service: FirstlineService,
): Promise<void> {
  await withTicket(context, service, async ({ scope, issue }) => {
    // The same opening sent again under another delivery id (a replay) finds its card posted.
    const key = `${scope.repo}#${issue.number}`;
    if (await service.wasOpened(key)) return;
    // An opening handled minutes after the fact is a redelivery or a replay (perhaps after a
    // restart, which forgets the ids): look for the card before writing one. A fresh opening, the
    // usual case, costs no extra request.
    if (scope.now - Date.parse(issue.created_at) > 2 * 60_000) {
      const existing = await fetchTicket({ gh: scope.gh, repo: scope.repo, number: issue.number });
      if (existing?.comments.some((c) => c.author.toLowerCase() === scope.botLogin.toLowerCase() && c.body.includes("<!-- firstline:card -->"))) {
        await service.rememberOpened(key);
        return;
      }
    }
    const decision = classifyTicket({
      config: scope.config,
      issue: { repo: scope.repo, title: issue.title, body: issue.body ?? null, isPullRequest: false },
    });
    if (!decision.ticket) return;
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
    await readyLabels({ scope, service, labels: actions.flatMap((a) => (a.kind === "add-labels" ? a.labels : [])), log: context.log });
    await applyTicketActions({ gh: scope.gh, repo: scope.repo, number: issue.number, actions });
    await service.rememberOpened(key);
    // An emergency out of hours pages within this same delivery, not at the next sweep.
    if (decision.priority === "P1") {
      const snapshot = await fetchTicket({ gh: scope.gh, repo: scope.repo, number: issue.number });
      if (snapshot) await pageTicketIfDue({ scope, service, snapshot, log: context.log });
    }
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
