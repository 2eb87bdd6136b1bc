import { DateTime } from "luxon";
import { minutesInWords } from "../alerts/alert-text.js";
import type { FirstlineConfig } from "../config/firstline-config.js";
import { describeWeek } from "../time/calendar.js";
import { mention } from "../markdown/safe-text.js";
import type { Rota } from "./types.js";
import { addDays, weekAt, weekStart } from "./week.js";
import { marker, rotaWeekKey } from "../markers.js";

export const ANNOUNCEMENT_LABEL = "rota: announcement";

/** The weekly announcement of who is on: one issue per week, planned from the rota. */
export interface Announcement {
  readonly week: string;
  readonly title: string;
  readonly body: string;
  readonly marker: string;
  /** Who to assign: this week's support pair. */
  readonly assignees: readonly string[];
  /** Everyone on first line support this week (the pair): a team kept in step with it. */
  readonly onSupport: readonly string[];
}

function nameOf(rota: Rota, login: string | null | undefined): string {
  if (!login) return "nobody (the rota has a gap: fix it with a pull request)";
  const person = rota.people.find((p) => p.login.toLowerCase() === login.toLowerCase());
  return person ? `${person.name} (${mention(login)})` : mention(login);
}

/** What the announcement says from the configuration: first line's hours and the first escalation delay. */
export function announcementSettings(config: Pick<FirstlineConfig, "workingHours" | "alerts">): {
  readonly workingHours: string;
  readonly escalationAfterMinutes: number | null;
} {
  return {
    workingHours: describeWeek(config.workingHours),
    escalationAfterMinutes: config.alerts.escalation[0]?.afterMinutes ?? null,
  };
}

/** The marker that finds a week's announcement again. */
export function announcementMarker(week: string): string {
  return marker(rotaWeekKey(week));
}

/**
 * The announcement for the week running at `now`: this week's pair and on-call people, next week's
 * pair, and a reminder to everyone whose slot starts next week. It depends only on the rota and the
 * week, so publishing it again changes nothing.
 */
export function planAnnouncement(params: {
  readonly rota: Rota;
  readonly now: number;
  readonly zone: string;
  /** First line's working hours in words, from the configuration (`describeWeek`). */
  readonly workingHours: string;
  /** Minutes before the first escalation step, from the configuration; null when there is none. */
  readonly escalationAfterMinutes: number | null;
}): Announcement {
  const { rota, zone } = params;
  const week = weekAt({ at: DateTime.fromMillis(params.now, { zone }), zone });
  const next = addDays(week, 7);
  const start = weekStart({ week, zone }).setLocale("en-GB");
  const support = rota.support[week];
  const onCall = rota.onCall[week];
  const nextSupport = rota.support[next];
  const nextOnCall = rota.onCall[next];
  const upcoming = [
    ...new Set(
      [nextSupport?.developer, nextSupport?.operations, nextOnCall?.primary].filter((l): l is string =>
        Boolean(l),
      ),
    ),
  ];
  const pair = [support?.developer, support?.operations].filter((l): l is string => Boolean(l));
  const marker = announcementMarker(week);
  const body = [
    `## First line support, week of ${start.toFormat("ccc d LLL yyyy")}`,
    "",
    `From ${start.toFormat("ccc d LLL HH:mm ZZZZ")} to ${weekStart({ week: next, zone }).setLocale("en-GB").toFormat("ccc d LLL HH:mm ZZZZ")}, first line support works ${params.workingHours}:`,
    "",
    `- Developer: ${nameOf(rota, support?.developer)}`,
    `- Operations engineer: ${nameOf(rota, support?.operations)}`,
    ...(support?.shadow && support.shadow.length > 0
      ? [`- Shadowing: ${support.shadow.map((s) => nameOf(rota, s)).join(", ")}`]
      : []),
    "",
    "## On call out of hours",
    "",
    `- Primary: ${nameOf(rota, onCall?.primary)}`,
    `- Second line${params.escalationAfterMinutes === null ? "" : ` (after ${minutesInWords(params.escalationAfterMinutes)} without acknowledgement)`}: ${onCall && onCall.secondLine.length > 0 ? onCall.secondLine.map((s) => nameOf(rota, s)).join(", ") : "nobody"}`,
    "",
    "## Next week",
    "",
    `- Developer: ${nameOf(rota, nextSupport?.developer)}`,
    `- Operations engineer: ${nameOf(rota, nextSupport?.operations)}`,
    `- On call: ${nameOf(rota, nextOnCall?.primary)}`,
    "",
    ...(upcoming.length > 0
      ? [
          `Reminder for ${upcoming.map(mention).join(" ")}: your slot starts next week. Need to swap? Open a pull request against \`rota/\` at least a week ahead.`,
          "",
        ]
      : []),
    "<sub>Published by Firstline from `rota/`. This issue is closed when the next week's is published.</sub>",
    marker,
  ].join("\n");
  return {
    week,
    title: `Support rota: week of ${start.toFormat("ccc d LLL yyyy")}`,
    body,
    marker,
    assignees: pair,
    onSupport: pair,
  };
}
