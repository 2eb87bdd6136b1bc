import type { Context } from "probot";
import { clientNoticeOf } from "../core/email-tickets/client-notices.js";
import { emailDataOf } from "../core/email-tickets/requester.js";
import { isInternalComment, staffReplyMail } from "../core/email-tickets/staff-reply-mail.js";
import { transportOf } from "../github/transport.js";
import { isMessageId, isPlainAddress } from "../mail/header-safety.js";
import type { MailSender } from "../mail/outgoing-mail.js";
import { replyAddress, replyToken, ticketMessageId } from "../mail/reply-token.js";
import type { MailboxSettings } from "../mail/mail-settings.js";
import { sendToRequester } from "./email-outbox.js";
import type { FirstlineService } from "./service.js";
import { ticketScope } from "./ticket-scope.js";

/**
 * A comment on an email ticket that goes to the requester (and the Cc of her first message) by
 * email, threaded under her conversation and with the ticket's signed reply address: a staff
 * comment, except one with a `/internal` line or of slash commands only, and Firstline's own
 * notices to her (the reminder while the ticket waits on her, the chargeable note). Each comment
 * is sent once, by its `Message-ID`, however often the webhook comes; mail the server refuses is
 * kept and sent on a later pass (see `email-outbox.ts`).
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
    if (issue.user?.login.toLowerCase() !== botLogin.toLowerCase()) return;
    const data = emailDataOf(issue.body ?? null);
    if (!data || !isPlainAddress(data.requester)) return;
    const repo = repository.full_name;
    let body: string;
    if (author.toLowerCase() === botLogin.toLowerCase()) {
      const notice = clientNoticeOf(comment.body);
      if (!notice) return;
      body = notice.text;
    } else {
      if (isInternalComment(comment.body)) return;
      const scope = await ticketScope({
        service,
        gh: transportOf(context.octokit),
        repo,
        botLogin,
        log: context.log,
      });
      if (!scope || !scope.policy.isStaff(author)) return;
      body = comment.body;
    }
    const token = replyToken({ secret: settings.secret, repo, number: issue.number });
    const mail = staffReplyMail({
      data: { ...data, cc: data.cc.filter(isPlainAddress), thread: data.thread.filter(isMessageId) },
      ticket: { repo, number: issue.number, title: issue.title },
      comment: { author, body },
      from: settings.supportAddress,
      replyTo: replyAddress({ supportAddress: settings.supportAddress, token }),
      messageId: ticketMessageId({
        token,
        unique: `c${comment.id}`,
        supportAddress: settings.supportAddress,
      }),
    });
    const outcome = await sendToRequester({
      store: service.store,
      sender,
      mail,
      now: service.now(),
      log: context.log,
    });
    context.log.info(
      { repo, issue: issue.number, comment: comment.id, outcome },
      "comment emailed to the requester",
    );
  });
}
