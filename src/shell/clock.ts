import { DateTime } from "luxon";

/**
 * The one place time enters Firstline's shells. Production reads the system clock; the demo, the
 * emulator scenarios and tests set FIRSTLINE_NOW (an ISO instant) or pass their own clock.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock fixed at an instant, or the system clock when `FIRSTLINE_NOW` is not set. */
export function clockFromEnv(env: Readonly<Record<string, string | undefined>>): Clock {
  const fixed = env["FIRSTLINE_NOW"];
  if (fixed === undefined || fixed === "") return systemClock;
  const at = new Date(fixed);
  if (Number.isNaN(at.getTime())) throw new Error(`FIRSTLINE_NOW is not an ISO instant: "${fixed}"`);
  return () => new Date(at.getTime());
}

/** The local calendar date (`YYYY-MM-DD`) of an instant in an IANA zone: "today" for the commands. */
export function localDateOf(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISODate() ?? "";
}
