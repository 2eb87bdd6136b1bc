import { fetchTicket } from "../../github/ticket-query.js";
import type { FirstlineService } from "../service.js";
import { labelsAfterCard, triageNewTicket } from "../triage-new-ticket.js";
import { withTicket, type IssueEventContext } from "./with-ticket.js";
import { CARD_KEY, hasMarker } from "../../core/markers.js";

/** A new issue: triage it, label it and post its card (two writes). */
export async function handleIssueOpened(
  context: IssueEventContext,
  service: FirstlineService,
): Promise<void> {
  await withTicket(context, service, async ({ scope, issue, resumed }) => {
    // The same opening sent again under another delivery id (a replay) finds its card posted.
    const key = `${scope.repo}#${issue.number}`;
    if (await service.wasOpened(key)) return;
    const newIssue = {
      number: issue.number,
      title: issue.title,
      body: issue.body ?? null,
      author: issue.user?.login ?? "ghost",
      createdAt: Date.parse(issue.created_at),
      labels: (issue.labels ?? []).map((l) => l?.name ?? ""),
    };
    // An opening handled minutes after the fact is a redelivery or a replay (perhaps after a
    // restart, which forgets the ids), and a resumed one was begun by an attempt that failed or an
    // instance that died mid-way: look for the card before writing one. A fresh opening, the usual
    // case, costs no extra request.
    if (resumed || scope.now - Date.parse(issue.created_at) > 2 * 60_000) {
      const existing = await fetchTicket({
        gh: scope.gh,
        repo: scope.repo,
        number: issue.number,
        botLogin: scope.botLogin,
      });
      if (
        existing?.comments.some(
          (c) => c.author.toLowerCase() === scope.botLogin.toLowerCase() && hasMarker(c.body, CARD_KEY),
        )
      ) {
        // An urgent ticket's card goes before its labels: they may be what the earlier attempt left.
        await labelsAfterCard({
          scope,
          service,
          issue: newIssue,
          labelsNow: existing.labels,
          log: context.log,
        });
        await service.rememberOpened(key);
        return;
      }
    }
    const decision = await triageNewTicket({
      scope,
      service,
      issue: { ...newIssue, nodeId: issue.node_id },
      log: context.log,
    });
    if (!decision) return;
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
