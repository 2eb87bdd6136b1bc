import { newReplyText } from "../core/email-tickets/reply-text.js";
import { routeMessage, type TokenCheck } from "../core/email-tickets/route-message.js";
import {
  emailReplyComment,
  emailReplyMarker,
  emailTicketIssue,
  emailTicketMarker,
} from "../core/email-tickets/ticket-text.js";
import type { InboundMessage } from "../core/email-tickets/inbound-message.js";
import { fitsWritePace } from "../core/email-tickets/write-pace.js";
import { emailDataOf, requesterLogin } from "../core/email-tickets/requester.js";
import { ticketRepositories } from "../core/repositories.js";
import { applyTicketActions } from "../github/apply-actions.js";
import { createIssueOnce } from "../github/create-issue-once.js";
import { isPrivateRepository, issueWithMarker, reopenIssue } from "../github/email-tickets.js";
import { fetchTicket } from "../github/ticket-query.js";
import { openMailbox, type Mailbox } from "../mail/imap-mailbox.js";
import type { MailboxSettings } from "../mail/mail-settings.js";
import { parseInbound } from "../mail/parse-inbound.js";
import {
  digestOf,
  replyAddress,
  replyToken,
  ticketMessageId,
  tokenInAddress,
  tokenInMessageId,
  verifyReplyToken,
} from "../mail/reply-token.js";
import { isMessageId, isPlainAddress } from "../mail/header-safety.js";
import type { MailSender } from "../mail/outgoing-mail.js";
import { needsInfoMail } from "../core/email-tickets/staff-reply-mail.js";
import type { FirstlineService } from "./service.js";
import { refreshTicket } from "./handlers/ticket-updated.js";
import { agencyConfig, ticketScope, type TicketScope } from "./ticket-scope.js";
import { triageNewTicket } from "./triage-new-ticket.js";
import { sendKeptMail, sendToRequester } from "./email-outbox.js";
import { takeSenderSlot, ticketsOpenedLastHour } from "./email-sender-limit.js";
import { replyTarget } from "../core/email-tickets/closed-ticket.js";
import { MAX_STORED_FILES } from "../core/email-tickets/attachment-files.js";
import { markerKeysIn, parseEmailKey } from "../core/markers.js";
import { withStoredAttachments } from "./email-attachments.js";

interface Logger {
  info: (obj: object, msg?: string) => void;
  warn: (obj: object, msg?: string) => void;
  error: (obj: object, msg?: string) => void;
}

/** What one pass over the mailbox did. */
export interface IntakeResult {
  readonly tickets: number;
  readonly replies: number;
  readonly ignored: number;
  /** Messages left for the next pass (a repository that refused, the pass's limit reached). */
  readonly left: number;
}

/** Messages one pass takes in at most: a pass stays short, the next takes the rest. */
const PASS_LIMIT = 2_000;

/** The token of a message, from the address it was sent to or the message it answers. */
function tokenOf(message: InboundMessage, settings: MailboxSettings): string | null {
  for (const to of [...message.to, ...message.cc]) {
    const token = tokenInAddress({ supportAddress: settings.supportAddress, address: to.address });
    if (token !== null) return token;
  }
  for (const header of ["delivered-to", "x-original-to"]) {
    const value = message.headers[header];
    const token =
      value === undefined
        ? null
        : tokenInAddress({
            supportAddress: settings.supportAddress,
            address: value.replace(/[<>]/g, "").trim(),
          });
    if (token !== null) return token;
  }
  for (const id of [message.inReplyTo, ...[...message.references].reverse()]) {
    const token = id === null ? null : tokenInMessageId(id);
    if (token !== null) return token;
  }
  return null;
}

/**
 * The support mailbox, read on a schedule: each message not yet handled becomes a ticket, or a
 * comment on the ticket its reply token signs, or is ignored (robots' mail, a sender over the
 * hourly limit). A message is claimed before its ticket is written and marked handled only after,
 * so a pass that stops in between (a crash, GitHub failing) leaves it for the next pass, which
 * finds the ticket by its marker instead of opening a second one.
 */
