import type { Context } from "probot";
import { transportOf } from "../../github/transport.js";
import type { FirstlineService } from "../service.js";
import { ticketScope, type TicketScope } from "../ticket-scope.js";

/** The webhook events that concern one issue. */
export type IssueEventContext = Context<"issues"> | Context<"issue_comment">;

export type IssuePayload = IssueEventContext["payload"]["issue"];

/**
 * The guard every issue handler shares: each delivery once, one handler at a time per ticket, the
 * app's own events ignored (it caused them), pull requests skipped, and only repositories whose
 * configuration makes the issue a ticket.
 */
export async function withTicket(
  context: IssueEventContext,
  service: FirstlineService,
  work: (params: {
    scope: TicketScope;
    issue: IssuePayload;
    /** An earlier attempt at this delivery started (and failed or died): some of its writes may be done. */
    resumed: boolean;
  }) => Promise<void>,
): Promise<void> {
  const handled = await service.deliveries.once(context.id, async ({ resumed }) => {
    const issue = context.payload.issue;
    if ("pull_request" in issue && issue.pull_request) return;
    const repo = context.payload.repository.full_name;
    const gh = transportOf(context.octokit);
    const botLogin = await service.botLogin();
    if (context.payload.sender.login.toLowerCase() === botLogin.toLowerCase()) return;
    await service.locks.run(`${repo}#${issue.number}`, async () => {
      const scope = await ticketScope({
        service,
        gh,
        repo,
        repositoryId: context.payload.repository.node_id,
        botLogin,
        log: context.log,
        installation: context.payload.installation?.id,
      });
      if (!scope) return;
      await work({ scope, issue, resumed });
    });
  });
  if (!handled) context.log.info({ delivery: context.id }, "delivery already handled");
}
