import type { FirstlineConfig } from "../core/config/firstline-config.js";
import { dailyDigestEvent, deskCounts } from "../core/notify/daily-digest.js";
import { inWorkingHours, planNotifications } from "../core/notify/plan.js";
import type { SlaPolicy } from "../core/sla/policy.js";
import type { SweptTicket } from "../core/sweep/plan-sweep.js";
import type { FirstlineService } from "./service.js";
import { weeklyAnnouncementEvent } from "../core/notify/rota-events.js";
import { readRota } from "../github/load-responders.js";
import type { GitHubTransport } from "../github/transport.js";
import { notifyEvents } from "./notify-tickets.js";
import { announcementSettings } from "../core/rota/announcement.js";

/**
 * At the start of working hours (the first sweep inside them each day): the daily digest of the
 * dashboard, and everything quiet hours held back, one message per recipient.
 */
export async function sendDigests(params: {
  readonly service: FirstlineService;
  readonly config: FirstlineConfig;
  readonly policy: Pick<SlaPolicy, "termsFor">;
  readonly swept: readonly SweptTicket[];
  readonly supportRepo: string;
  readonly dashboardNumber: number | null;
}): Promise<void> {
  const { service, config } = params;
  const { notifier } = service;
  if (!notifier.can.slack && !notifier.can.email) return;
  const calendar = params.policy.termsFor({ repo: "" }).calendar;
  const now = service.now();
  if (!inWorkingHours(calendar, now)) return;
  const key = `digest:${params.supportRepo.toLowerCase()}`;
  const link =
    params.dashboardNumber === null
      ? `https://github.com/${params.supportRepo}`
      : `https://github.com/${params.supportRepo}/issues/${params.dashboardNumber}`;
  const event = dailyDigestEvent({
    counts: deskCounts(params.swept),
    calendar,
    zone: config.timezone,
    now,
    lastSentDay: await service.memory.lastRun(key),
    link,
  });
  if (event) await service.memory.recordRun(key, event.id.slice("digest:".length));
  if (!event && notifier.heldCount === 0) return;
  // The digest event itself is held and flushed with the rest, so it shares their message.
  const extra = event
    ? planNotifications({
        events: [event],
        notify: config.notify,
        people: [],
        calendar,
        now,
        can: notifier.can,
      }).map((m) => ({ ...m, when: "held" as const }))
    : [];
  notifier.flushDigests({
    extra,
    notify: config.notify,
    zone: config.timezone,
    heading: "While you were away, and today's desk",
  });
}

/**
 * The week's announcement at handover, once per week and support repository: to the support
 * channel and, by email with List-Unsubscribe, to everyone who opted in.
 */
export async function announceWeek(params: {
  readonly service: FirstlineService;
  readonly config: FirstlineConfig;
  readonly gh: GitHubTransport;
  readonly supportRepo: string;
}): Promise<void> {
  const { service, config, supportRepo } = params;
  if (!service.notifier.can.slack && !service.notifier.can.email) return;
  const rota = await readRota({
    gh: params.gh,
    reader: service.reader,
    repo: supportRepo,
    dir: config.rota.dir,
    maxAgeMs: service.sweepConfigMaxAgeMs,
  });
  if (!rota) return;
  const event = weeklyAnnouncementEvent({
    rota,
    now: service.now(),
    zone: config.timezone,
    link: `https://github.com/${supportRepo}/issues?q=label%3A%22rota%3A+announcement%22`,
    settings: announcementSettings(config),
  });
  if (!event) return;
  const key = `announce:${supportRepo.toLowerCase()}`;
  if ((await service.memory.lastRun(key)) === event.id) return;
  await service.memory.recordRun(key, event.id);
  await notifyEvents({ service, gh: params.gh, repo: supportRepo, config, events: [event] });
}