export class EmailIntake {
  /** Content this intake created lately (`[at, count]`), to keep to GitHub's write pace. */
  private writes: (readonly [number, number])[] = [];
  /** Repositories found public: email is never written there (checked once a process). */
  private readonly visibility = new Map<string, boolean>();

  constructor(
    readonly settings: MailboxSettings,
    private readonly open: (settings: MailboxSettings) => Promise<Mailbox> = openMailbox,
    /** Sends Firstline's own questions to requesters (needs-info); null: they are on the ticket only. */
    private readonly sender: MailSender | null = null,
  ) {}

  /** The pass running now: passes never overlap in a process (the schedule and the route may ask at once). */
  private running: Promise<IntakeResult> = Promise.resolve({ tickets: 0, replies: 0, ignored: 0, left: 0 });

  /** One pass over the mailbox, after any pass still running. */
  takeIn(params: { readonly service: FirstlineService; readonly log: Logger }): Promise<IntakeResult> {
    const next = this.running.catch(() => undefined).then(() => this.pass(params));
    this.running = next;
    return next;
  }

  private async pass(params: {
    readonly service: FirstlineService;
    readonly log: Logger;
  }): Promise<IntakeResult> {
    const { service, log } = params;
    const supportRepo = service.supportRepo;
    const supportGh = await service.githubFor(supportRepo, null);
    if (!supportGh) throw new Error(`the app is not installed on ${supportRepo}`);
    const botLogin = await service.botLogin();
    const agency = await agencyConfig({ service, gh: supportGh, repo: supportRepo, botLogin, log });
    if (!agency) return { tickets: 0, replies: 0, ignored: 0, left: 0 };
    const repos = ticketRepositories(agency.config);
    // Mail the server refused on an earlier pass goes first, each once.
    if (this.sender)
      await sendKeptMail({ store: service.store, sender: this.sender, now: service.now(), log });
    const limit = agency.config.email.ticketsPerSenderPerHour;
    const mailbox = await this.open(this.settings);
    const result = { tickets: 0, replies: 0, ignored: 0, left: 0 };
    try {
      const pending = await mailbox.pending(PASS_LIMIT);
      for (const item of pending) {
        const raw = await mailbox.source(item.uid);
        if (raw === null) continue;
        const message = await parseInbound({
          raw,
          fallbackId: `uid-${item.uid}-${raw.length}`,
          receivedAt: service.now(),
        });
        const token = tokenOf(message, this.settings);
        const check: TokenCheck =
          token === null
            ? { kind: "none" }
            : (() => {
                const verified = verifyReplyToken({ secret: this.settings.secret, token, repos });
                return verified === "forged"
                  ? { kind: "forged" as const }
                  : { kind: "valid" as const, ...verified };
              })();
        const sender = message.from?.address ?? "";
        const now = service.now();
        const route = routeMessage({
          message,
          config: agency.config,
          token: check,
          ownAddresses: [this.settings.supportAddress],
          // Counted in the state store: the limit holds across instances and restarts.
          openedLastHour:
            check.kind === "valid" ? 0 : await ticketsOpenedLastHour({ store: service.store, sender, limit }),
        });
        if (route.kind === "ignore") {
          log.info(
            { uid: item.uid, from: sender.split("@")[1] ?? "", reason: route.reason },
            "email ignored",
          );
          await mailbox.markHandled(item.uid);
          result.ignored += 1;
          continue;
        }
        if (check.kind === "forged")
          log.warn(
            { uid: item.uid, from: sender.split("@")[1] ?? "" },
            "email with a reply token that signs no ticket: opened as a new ticket, appended to none",
          );
        // The issue and its card (or the reply), and a commit for each attachment copied.
        const cost =
          (route.kind === "reply" ? 1 : 2) +
          Math.min(message.attachments.filter((a) => a.content).length, MAX_STORED_FILES);
        this.writes = this.writes.filter(([at]) => now - at < 3_600_000);
        if (!fitsWritePace({ done: this.writes, now, count: cost })) {
          // GitHub's pace is reached: the rest waits in the mailbox, unclaimed, for the next pass.
          result.left = pending.length - pending.indexOf(item);
          break;
        }
        const scope = await this.scopeFor({ service, repo: route.repo, botLogin, log });
        if (!scope) {
          result.left += 1;
          continue;
        }
        if (route.kind === "new-ticket" && !item.claimed) {
          if ((await takeSenderSlot({ store: service.store, sender, limit })) === null) {
            // Another instance took the sender's last slot of the hour meanwhile.
            log.info(
              { uid: item.uid, from: sender.split("@")[1] ?? "" },
              "email ignored: sender over the hourly limit",
            );
            await mailbox.markHandled(item.uid);
            result.ignored += 1;
            continue;
          }
        }
        if (!item.claimed) await mailbox.claim(item.uid);
        if (route.kind === "reply") {
          const outcome = await this.appendReply({
            scope,
            service,
            message,
            number: route.number,
            claimed: item.claimed,
            log,
          });
          if (outcome === "reply") result.replies += 1;
          if (outcome === "new ticket") result.tickets += 1;
        } else {
          await this.openTicket({ scope, service, message, claimed: item.claimed, log });
          result.tickets += 1;
        }
        this.writes.push([now, cost]);
        await mailbox.markHandled(item.uid);
      }
    } finally {
      await mailbox.close();
    }
    if (result.tickets + result.replies + result.ignored + result.left > 0)
      log.info(result, "support mailbox read");
    return result;
  }

