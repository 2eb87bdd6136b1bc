import type { FirstlineConfig } from "../core/config/firstline-config.js";
import type { TicketRef } from "../core/notify/events.js";
import { planNotifications } from "../core/notify/plan.js";
import {
  isNotifiable,
  slackThreadMarker,
  slackThreadsIn,
  ticketEvents,
} from "../core/notify/ticket-events.js";
import { issueUrl } from "../core/paging/page-event.js";
import { buildSlaPolicy } from "../core/sla/policy.js";
import type { TicketAction } from "../core/ticket/actions.js";
import type { TicketSnapshot } from "../core/ticket/snapshot.js";
import type { NotifyEvent } from "../core/notify/events.js";
import { readRota } from "../github/load-responders.js";
import { fetchTicket } from "../github/ticket-query.js";
import { splitRepo, type GitHubTransport } from "../github/transport.js";
import type { TicketThreads } from "../notify/notifier.js";
import type { FirstlineService } from "./service.js";

interface Logger {
  warn: (obj: object, msg?: string) => void;
}

/**
 * After Firstline wrote notices on a ticket: plan and start the Slack and email messages they call
 * for. Called once at each place that writes ticket notices. Never throws and never waits for
 * Slack or SMTP: the ticket's work is done already, and a notification must not hold it up.
 */
export async function notifyTicketNotices(params: {
  readonly service: FirstlineService;
  readonly gh: GitHubTransport;
  readonly repo: string;
  readonly number: number;
  /** The actions just applied (their comments are read for notices)... */
  readonly actions?: readonly TicketAction[];
  /** ...or notices written elsewhere (an alert issue's page, in its body). */
  readonly written?: readonly string[];
  readonly config: FirstlineConfig;
  readonly log: Logger;
}): Promise<void> {
  const { service, gh, repo, number, config } = params;
  const { notifier } = service;
  if (!notifier.can.slack && !notifier.can.email) return;
  const bodies = [
    ...(params.actions ?? []).flatMap((a) => (a.kind === "create-comment" ? [a.body] : [])),
    ...(params.written ?? []),
  ];
  const written = bodies.filter(isNotifiable);
  if (written.length === 0) return;
  try {
    const snapshot = await fetchTicket({ gh, repo, number, botLogin: await service.botLogin() });
    if (!snapshot) return;
    const events = ticketEvents({ ticket: ticketRef(snapshot), written, at: service.now() });
    await notifyEvents({
      service,
      gh,
      repo,
      config,
      events,
      threads: ticketThreads({
        gh,
        snapshot,
        botLogin: await service.botLogin(),
        started: service.notifier.threads,
      }),
    });
  } catch (error) {
    params.log.warn(
      { repo, number, error: (error as Error).message },
      "notifications for a ticket could not be planned",
    );
  }
}

/** Plans events against the rota's people and the notify section, and hands the plan to the notifier. */
export async function notifyEvents(params: {
  readonly service: FirstlineService;
  readonly gh: GitHubTransport;
  readonly repo: string;
  readonly config: FirstlineConfig;
  readonly events: readonly NotifyEvent[];
  readonly threads?: TicketThreads;
}): Promise<void> {
  const { service, config } = params;
  if (params.events.length === 0) return;
  const supportRepo = service.supportRepo;
  const supportGh = await service.githubFor(supportRepo, params.gh, params.repo);
  const rota = await readRota({
    gh: supportGh,
    reader: service.reader,
    repo: supportRepo,
    dir: config.rota.dir,
    maxAgeMs: service.sweepConfigMaxAgeMs,
  });
  const plan = planNotifications({
    events: params.events,
    notify: config.notify,
    people: rota?.people ?? [],
    calendar: buildSlaPolicy({ config }).termsFor({ repo: "" }).calendar,
    now: service.now(),
    can: service.notifier.can,
  });
  service.notifier.deliver({
    plan,
    notify: config.notify,
    zone: config.timezone,
    ...(params.threads ? { threads: params.threads } : {}),
  });
}

/** What every message shows of a ticket, from its labels. */
export function ticketRef(snapshot: Pick<TicketSnapshot, "repo" | "number" | "title" | "labels">): TicketRef {
  const label = (prefix: string) =>
    snapshot.labels.map((l) => new RegExp(`^${prefix}: (.+)$`).exec(l)?.[1]).find((v) => v !== undefined) ??
    null;
  return {
    repo: snapshot.repo,
    number: snapshot.number,
    title: snapshot.title,
    client: label("client"),
    priority: label("priority"),
    url: issueUrl(snapshot),
  };
}

/** A ticket's Slack threads: read from its markers, kept with one short comment of Firstline's own. */
function ticketThreads(params: {
  gh: GitHubTransport;
  snapshot: TicketSnapshot;
  botLogin: string;
  /** Threads this process started, which a snapshot read a moment earlier may not show yet. */
  started: Map<string, string>;
}): TicketThreads {
  const known = slackThreadsIn({ comments: params.snapshot.comments, botLogin: params.botLogin });
  const { repo, number } = params.snapshot;
  const key = (channel: string) => `${repo.toLowerCase()}#${number}:${channel}`;
  return {
    find: (channel) => known.get(channel) ?? params.started.get(key(channel)) ?? null,
    keep: async (channel, ts) => {
      known.set(channel, ts);
      params.started.set(key(channel), ts);
      if (params.started.size > 20_000) {
        const oldest = params.started.keys().next().value;
        if (oldest !== undefined) params.started.delete(oldest);
      }
      await params.gh.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
        ...splitRepo(repo),
        issue_number: number,
        body: `The support team has been told on Slack; updates go to the same thread.\n${slackThreadMarker({ channel, ts })}`,
      });
    },
  };
}
