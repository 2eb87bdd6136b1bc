import { DateTime } from "luxon";
import * as z from "zod";

/** The years an instant may fall in: wide enough for any ticket, narrow enough for any calendar. */
const FIRST_YEAR = 1970;
const LAST_YEAR = 2199;

/** An ISO 8601 instant with an offset (`2026-12-24T17:30:00Z`, `2026-12-24T17:30:00+01:00`). */
export const instantOption = z.string().transform((text, ctx) => {
  const offset = /(?:Z|([+-])(\d\d):?(\d\d))$/i.exec(text);
  const parsed = DateTime.fromISO(text, { setZone: true });
  if (!parsed.isValid || !offset || !/^\d{4}-/.test(text)) {
    ctx.addIssue({
      code: "custom",
      message: `"${text}" is not an ISO 8601 instant with an offset, such as 2026-12-24T17:30:00Z`,
    });
    return z.NEVER;
  }
  // Real offsets run from -12:00 to +14:00, in whole minutes of an hour.
  const minutes = Number(offset[2] ?? 0) * 60 + Number(offset[3] ?? 0);
  if (Number(offset[3] ?? 0) > 59 || minutes > 14 * 60) {
    ctx.addIssue({
      code: "custom",
      message: `"${text}" has an impossible offset: offsets run from -12:00 to +14:00`,
    });
    return z.NEVER;
  }
  const utc = parsed.toUTC();
  if (utc.year < FIRST_YEAR || utc.year > LAST_YEAR) {
    ctx.addIssue({
      code: "custom",
      message: `"${text}" is out of range: give an instant between ${FIRST_YEAR} and ${LAST_YEAR}`,
    });
    return z.NEVER;
  }
  return utc;
});

/** A local calendar date, `YYYY-MM-DD`. */
export const dateOption = z
  .string()
  .refine((text) => /^\d{4}-\d\d-\d\d$/.test(text) && DateTime.fromISO(text).isValid, {
    message: "must be a date such as 2026-12-02",
  });

export const priorityOption = z.enum(["P1", "P2", "P3", "P4"], { message: "must be one of P1, P2, P3, P4" });