  /** The ticket scope of a repository email may go to: listed, installed and private. */
  private async scopeFor(params: {
    service: FirstlineService;
    repo: string;
    botLogin: string;
    log: Logger;
  }): Promise<TicketScope | null> {
    const { service, repo, botLogin, log } = params;
    const gh = await service.githubFor(repo, null);
    if (!gh) {
      log.error({ repo }, "email for this repository waits: the app is not installed there");
      return null;
    }
    let isPrivate = this.visibility.get(repo.toLowerCase());
    if (isPrivate === undefined) {
      isPrivate = await isPrivateRepository({ gh, repo });
      this.visibility.set(repo.toLowerCase(), isPrivate);
    }
    if (!isPrivate) {
      log.error(
        { repo },
        "email for this repository waits in the mailbox: the repository is public, and email tickets (a person's address and words) go only into private repositories; make it private or route the client's email elsewhere",
      );
      return null;
    }
    return ticketScope({ service, gh, repo, botLogin, log });
  }

  private async openTicket(params: {
    scope: TicketScope;
    service: FirstlineService;
    message: InboundMessage;
    claimed: boolean;
    /** The closed ticket this message answers, when it was closed too long ago to reopen. */
    followsUp?: number;
    log: Logger;
  }): Promise<number> {
    const { scope, service, log } = params;
    const existing = params.claimed
      ? await issueWithMarker({
          gh: scope.gh,
          repo: scope.repo,
          botLogin: scope.botLogin,
          marker: emailTicketMarker({ messageId: params.message.messageId, digest: digestOf }),
        })
      : null;
    if (existing !== null) {
      // An earlier pass opened it and stopped before the end: finish its triage, open nothing.
      const snapshot = await fetchTicket({
        gh: scope.gh,
        repo: scope.repo,
        number: existing,
        botLogin: scope.botLogin,
      });
      if (snapshot) await refreshTicket({ scope, service, snapshot, log });
      log.info({ repo: scope.repo, issue: existing }, "email ticket found from an earlier pass");
      return existing;
    }
    // The attachments first: the issue is written once, with their links.
    const message = await withStoredAttachments({
      gh: scope.gh,
      repo: scope.repo,
      ticketDigest: digestOf(`message:${params.message.messageId}`).slice(0, 32),
      message: params.message,
    });
    const issue = emailTicketIssue({
      message,
      digest: digestOf,
      ...(params.followsUp === undefined ? {} : { followsUp: params.followsUp }),
    });
    const created = await createIssueOnce({
      gh: scope.gh,
      repo: scope.repo,
      botLogin: scope.botLogin,
      fields: { title: issue.title, body: issue.body },
    });
    const decision = await triageNewTicket({
      scope,
      service,
      issue: {
        number: created.number,
        title: issue.title,
        body: issue.body,
        author: requesterLogin(issue.requesterDigest),
        createdAt: scope.now,
        labels: [],
      },
      log,
    });
    log.info({ repo: scope.repo, issue: created.number }, "email ticket opened");
    if (decision && (decision.needsInfo.length > 0 || decision.client === "unknown"))
      await this.askForInfo({
        service,
        repo: scope.repo,
        number: created.number,
        title: issue.title,
        body: issue.body,
        missing: decision.needsInfo,
        clientUnknown: decision.client === "unknown",
        log,
      });
    return created.number;
  }

