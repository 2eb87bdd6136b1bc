import { notifyTicketNotices } from "../notify-tickets.js";
import { parseCommands, planCommands } from "../../core/ticket/commands.js";
import { botReacted } from "../../github/reactions.js";
import { planTicketRefresh } from "../../core/ticket/plan-refresh.js";
import type { TicketSnapshot } from "../../core/ticket/snapshot.js";
import { applyTicketActions } from "../../github/apply-actions.js";
import { fetchTicket } from "../../github/ticket-query.js";
import type { FirstlineService } from "../service.js";
import type { TicketScope } from "../ticket-scope.js";
import { pageTicketIfDue } from "../ticket-pages.js";
import { handlePagingCommands } from "../paging-commands.js";
import { resolveAtPagers } from "../alerts.js";
import { withTicket, type IssueEventContext } from "./with-ticket.js";
import { keepTicketOnProject } from "../project-ticket.js";

/**
 * Recomputes a ticket from its timeline and applies what changed (nothing, for a quiet ticket),
 * its Project item included.
 */
export async function refreshTicket(params: {
  scope: TicketScope;
  service: FirstlineService;
  snapshot: TicketSnapshot;
  log: { warn: (obj: object, msg?: string) => void; info: (obj: object, msg?: string) => void };
}): Promise<number> {
  const { scope, service, snapshot } = params;
  const responders = await service.responders(scope);
  const plan = planTicketRefresh({
    snapshot,
    config: scope.config,
    policy: scope.policy,
    botLogin: scope.botLogin,
    responders,
    now: scope.now,
  });
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
    log: params.log,
  });
  // A priority raised to P1 out of hours pages at that moment.
  const paged = await pageTicketIfDue({ scope, service, snapshot, log: params.log });
  // Its Project item follows in the same delivery: a field written only if its value moved.
  await keepTicketOnProject({ scope, service, snapshot, responders, log: params.log });
  return plan.actions.length + (paged ? 1 : 0);
}

/** Any change to a ticket (edit, label, close, reopen, assignment): bring its card and labels up to date. */
export async function handleTicketUpdated(
  context: IssueEventContext,
  service: FirstlineService,
): Promise<void> {
  await withTicket(context, service, async ({ scope, issue }) => {
    const snapshot = await fetchTicket({
      gh: scope.gh,
      repo: scope.repo,
      number: issue.number,
      botLogin: scope.botLogin,
    });
    if (!snapshot) return;
    const changed = await refreshTicket({ scope, service, snapshot, log: context.log });
    if (context.name === "issues" && context.payload.action === "closed")
      await resolveAtPagers({
        service,
        config: scope.config,
        gh: scope.gh,
        issue: { repo: scope.repo, number: issue.number },
        log: context.log,
      });
    context.log.info(
      {
        repo: scope.repo,
        issue: issue.number,
        event: `${context.name}.${context.payload.action}`,
        changes: changed,
      },
      "refreshed ticket",
    );
  });
}

/** A comment: run any staff slash commands in it, then refresh the ticket (a staff reply meets an SLA). */
export async function handleCommentCreated(
  context: IssueEventContext & {
    payload: { comment: { id: number; body: string; user: { login: string } | null; created_at: string } };
  },
  service: FirstlineService,
): Promise<void> {
  await withTicket(context, service, async ({ scope, issue }) => {
    let snapshot = await fetchTicket({
      gh: scope.gh,
      repo: scope.repo,
      number: issue.number,
      botLogin: scope.botLogin,
    });
    if (!snapshot) return;
    const comment = context.payload.comment;
    // A command Firstline already carried out (its reaction is on the comment) is not carried out
    // again: a redelivery after a restart finds the effect and the 👍 on the issue.
    const answered =
      parseCommands(comment.body).length > 0 &&
      (await botReacted({ gh: scope.gh, repo: scope.repo, commentId: comment.id, botLogin: scope.botLogin }));
    const commands = planCommands({
      answered,
      comment: {
        id: comment.id,
        author: comment.user?.login ?? "ghost",
        createdAt: Date.parse(comment.created_at),
        body: comment.body,
      },
      snapshot,
      config: scope.config,
      policy: scope.policy,
      botLogin: scope.botLogin,
      now: scope.now,
    });
    // `/ack` and `/escalate`: comments on the ticket, and the pagers told.
    const paging =
      commands.actions.length > 0
        ? await handlePagingCommands({
            scope,
            service,
            snapshot,
            comment: {
              id: comment.id,
              author: comment.user?.login ?? "ghost",
              createdAt: Date.parse(comment.created_at),
              body: comment.body,
            },
            log: context.log,
          })
        : 0;
    if (paging > 0) {
      snapshot = await fetchTicket({
        gh: scope.gh,
        repo: scope.repo,
        number: issue.number,
        botLogin: scope.botLogin,
      });
      if (!snapshot) return;
    }
    if (commands.actions.length > 0) {
      await applyTicketActions({
        gh: scope.gh,
        repo: scope.repo,
        number: issue.number,
        actions: commands.actions,
      });
      if (!commands.refresh) return;
      snapshot = await fetchTicket({
        gh: scope.gh,
        repo: scope.repo,
        number: issue.number,
        botLogin: scope.botLogin,
      });
      if (!snapshot) return;
    }
    const changed = await refreshTicket({ scope, service, snapshot, log: context.log });
    context.log.info(
      { repo: scope.repo, issue: issue.number, commands: commands.actions.length, changes: changed },
      "handled comment",
    );
  });
}
