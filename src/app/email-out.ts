import type { Context } from "probot";
import { emailDataOf } from "../core/email-tickets/requester.js";
import { isInternalComment, staffReplyMail } from "../core/email-tickets/staff-reply-mail.js";
import { transportOf } from "../github/transport.js";
import { isMessageId, isPlainAddress } from "../mail/header-safety.js";
import type { MailSender } from "../mail/outgoing-mail.js";
import { replyAddress, replyToken, ticketMessageId } from "../mail/reply-token.js";
import type { MailboxSettings } from "../mail/mail-settings.js";
import type { FirstlineService } from "./service.js";
import { ticketScope } from "./ticket-scope.js";

/**
 * A staff comment on an email ticket goes to the requester (and the Cc of her first message) by
 * email, threaded under her conversation and with the ticket's signed reply address; a comment
 * with a `/internal` line, or of slash commands only, stays on GitHub. Each delivery sends once
 * per process; the webhook fails (and GitHub may redeliver) when the mail server refuses.
 */
export async function handleStaffCommentByEmail(params: {
  readonly context: Context<"issue_comment">;
  readonly service: FirstlineService;
  readonly settings: MailboxSettings;
  readonly sender: MailSender;
}): Promise<void> {
  const { context, service, settings, sender } = params;
  const { comment, issue, repository } = context.payload;
  if (context.payload.action !== "created" || ("pull_request" in issue && issue.pull_request)) return;
  await service.deliveries.once(`email-out:${context.id}`, async () => {
    const botLogin = await service.botLogin();
    const author = comment.user?.login ?? "ghost";
    if (
      author.toLowerCase() === botLogin.toLowerCase() ||
      issue.user?.login.toLowerCase() !== botLogin.toLowerCase()
    )
      return;
    const data = emailDataOf(issue.body ?? null);
    if (!data || isInternalComment(comment.body)) return;
    const repo = repository.full_name;
    const scope = await ticketScope({
      service,
      gh: transportOf(context.octokit),
      repo,
      botLogin,
      log: context.log,
    });
    if (!scope || !scope.policy.isStaff(author)) return;
    if (!isPlainAddress(data.requester)) return;
    const token = replyToken({ secret: settings.secret, repo, number: issue.number });
    const mail = staffReplyMail({
      data: { ...data, cc: data.cc.filter(isPlainAddress), thread: data.thread.filter(isMessageId) },
      ticket: { repo, number: issue.number, title: issue.title },
      comment: { author, body: comment.body },
      from: settings.supportAddress,
      replyTo: replyAddress({ supportAddress: settings.supportAddress, token }),
      messageId: ticketMessageId({
        token,
        unique: `c${comment.id}`,
        supportAddress: settings.supportAddress,
      }),
    });
    await sender.send(mail);
    context.log.info(
      { repo, issue: issue.number, comment: comment.id },
      "staff reply emailed to the requester",
    );
  });
}