  /** The card's questions (which organisation; what is missing), by email: the requester cannot read the card. A refused mail is kept and sent again; the questions stay on the ticket. */
  private async askForInfo(params: {
    service: FirstlineService;
    repo: string;
    number: number;
    title: string;
    body: string;
    missing: readonly string[];
    clientUnknown: boolean;
    log: Logger;
  }): Promise<void> {
    const data = emailDataOf(params.body);
    if (!this.sender || !data || !isPlainAddress(data.requester)) return;
    const token = replyToken({ secret: this.settings.secret, repo: params.repo, number: params.number });
    const mail = needsInfoMail({
      data: { ...data, cc: data.cc.filter(isPlainAddress), thread: data.thread.filter(isMessageId) },
      ticket: { number: params.number, title: params.title },
      missing: params.missing,
      clientUnknown: params.clientUnknown,
      from: this.settings.supportAddress,
      replyTo: replyAddress({ supportAddress: this.settings.supportAddress, token }),
      messageId: ticketMessageId({
        token,
        unique: "needs-info",
        supportAddress: this.settings.supportAddress,
      }),
    });
    // Sent once (by its Message-ID), or kept and sent on a later pass when the server refuses.
    await sendToRequester({
      store: params.service.store,
      sender: this.sender,
      mail,
      now: params.service.now(),
      log: params.log,
    });
  }

  /**
   * Her reply on its ticket: appended to an open ticket; a ticket closed lately is reopened first;
   * one closed long ago is left as it was and the reply opens a new ticket linking it.
   */
  private async appendReply(params: {
    scope: TicketScope;
    service: FirstlineService;
    message: InboundMessage;
    number: number;
    claimed: boolean;
    log: Logger;
  }): Promise<"reply" | "new ticket" | "none"> {
    const { scope, service, message, number, log } = params;
    const read = () => fetchTicket({ gh: scope.gh, repo: scope.repo, number, botLogin: scope.botLogin });
    const snapshot = await read();
    if (!snapshot) {
      log.warn({ repo: scope.repo, issue: number }, "email reply to a ticket that is gone: ignored");
      return "none";
    }
    const marker = emailReplyMarker({ messageId: message.messageId, digest: digestOf });
    const alreadyAppended = snapshot.comments.some((c) => c.body.includes(marker));
    const target = replyTarget({ snapshot, alreadyAppended, now: scope.now });
    if (target.kind === "new-ticket") {
      await this.openTicket({ ...params, followsUp: number });
      log.info(
        { repo: scope.repo, issue: number, closedAt: new Date(target.closedAt).toISOString() },
        "email reply to a ticket closed long ago: opened as a new ticket linking it",
      );
      return "new ticket";
    }
    if (target.kind === "reopen") {
      await reopenIssue({ gh: scope.gh, repo: scope.repo, number });
      log.info({ repo: scope.repo, issue: number }, "email reply reopened its closed ticket");
    }
    if (!alreadyAppended) {
      const ticketDigest = markerKeysIn(snapshot.body)
        .map(parseEmailKey)
        .find((key) => key?.kind === "email-ticket")?.digest;
      const stored =
        ticketDigest === undefined
          ? message
          : await withStoredAttachments({ gh: scope.gh, repo: scope.repo, ticketDigest, message });
      const body = emailReplyComment({
        message: stored,
        text: newReplyText(message.text),
        digest: digestOf,
      });
      await applyTicketActions({
        gh: scope.gh,
        repo: scope.repo,
        number,
        actions: [{ kind: "create-comment", body, why: "email reply" }],
      });
    }
    // Her reply is the client writing: the card, needs-info and waiting-on-client follow at once.
    const after = await read();
    if (after) await refreshTicket({ scope, service, snapshot: after, log });
    log.info({ repo: scope.repo, issue: number }, "email reply added to its ticket");
    return "reply";
  }
}
