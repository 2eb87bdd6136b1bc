import type { NotifyConfig } from "../core/config/notify-schema.js";
import { emailDigest, emailMessage, type EmailParts } from "../core/notify/email-message.js";
import type { NotifyEvent } from "../core/notify/events.js";
import { digestsOf, type PlannedMessage, type Recipient } from "../core/notify/plan.js";
import { slackDigest, slackMessage } from "../core/notify/slack-message.js";
import type { MailSender } from "../mail/outgoing-mail.js";
import { SlackRefusal, type SlackPoster } from "./slack-poster.js";
import type { SentLedger } from "./sent-ledger.js";

/** A failed message is tried this many times in all, with growing waits, then logged and dropped. */
const ATTEMPTS = 4;
const FIRST_RETRY_MS = 30_000;

interface Logger {
  warn: (obj: object, msg?: string) => void;
}

/** The Slack thread of a ticket in one channel: found on the ticket, or kept there after the first post. */
export interface TicketThreads {
  /** The thread's `ts` in `channel`, or null when the ticket has none there yet. */
  find(channel: string): string | null;
  /** Keeps a new thread's `ts` on the ticket (a marker in Firstline's own comment). */
  keep(channel: string, ts: string): Promise<void>;
}

/** One delivery as the stand-ins and the demo see it. */
export interface Delivered {
  readonly key: string;
  readonly to: string;
}

/**
 * Carries out notification plans through Slack and email, in the background: a failure is retried
 * and logged, never thrown into the ticket work that caused it. Each (event, recipient) key is
 * claimed in the ledger before sending, so an event planned twice is sent once.
 */
export class Notifier {
  private readonly pending = new Set<Promise<void>>();
  /** Messages waiting for working hours, by key (held twice is held once). */
  private readonly held = new Map<string, PlannedMessage>();
  private chain: Promise<void> = Promise.resolve();
  /** Threads started by this process, by `repo#number:channel`: found before the ticket's marker is read back. */
  readonly threads = new Map<string, string>();

  constructor(
    private readonly deps: {
      readonly slack: SlackPoster | null;
      readonly mail: MailSender | null;
      readonly ledger: SentLedger;
      readonly sleep: (ms: number) => Promise<void>;
      readonly log: Logger;
    },
  ) {}

  /** Which ways out are configured. */
  get can(): { readonly slack: boolean; readonly email: boolean } {
    return { slack: this.deps.slack !== null, email: this.deps.mail !== null };
  }

  /** Starts delivering a plan and returns at once; `idle()` waits for it. */
  deliver(params: {
    readonly plan: readonly PlannedMessage[];
    readonly notify: Pick<NotifyConfig, "from" | "unsubscribe">;
    readonly zone: string;
    readonly threads?: TicketThreads;
  }): void {
    for (const message of params.plan) {
      if (message.when === "held") this.held.set(message.key, message);
    }
    const now = params.plan.filter((m) => m.when === "now");
    if (now.length === 0) return;
    this.track(() => this.sendAll({ ...params, plan: now }));
  }

  /** How many messages wait for working hours. */
  get heldCount(): number {
    return this.held.size;
  }

  /**
   * Sends what waited for working hours, one digest per recipient, with the daily digest's extra
   * events (the dashboard's summary) for the support channel.
   */
  flushDigests(params: {
    readonly extra: readonly PlannedMessage[];
    readonly notify: Pick<NotifyConfig, "from" | "unsubscribe">;
    readonly zone: string;
    readonly heading: string;
  }): void {
    const waiting = [...this.held.values(), ...params.extra];
    this.held.clear();
    if (waiting.length === 0) return;
    this.track(async () => {
      for (const digest of digestsOf(waiting)) {
        const fresh: string[] = [];
        for (const key of digest.keys) if (await this.deps.ledger.claim(key)) fresh.push(key);
        const events = digest.events.filter((_, i) => fresh.includes(digest.keys[i] ?? ""));
        if (events.length === 0) continue;
        await this.attempt(
          digest.keys.join(","),
          async () => {
            if (digest.to.kind === "email")
              await this.email(
                digest.to,
                emailDigest({ events, zone: params.zone, heading: params.heading }),
                params.notify,
                false,
              );
            else
              await this.deps.slack?.post({
                channel: slackTarget(digest.to),
                message: slackDigest({ events, zone: params.zone, heading: params.heading }),
              });
          },
          async () => {
            for (const key of fresh) await this.deps.ledger.release(key);
          },
        );
      }
    });
  }

