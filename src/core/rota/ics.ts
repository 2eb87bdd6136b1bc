import ical from "ical-generator";
import type { DateTime } from "luxon";
import type { Person, Rota, Slot } from "./types.js";
import { slotHolders, SUPPORT_SLOTS, ON_CALL_SLOTS } from "./types.js";
import { vtimezone } from "./vtimezone.js";
import { addDays, HANDOVER_CLOCK, HANDOVER_TEXT, isWednesday, weekEnd, weekStart } from "./week.js";
import { onCallDayStart } from "./overrides.js";

const SUMMARY: Record<Slot, string> = {
  developer: "First line support (developer)",
  operations: "First line support (operations)",
  shadow: "Shadowing first line support",
  primary: "On call (primary)",
  secondLine: "On call (second line)",
};

const DESCRIPTION: Record<Slot, string> = {
  developer: "In-hours first line support, developer slot: tickets, alerts and maintenance in working hours.",
  operations:
    "In-hours first line support, operations slot: tickets, alerts and maintenance in working hours.",
  shadow: "Shadowing this week's first line support pair.",
  primary: "Out-of-hours on call: critical alerts and urgent tickets of clients with out-of-hours cover.",
  secondLine: "Second line on call: escalations when the primary does not acknowledge a page in time.",
};

/** The stable UID of a slot's event, the same in the whole rota's calendar and in a person's. */
export function slotUid(week: string, slot: Slot): string {
  return `${week}-${slot}@firstline`;
}

function nameOf(people: ReadonlyMap<string, Person>, login: string): string {
  const person = people.get(login);
  return person ? `${person.name} (${login})` : login;
}

/**
 * The rota as an iCalendar file: one event per slot and week, from Wednesday 10:00 to the next
 * Wednesday 10:00 local (with the zone's VTIMEZONE, so times are right across daylight saving),
 * a stable UID per slot and a summary that names the role. With `login`, only that person's slots.
 * `stamp` is the DTSTAMP of every event (the shell passes the time it writes the file).
 */
export function rotaCalendar(params: {
  readonly rota: Rota;
  readonly zone: string;
  readonly stamp: DateTime;
  readonly login?: string | undefined;
}): string {
  const { rota, zone, stamp, login } = params;
  const people = new Map(rota.people.map((person) => [person.login, person]));
  const events: { week: string; slot: Slot; holders: string[] }[] = [];
  for (const [slots, weeks] of [
    [SUPPORT_SLOTS, Object.keys(rota.support)],
    [ON_CALL_SLOTS, Object.keys(rota.onCall)],
  ] as const) {
    for (const week of weeks.filter(isWednesday).sort()) {
      for (const slot of slots) {
        const holders = slotHolders({ rota, week, slot });
        if (holders.length > 0 && (login === undefined || holders.includes(login)))
          events.push({ week, slot, holders });
      }
    }
  }
  events.sort((a, b) => a.week.localeCompare(b.week));
  const first = events[0]?.week;
  const last = events[events.length - 1]?.week;
  const window =
    first === undefined || last === undefined
      ? { from: stamp.minus({ years: 1 }), to: stamp.plus({ years: 1 }) }
      : {
          from: weekStart({ week: first, zone }).minus({ years: 1 }),
          to: weekEnd({ week: last, zone }).plus({ years: 1 }),
        };
  const calendar = ical({
    name: login === undefined ? "Firstline rota" : `Firstline rota: ${nameOf(people, login)}`,
    prodId: { company: "Firstline", product: "rota", language: "EN" },
    timezone: { name: null, generator: (tz) => vtimezone({ zone: tz, ...window }) },
  });
  for (const { week, slot, holders } of events) {
    calendar.createEvent({
      id: slotUid(week, slot),
      start: weekStart({ week, zone }),
      end: weekEnd({ week, zone }),
      timezone: zone,
      stamp: stamp.toUTC(),
      summary: `${SUMMARY[slot]}: ${holders.join(", ")}`,
      description: `${DESCRIPTION[slot]}\nWeek ${week}, ${HANDOVER_TEXT} to ${HANDOVER_TEXT} (${zone}).\n${holders.map((holder) => nameOf(people, holder)).join(", ")}`,
    });
  }
  // Single-night cover (overrides.yml): one event per night, in the calendars of both people.
  for (const o of rota.overrides ?? []) {
    if (login !== undefined && login !== o.by && login !== o.covers) continue;
    const start = onCallDayStart({ date: o.date, zone });
    const what = o.slot === "primary" ? "On call cover (primary)" : "On call cover (second line)";
    calendar.createEvent({
      id: `${o.date}-${o.slot}-cover@firstline`,
      start,
      end: onCallDayStart({ date: addDays(o.date, 1), zone }),
      timezone: zone,
      stamp: stamp.toUTC(),
      summary: `${what}: ${o.by} for ${o.covers}`,
      description: `${nameOf(people, o.by)} covers ${nameOf(people, o.covers)} from ${HANDOVER_CLOCK} to ${HANDOVER_CLOCK} (${zone}).\nWhy: ${o.reason}`,
    });
  }
  return calendar.toString();
}
