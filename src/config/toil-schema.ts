import { DateTime } from "luxon";
import * as z from "zod";
import type { ToilAlert } from "../core/toil/toil.js";
import { login } from "../core/config/config-schema.js";

const instant = z.string().transform((text, ctx) => {
  const parsed = DateTime.fromISO(text, { setZone: true });
  if (!parsed.isValid || !/(Z|[+-]\d\d:?\d\d)$/i.test(text)) {
    ctx.addIssue({ code: "custom", message: `"${text}" is not an ISO 8601 instant with an offset` });
    return z.NEVER;
  }
  return parsed.toMillis();
});

/** One alert of a TOIL alert log (`ALERTS.json` of `firstline toil`). */
export const toilAlertSchema = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(200)
    .meta({ description: "The alert's id, such as the alert issue acme/website#12; shown in each group." }),
  login: login.meta({ description: "Who was alerted." }),
  at: instant.meta({ description: "When the alert came in, ISO 8601 with an offset." }),
  woke: z.boolean().meta({ description: "Whether the alert woke the person up." }),
  workedMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .meta({ description: "Minutes worked on the alert." }),
}) satisfies z.ZodType<ToilAlert, unknown>;

/** A TOIL alert log: the same alert is listed once per person. */
export const toilAlertLogSchema = z.array(toilAlertSchema).superRefine((alerts, ctx) => {
  const seen = new Set<string>();
  alerts.forEach((alert, index) => {
    const key = `${alert.login.toLowerCase()}\u0000${alert.id}`;
    if (seen.has(key))
      ctx.addIssue({
        code: "custom",
        path: [index, "id"],
        message: `alert "${alert.id}" is listed twice for ${alert.login}`,
      });
    seen.add(key);
  });
});