  /** Resolves when every delivery started so far has finished (sent, or failed for good). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /**
   * Deliveries run one after another: two messages about one ticket never race to start two
   * threads, and Slack's per-channel pace is kept.
   */
  private track(work: () => Promise<void>): void {
    const tracked = this.chain
      .then(work)
      .catch((error: unknown) =>
        this.deps.log.warn({ error: (error as Error).message }, "a notification failed"),
      );
    this.chain = tracked;
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
  }

  private async sendAll(params: {
    readonly plan: readonly PlannedMessage[];
    readonly notify: Pick<NotifyConfig, "from" | "unsubscribe">;
    readonly zone: string;
    readonly threads?: TicketThreads;
  }): Promise<void> {
    for (const message of params.plan) {
      if (!(await this.deps.ledger.claim(message.key))) continue;
      await this.attempt(
        message.key,
        () => this.sendOne(message, params),
        () => this.deps.ledger.release(message.key),
      );
    }
  }

  /** Tries a send with backoff; a refusal that cannot change (bad token, unknown channel) is not retried. */
  private async attempt(key: string, send: () => Promise<void>, giveUp: () => Promise<void>): Promise<void> {
    for (let n = 1; ; n++) {
      try {
        await send();
        return;
      } catch (error) {
        const final = error instanceof SlackRefusal || n >= ATTEMPTS;
        this.deps.log.warn(
          { key, attempt: n, error: (error as Error).message },
          final ? "a notification could not be delivered" : "a notification failed; retrying",
        );
        if (final) {
          await giveUp();
          return;
        }
        await this.deps.sleep(FIRST_RETRY_MS * 2 ** (n - 1));
      }
    }
  }

  private async sendOne(
    message: PlannedMessage,
    params: {
      readonly notify: Pick<NotifyConfig, "from" | "unsubscribe">;
      readonly zone: string;
      readonly threads?: TicketThreads;
    },
  ): Promise<void> {
    const { event, to } = message;
    if (to.kind === "email") {
      const optional = event.kind === "rota-announcement";
      await this.email(
        to,
        emailMessage({ event, zone: params.zone, unsubscribe: optional ? params.notify.unsubscribe : null }),
        params.notify,
        optional,
      );
      return;
    }
    const slack = this.deps.slack;
    if (!slack) return;
    const channel = slackTarget(to);
    const threads = to.kind === "slack-channel" && event.ticket ? params.threads : undefined;
    const threadTs = threads?.find(channel) ?? undefined;
    const posted = await slack.post({
      channel,
      message: slackMessage({ event, zone: params.zone }),
      threadTs,
    });
    if (threads && !threadTs && posted.ts) await keepQuietly(threads, channel, posted.ts, this.deps.log);
  }

  private async email(
    to: Extract<Recipient, { kind: "email" }>,
    parts: EmailParts,
    notify: Pick<NotifyConfig, "from" | "unsubscribe">,
    optional: boolean,
  ): Promise<void> {
    const mail = this.deps.mail;
    if (!mail) return;
    await mail.send({
      from: notify.from,
      to: [to.address],
      subject: parts.subject,
      text: parts.text,
      html: parts.html,
      ...(optional && notify.unsubscribe ? { listUnsubscribe: notify.unsubscribe } : {}),
    });
  }
}

function slackTarget(to: Recipient): string {
  return to.kind === "slack-channel" ? to.channel : to.kind === "slack-person" ? to.member : "";
}

/** The thread marker is a convenience: failing to keep it must not count as a failed message (that would post twice). */
async function keepQuietly(threads: TicketThreads, channel: string, ts: string, log: Logger): Promise<void> {
  try {
    await threads.keep(channel, ts);
  } catch (error) {
    log.warn(
      { channel, error: (error as Error).message },
      "the Slack thread could not be kept on the ticket; later messages start a new thread",
    );
  }
}

export type { NotifyEvent };
