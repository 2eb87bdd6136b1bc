import { DateTime } from "luxon";
import * as z from "zod";
import type { TicketTimeline } from "../core/sla/ticket-timeline.js";
import { login, repoName } from "../core/config/config-schema.js";

const instant = z.string().transform((text, ctx) => {
  const parsed = DateTime.fromISO(text, { setZone: true });
  if (!parsed.isValid || !/(Z|[+-]\d\d:?\d\d)$/i.test(text)) {
    ctx.addIssue({ code: "custom", message: `"${text}" is not an ISO 8601 instant with an offset` });
    return z.NEVER;
  }
  return parsed.toMillis();
});

const plainEvent = z.strictObject({
  type: z.enum(["opened", "commented", "closed", "reopened"]),
  at: instant,
  by: login,
});

const labelEvent = z.strictObject({
  type: z.enum(["labeled", "unlabeled"]),
  at: instant,
  by: login,
  label: z.string().min(1),
});

/** A ticket timeline file (`TICKET.json` of the command-line contract). */
export const ticketTimelineSchema = z.strictObject({
  repo: repoName,
  number: z.number().int().positive(),
  reporter: login,
  events: z
    .array(z.discriminatedUnion("type", [plainEvent, labelEvent]))
    .min(1)
    .refine((events) => events[0]?.type === "opened", { message: 'the first event must be "opened"' }),
}) satisfies z.ZodType<TicketTimeline, unknown>;
