import { z } from "zod";
import { planScheduleSync, type ScheduleSync } from "../core/paging/pagerduty-schedule.js";
import type { PagerConfig } from "../core/paging/pagers-of.js";
import type { Rota } from "../core/rota/types.js";
import type { PagerTransport } from "./send-pager-request.js";

type PagerDutyConfig = Extract<PagerConfig, { kind: "pagerduty" }>;

/** How far ahead the schedules are kept in step: two weeks of on-call days. */
const SYNC_DAYS = 14;

const overridesAnswer = z.object({
  overrides: z
    .array(
      z.object({
        id: z.string().max(100),
        start: z.string().max(40),
        end: z.string().max(40),
        user: z.object({ id: z.string().max(100) }),
      }),
    )
    .max(1000),
});

/** What a schedule sync did, per slot. */
export interface ScheduleSyncResult {
  readonly slot: "primary" | "secondLine";
  readonly schedule: string;
  readonly plan: ScheduleSync | null;
  readonly problem: string | null;
}

/**
 * Keeps the PagerDuty schedules named in the configuration (`schedules.primary`,
 * `schedules.secondLine`) in step with the rota through the REST API's schedule overrides, so the
 * person PagerDuty pages is the one the rota (and its single-night cover) names. The token comes
 * from FIRSTLINE_PAGERDUTY_API_TOKEN.
 */
export async function syncPagerDutySchedules(params: {
  readonly pager: PagerDutyConfig;
  readonly rota: Pick<Rota, "onCall" | "overrides">;
  readonly token: string | undefined;
  readonly transport: PagerTransport;
  readonly zone: string;
}): Promise<ScheduleSyncResult[]> {
  const { pager, rota, token, transport, zone } = params;
  const results: ScheduleSyncResult[] = [];
  const api = pager.apiUrl.replace(/\/+$/, "");
  const headers = {
    authorization: `Token token=${token ?? ""}`,
    accept: "application/vnd.pagerduty+json;version=2",
    "content-type": "application/json",
  };
  for (const slot of ["primary", "secondLine"] as const) {
    const schedule = pager.schedules[slot];
    if (!schedule) continue;
    if (!token) {
      results.push({ slot, schedule, plan: null, problem: "FIRSTLINE_PAGERDUTY_API_TOKEN is not set" });
      continue;
    }
    const now = transport.now();
    const since = new Date(now - 24 * 3600_000).toISOString();
    const until = new Date(now + (SYNC_DAYS + 2) * 24 * 3600_000).toISOString();
    const base = `${api}/schedules/${encodeURIComponent(schedule)}/overrides`;
    const listed = await transport.fetch(
      `${base}?since=${encodeURIComponent(since)}&until=${encodeURIComponent(until)}`,
      { headers, signal: AbortSignal.timeout(10_000) },
    );
    if (!listed.ok) {
      results.push({ slot, schedule, plan: null, problem: `listing overrides answered ${listed.status}` });
      continue;
    }
    const parsed = overridesAnswer.safeParse(await listed.json());
    if (!parsed.success) {
      results.push({
        slot,
        schedule,
        plan: null,
        problem: "PagerDuty's list of overrides was not understood",
      });
      continue;
    }
    const existing = parsed.data.overrides.map((o) => ({
      id: o.id,
      start: Date.parse(o.start),
      end: Date.parse(o.end),
      userId: o.user.id,
    }));
    const plan = planScheduleSync({ rota, slot, users: pager.users, existing, now, days: SYNC_DAYS, zone });
    let problem: string | null = null;
    for (const id of plan.remove) {
      const removed = await transport.fetch(`${base}/${encodeURIComponent(id)}`, {
        method: "DELETE",
        headers,
        signal: AbortSignal.timeout(10_000),
      });
      if (!removed.ok) problem = `deleting override ${id} answered ${removed.status}`;
    }
    if (plan.create.length > 0) {
      const body = {
        overrides: plan.create.map((o) => ({
          start: new Date(o.start).toISOString(),
          end: new Date(o.end).toISOString(),
          user: { id: o.userId, type: "user_reference" },
        })),
      };
      const created = await transport.fetch(base, {
        method: "POST",
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      if (!created.ok) problem = `creating overrides answered ${created.status}`;
    }
    results.push({ slot, schedule, plan, problem });
  }
  return results;
}
