import { notifyEvents } from "./notify-tickets.js";
import { wokenEvent } from "../core/notify/rota-events.js";
import { DateTime } from "luxon";
import type { FirstlineConfig } from "../core/config/firstline-config.js";
import { pagersOf } from "../core/paging/pagers-of.js";
import { wokenNoticeDue } from "../core/paging/woken.js";
import { coversFromComments } from "../core/rota/cover-command.js";
import { readRota } from "../github/load-responders.js";
import { searchOpenTicketsReporting } from "../github/search-tickets.js";
import type { GitHubTransport } from "../github/transport.js";
import { tellWokenToLeads } from "../github/woken-notices.js";
import { syncPagerDutySchedules } from "../pagers/pagerduty-schedules.js";
import type { FirstlineService } from "./service.js";

/**
 * The on-call upkeep each sweep does for one configuration: tonight's `/cover` read back from the
 * support repository (after a restart), PagerDuty's schedules kept in step with the rota once an
 * hour, and the morning's notices to the delivery leads of people woken in the night.
 */
export async function onCallUpkeep(params: {
  readonly service: FirstlineService;
  readonly config: FirstlineConfig;
  readonly supportGh: GitHubTransport;
  readonly supportRepo: string;
  readonly searches: readonly { readonly gh: GitHubTransport; readonly repos: readonly string[] }[];
  readonly botLogin: string;
  readonly log: { warn: (obj: object, msg?: string) => void };
}): Promise<void> {
  const { service, config, supportGh, supportRepo, searches, botLogin, log } = params;
  // Tonight's cover set with /cover is recorded in the support repository's comments: reloaded here after a restart.
  try {
    const since = new Date(service.now() - 36 * 3600_000).toISOString().slice(0, 10);
    const { tickets: recent } = await searchOpenTicketsReporting({
      gh: supportGh,
      repos: [supportRepo],
      botLogin,
      qualifiers: `is:issue updated:>=${since}`,
    });
    const covers = coversFromComments({ comments: recent.flatMap((t) => t.comments), botLogin });
    if (covers.length > 0) await service.memory.setCovers(supportRepo, covers);
  } catch {
    // The support repository's comments cannot be read: covers set in this process still hold.
  }
  // PagerDuty's schedules follow the rota (and its single-night cover), checked once an hour.
  const hour = DateTime.fromMillis(service.now(), { zone: config.timezone }).toFormat("yyyy-MM-dd'T'HH");
  const pagerDuty = pagersOf(config.alerts).find((p) => p.kind === "pagerduty");
  if (
    pagerDuty?.kind === "pagerduty" &&
    (pagerDuty.schedules.primary || pagerDuty.schedules.secondLine) &&
    (await service.memory.lastRun(`pd-schedules:${supportRepo}`)) !== hour
  ) {
    const rota = await readRota({
      gh: supportGh,
      reader: service.reader,
      repo: supportRepo,
      dir: config.rota.dir,
    });
    if (rota) {
      const covers = await service.memory.covers(supportRepo);
      const synced = await syncPagerDutySchedules({
        pager: pagerDuty,
        rota: { ...rota, overrides: [...(rota.overrides ?? []), ...covers] },
        token: service.env["FIRSTLINE_PAGERDUTY_API_TOKEN"],
        transport: service.pagerTransport,
        zone: config.timezone,
      });
      for (const result of synced)
        if (result.problem || (result.plan?.unmapped.length ?? 0) > 0)
          log.warn(
            { schedule: result.schedule, problem: result.problem, unmapped: result.plan?.unmapped },
            "PagerDuty schedule not fully in step with the rota",
          );
      await service.memory.recordRun(`pd-schedules:${supportRepo}`, hour);
    }
  }
  // People woken in the night: their delivery leads are told at `alerts.woken.tellAt`, once a morning.
  const morning = DateTime.fromMillis(service.now(), { zone: config.timezone }).toISODate() ?? "";
  const wokenKey = `woken:${supportRepo.toLowerCase()}`;
  if (
    (await service.memory.lastRun(wokenKey)) !== morning &&
    service.now() >= wokenNoticeDue({ morning, woken: config.alerts.woken, zone: config.timezone })
  ) {
    await tellWokenToLeads({
      config,
      supportGh,
      supportRepo,
      searches,
      reader: service.reader,
      botLogin,
      now: service.now(),
      onPosted: (notice, issue) =>
        notifyEvents({
          service,
          gh: supportGh,
          repo: supportRepo,
          config,
          events: [wokenEvent({ notice, link: issue.url, at: service.now() })],
        }),
    });
    await service.memory.recordRun(wokenKey, morning);
  }
}
