import { DateTime } from "luxon";
import * as z from "zod";
import { ALERT_SEVERITIES, FINGERPRINT_PATTERN } from "../core/alerts/alert.js";

/** Alertmanager writes Go's zero time as the end of an alert that still fires. */
const GO_ZERO_TIME = /^0001-01-01T00:00:00(\.0+)?Z$/;

/** An ISO 8601 instant with an offset, as epoch milliseconds (Alertmanager writes nanoseconds). */
const instant = z
  .string()
  .max(64)
  .transform((text, ctx) => {
    const parsed = DateTime.fromISO(text, { setZone: true });
    if (!parsed.isValid || !/(Z|[+-]\d\d:?\d\d)$/i.test(text)) {
      ctx.addIssue({
        code: "custom",
        message: `"${text.slice(0, 40)}" is not an ISO 8601 instant with an offset`,
      });
      return z.NEVER;
    }
    return parsed.toMillis();
  });

/** An instant, or null for Alertmanager's zero time and an empty string. */
const optionalInstant = z.union([
  z.literal("").transform(() => null),
  z
    .string()
    .regex(GO_ZERO_TIME)
    .transform(() => null),
  instant,
]);

const text = (max: number) => z.string().max(max);

/** Labels and annotations: string to string, bounded so one payload cannot flood an issue. */
const stringMap = z
  .record(text(200), text(10_000))
  .refine((map) => Object.keys(map).length <= 100, { message: "has more than 100 entries" });

const fingerprint = z
  .string()
  .regex(FINGERPRINT_PATTERN, { message: "must be 1 to 64 letters, digits, dots, dashes or underscores" });

/** One alert of an Alertmanager webhook (version 4). Unknown keys are allowed: Alertmanager adds fields over time. */
export const alertmanagerAlertSchema = z.object({
  status: z.enum(["firing", "resolved"]),
  labels: stringMap.refine((labels) => (labels["alertname"] ?? "").trim() !== "", {
    message: "has no alertname label",
  }),
  annotations: stringMap.default({}),
  startsAt: optionalInstant.default(null),
  endsAt: optionalInstant.default(null),
  generatorURL: text(2000).default(""),
  fingerprint: fingerprint.optional(),
});

/** Prometheus Alertmanager's webhook payload, version 4. */
export const alertmanagerPayloadSchema = z.object({
  version: z.literal("4", { message: 'must be "4" (the Alertmanager webhook version Firstline reads)' }),
  groupKey: text(10_000).optional(),
  truncatedAlerts: z.number().int().min(0).optional(),
  status: z.enum(["firing", "resolved"]),
  receiver: text(200).optional(),
  groupLabels: stringMap.default({}),
  commonLabels: stringMap.default({}),
  commonAnnotations: stringMap.default({}),
  externalURL: text(2000).optional(),
  alerts: z.array(alertmanagerAlertSchema).min(1).max(1000),
});

/** A plain JSON alert, for monitoring that is not Alertmanager (uptime checks, scripts, cron jobs). */
export const plainAlertSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .meta({ description: "The alert's name; runbooks list alerts by it." }),
  severity: z
    .enum(ALERT_SEVERITIES)
    .meta({ description: "critical (P1, pages out of hours), warning (P3) or info (P4)." }),
  status: z
    .enum(["firing", "resolved"])
    .default("firing")
    .meta({ description: "firing opens or updates the alert's issue; resolved closes it." }),
  fingerprint: fingerprint
    .optional()
    .meta({ description: "The alert's identity; derived from name and client when absent." }),
  client: z
    .string()
    .regex(/^[a-z0-9-]+$/, { message: "must be a client id: lowercase letters, digits and dashes" })
    .optional()
    .meta({ description: "The client id; otherwise read from the configured client label in labels." }),
  summary: text(1000).optional().meta({ description: "One line about what is wrong." }),
  description: text(10_000).optional().meta({ description: "More detail." }),
  startsAt: instant.optional().meta({ description: "When the problem started, ISO 8601 with an offset." }),
  endsAt: instant.optional().meta({ description: "When a resolved problem ended, ISO 8601 with an offset." }),
  labels: stringMap.default({}).meta({ description: "Extra labels, shown in the issue." }),
  generatorURL: text(2000).optional().meta({ description: "A link to where the alert came from." }),
});

export type AlertmanagerPayload = z.output<typeof alertmanagerPayloadSchema>;
export type PlainAlert = z.output<typeof plainAlertSchema>;
