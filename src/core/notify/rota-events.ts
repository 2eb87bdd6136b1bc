import type { SlotChange, SlotValue } from "../rota/change.js";
import type { Person } from "../rota/types.js";
import type { NotifyEvent } from "./events.js";

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
