import type { WorkingCalendar } from "../time/calendar.js";

/** One out-of-hours alert a person dealt with: what a TOIL claim is made of. Times are epoch milliseconds. */
export interface ToilAlert {
  readonly id: string;
  readonly login: string;
  readonly at: number;
  /** Whether the alert woke the person up. */
  readonly woke: boolean;
  /** Minutes spent working on it. */
  readonly workedMinutes: number;
}

/** Alerts that count as one for TOIL: all within an hour of the group's first alert. */
export interface ToilGroup {
  /** The instant of the group's first alert. */
  readonly start: number;
  /** The ids of the alerts in the group, in time order. */
  readonly alerts: readonly string[];
  readonly woke: boolean;
  /** Worked minutes summed over the group. */
  readonly workedMinutes: number;
  /** 0.5 when any alert woke the person, else 0.25. */
  readonly base: number;
  /** 0.25 for every started hour of work beyond the first. */
  readonly extra: number;
  readonly days: number;
}

/** One person's TOIL. */
export interface PersonToil {
  readonly login: string;
  readonly days: number;
  readonly groups: readonly ToilGroup[];
}

/** The TOIL of everyone in an alert log, and the alerts that did not count. */
export interface ToilReport {
  /** People in login order, each with their groups in time order. */
  readonly people: readonly PersonToil[];
  /** Alerts inside working hours: first line support answers those, so they earn nothing. */
  readonly inHours: readonly ToilAlert[];
}

const HOUR_MS = 3_600_000;

/** Whether an instant falls inside the calendar's working time (a bank holiday has none). */
export function isWorkingInstant(calendar: WorkingCalendar, ms: number): boolean {
  return calendar.dayOf(ms).intervals.some(([open, close]) => ms >= open && ms < close);
}

/**
 * TOIL in quarter days for one group (DOMAIN section 6): 2 quarters when any alert woke the
 * person, else 1, plus one quarter for every started hour of work beyond the first.
 */
export function groupQuarters(params: { readonly woke: boolean; readonly workedMinutes: number }): {
  readonly base: number;
  readonly extra: number;
} {
  const base = params.woke ? 2 : 1;
  const extra = params.workedMinutes > 60 ? Math.ceil((params.workedMinutes - 60) / 60) : 0;
  return { base, extra };
}

/**
 * Groups one person's out-of-hours alerts: a group starts with an alert, and every alert less
 * than 60 minutes after the group's first alert joins it; the next one starts a new group.
 */
export function groupAlerts(alerts: readonly ToilAlert[]): ToilGroup[] {
  const sorted = [...alerts].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const groups: ToilAlert[][] = [];
  for (const alert of sorted) {
    const current = groups[groups.length - 1];
    const first = current?.[0];
    if (current && first && alert.at - first.at < HOUR_MS) current.push(alert);
    else groups.push([alert]);
  }
  return groups.map((members) => {
    const woke = members.some((a) => a.woke);
    const workedMinutes = members.reduce((sum, a) => sum + a.workedMinutes, 0);
    const quarters = groupQuarters({ woke, workedMinutes });
    // Quarters are exact in binary floating point, so these sums and divisions are exact.
    return {
      start: members[0]?.at ?? 0,
      alerts: members.map((a) => a.id),
      woke,
      workedMinutes,
      base: quarters.base / 4,
      extra: quarters.extra / 4,
      days: (quarters.base + quarters.extra) / 4,
    };
  });
}

/**
 * Computes TOIL per person from an alert log, in any order. Alerts inside working hours of the
 * calendar do not count (a bank holiday is out of hours all day); the rest are grouped per person.
 */
export function computeToil(params: {
  readonly alerts: readonly ToilAlert[];
  readonly calendar: WorkingCalendar;
}): ToilReport {
  const { alerts, calendar } = params;
  const inHours: ToilAlert[] = [];
  const byLogin = new Map<string, ToilAlert[]>();
  for (const alert of alerts) {
    if (isWorkingInstant(calendar, alert.at)) {
      inHours.push(alert);
      continue;
    }
    const key = alert.login.toLowerCase();
    const list = byLogin.get(key) ?? [];
    list.push(alert);
    byLogin.set(key, list);
  }
  const people = [...byLogin.values()]
    .map((list) => {
      const groups = groupAlerts(list);
      const quarters = groups.reduce((sum, g) => sum + (g.base + g.extra) * 4, 0);
      return { login: list[0]?.login ?? "", days: quarters / 4, groups };
    })
    .sort((a, b) => (a.login.toLowerCase() < b.login.toLowerCase() ? -1 : 1));
  return { people, inHours: [...inHours].sort((a, b) => a.at - b.at) };
}
