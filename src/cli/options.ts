import { DateTime } from "luxon";
import * as z from "zod";

/** An ISO 8601 instant with an offset (`2026-12-24T17:30:00Z`, `2026-12-24T17:30:00+01:00`). */
export const instantOption = z.string().transform((text, ctx) => {
  const parsed = DateTime.fromISO(text, { setZone: true });
  if (!parsed.isValid || !/(Z|[+-]\d\d:?\d\d)$/i.test(text)) {
    ctx.addIssue({ code: "custom", message: `"${text}" is not an ISO 8601 instant with an offset, such as 2026-12-24T17:30:00Z` });
    return z.NEVER;
  }
  return parsed.toUTC();
});

/** A local calendar date, `YYYY-MM-DD`. */
export const dateOption = z.string().refine((text) => /^\d{4}-\d\d-\d\d$/.test(text) && DateTime.fromISO(text).isValid, {
  message: "must be a date such as 2026-12-02",
});

export const priorityOption = z.enum(["P1", "P2", "P3", "P4"], { message: "must be one of P1, P2, P3, P4" });
