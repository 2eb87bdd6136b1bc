import type { ClientWork, DateRange, Person } from "./types.js";
import { overlapsWeek } from "./week.js";

/** The away period of a person that touches a week, if any. */
export function awayDuring(person: Person, week: string): DateRange | undefined {
  return person.away.find((range) => overlapsWeek(range, week));
}

/** The client work of a person that touches a week, if any. */
export function clientWorkDuring(person: Person, week: string): ClientWork | undefined {
  return person.clientWork.find((range) => overlapsWeek(range, week));
}

/** `2026-12-21 to 2027-01-01`, or one date when the range is a single day. */
export function describeRange(range: DateRange): string {
  return range.from === range.to ? range.from : `${range.from} to ${range.to}`;
}

/** Why a person cannot take a week, in words, or undefined when they can. */
export function unavailability(person: Person, week: string): string | undefined {
  const away = awayDuring(person, week);
  if (away) return `away ${describeRange(away)}`;
  const work = clientWorkDuring(person, week);
  if (work) return `on client work (${work.project}) ${describeRange(work)}`;
  return undefined;
}
