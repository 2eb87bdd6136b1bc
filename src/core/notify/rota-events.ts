import type { SlotChange, SlotValue } from "../rota/change.js";
import { planAnnouncement } from "../rota/announcement.js";
import type { Person, Rota } from "../rota/types.js";
import { weekStart } from "../rota/week.js";
import type { WokenNotice } from "../paging/woken.js";
import type { NotifyEvent } from "./events.js";
import { plainNotice } from "./ticket-events.js";

function shown(value: SlotValue): string {
  if (value === null) return "nobody";
  if (typeof value === "string") return value;
  return value.length === 0 ? "nobody" : value.join(", ");
}

/**
 * A merged rota change as one event for everyone it moves and their delivery leads: what changed,
 * from which week, and the pull request. Keyed by the commit, so the same push seen again is the
 * same event.
 */
export function rotaChangeEvent(params: {
  readonly changes: readonly SlotChange[];
  readonly people: readonly Pick<Person, "login" | "deliveryLead">[];
  readonly commit: string;
  readonly link: string;
  readonly at: number;
}): NotifyEvent | null {
  const { changes } = params;
  if (changes.length === 0) return null;
  const affected = [
    ...new Set(changes.flatMap((c) => [...c.added, ...c.removed]).map((l) => l.toLowerCase())),
  ];
  const leads = affected.flatMap((login) => {
    const lead = params.people.find((p) => p.login.toLowerCase() === login)?.deliveryLead;
    return lead ? [lead.toLowerCase()] : [];
  });
  const from = [...changes].map((c) => c.week).sort()[0] ?? "";
  return {
    id: `rota-change:${params.commit}`,
    kind: "rota-change",
    at: params.at,
    headline: `Rota changed from the week of ${from}`,
    details: changes.map((c) => `Week ${c.week}, ${c.slot}: ${shown(c.from)} → ${shown(c.to)}`),
    people: [...new Set([...affected, ...leads])].sort(),
    link: params.link,
  };
}

/** The weekly announcement at handover, for the support channel and those who opted in to the email. */
export function announcementEvent(params: {
  readonly week: string;
  readonly title: string;
  readonly lines: readonly string[];
  readonly people: readonly Pick<Person, "login" | "announcements">[];
  readonly link: string;
  readonly at: number;
}): NotifyEvent {
  return {
    id: `rota-week:${params.week}`,
    kind: "rota-announcement",
    at: params.at,
    headline: params.title,
    details: params.lines,
    people: params.people.filter((p) => p.announcements === true).map((p) => p.login.toLowerCase()),
    link: params.link,
  };
}

/** The morning note to a delivery lead that someone was woken in the night (posted on GitHub too). */
export function wokenEvent(params: {
  readonly notice: Pick<WokenNotice, "key" | "lead" | "title" | "body">;
  readonly link: string;
  readonly at: number;
}): NotifyEvent {
  const { notice } = params;
  return {
    id: `woken:${notice.key}`,
    kind: "woken",
    at: params.at,
    headline: notice.title,
    details: [plainNotice(notice.body)],
    people: [notice.lead.toLowerCase()],
    link: params.link,
  };
}

/** How long after the handover the week's announcement is still sent (a sweep may be late, not a day late). */
const ANNOUNCE_WITHIN_MS = 12 * 3600_000;

/**
 * The week's announcement as an event, due from the handover for a few hours: the support
 * channel and everyone who opted in (`announcements: true`) hear who is on this week.
 */
export function weeklyAnnouncementEvent(params: {
  readonly rota: Rota;
  readonly now: number;
  readonly zone: string;
  readonly link: string;
  /** From `announcementSettings(config)`. */
  readonly settings: { readonly workingHours: string; readonly escalationAfterMinutes: number | null };
}): NotifyEvent | null {
  const { rota, now, zone } = params;
  const announcement = planAnnouncement({ rota, now, zone, ...params.settings });
  const started = weekStart({ week: announcement.week, zone }).toMillis();
  if (now < started || now - started > ANNOUNCE_WITHIN_MS) return null;
  const lines = announcement.body
    .split("\n")
    .filter((line) => line.startsWith("- "))
    .map((line) => plainNotice(line.slice(2)));
  return announcementEvent({
    week: announcement.week,
    title: announcement.title,
    lines,
    people: rota.people,
    link: params.link,
    at: now,
  });
}
