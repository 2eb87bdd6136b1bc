import { DateTime } from "luxon";
import { onCallDayStart, withOverrides } from "../rota/overrides.js";
import type { Rota } from "../rota/types.js";
import { addDays, weekOfDate } from "../rota/week.js";

/** A PagerDuty schedule override: who is on call from `start` to `end` (epoch milliseconds). */
export interface ScheduleOverride {
  readonly start: number;
  readonly end: number;
  readonly userId: string;
}

/** What to change on a PagerDuty schedule so that it says what the rota says. */
export interface ScheduleSync {
  readonly create: readonly ScheduleOverride[];
  /** Ids of overrides to delete (PagerDuty truncates one already running at the deletion). */
  readonly remove: readonly string[];
  /** Logins the rota names who have no PagerDuty user id in `users`: their days are left alone. */
  readonly unmapped: readonly string[];
}

/**
 * The overrides a PagerDuty schedule needs over the next `days` on-call days so that it pages
 * whoever the rota (with its single-night cover) names for a slot: one override per run of days
 * with the same person, from 10:00 to 10:00 local. An existing override with the same person and
 * end is kept (its start may be in the past); any other in the window is removed. Compute the
 * difference, then apply it: a second run with nothing changed plans nothing.
 */
export function planScheduleSync(params: {
  readonly rota: Pick<Rota, "onCall" | "overrides">;
  readonly slot: "primary" | "secondLine";
  readonly users: Readonly<Record<string, string>>;
  readonly existing: readonly (ScheduleOverride & { readonly id: string })[];
  readonly now: number;
  readonly days: number;
  readonly zone: string;
}): ScheduleSync {
  const { rota, slot, users, now, zone } = params;
  const today = DateTime.fromMillis(now, { zone });
  const firstDay = today.hour < 10 ? (today.minus({ days: 1 }).toISODate() ?? "") : (today.toISODate() ?? "");
  const wanted: { login: string; start: number; end: number }[] = [];
  const unmapped = new Set<string>();
  for (let i = 0; i < params.days; i++) {
    const day = addDays(firstDay, i);
    const week = rota.onCall[weekOfDate(day)];
    const on = withOverrides({
      onCall: { primary: week?.primary ?? null, secondLine: week?.secondLine ?? [] },
      overrides: rota.overrides ?? [],
      day,
    });
    const login = slot === "primary" ? on.primary : (on.secondLine[0] ?? null);
    const start = onCallDayStart({ date: day, zone }).toMillis();
    const end = onCallDayStart({ date: addDays(day, 1), zone }).toMillis();
    if (!login) continue;
    const last = wanted[wanted.length - 1];
    if (last && last.login === login && last.end === start) last.end = end;
    else wanted.push({ login, start, end });
  }
  const desired: ScheduleOverride[] = [];
  for (const span of wanted) {
    const userId = users[span.login];
    if (!userId) {
      unmapped.add(span.login);
      continue;
    }
    desired.push({ start: Math.max(span.start, Math.floor(now / 60_000) * 60_000), end: span.end, userId });
  }
  const kept = new Set<string>();
  const create: ScheduleOverride[] = [];
  for (const want of desired) {
    const match = params.existing.find(
      (e) => !kept.has(e.id) && e.userId === want.userId && e.end === want.end && e.start <= want.start,
    );
    if (match) kept.add(match.id);
    else create.push(want);
  }
  const remove = params.existing.filter((e) => !kept.has(e.id) && e.end > now).map((e) => e.id);
  return { create, remove, unmapped: [...unmapped].sort() };
}
