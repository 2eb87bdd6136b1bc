import { NOTIFY_EVENTS, PERSONAL_CHANNELS, slackMemberId } from "../core/config/notify-schema.js";
import { DateTime } from "luxon";
import { HANDOVER_TEXT } from "../core/rota/week.js";
import * as z from "zod";

/** A GitHub login. */
const login = z
  .string()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, { message: "must be a GitHub login" })
  .meta({ description: "A GitHub login." });

/** A local calendar date, `YYYY-MM-DD`; YAML keeps it a string. */
const date = z
  .string()
  .regex(/^\d{4}-\d\d-\d\d$/, { message: "must be a date written YYYY-MM-DD" })
  .refine((text) => DateTime.fromISO(text).isValid, { message: "must be a real date written YYYY-MM-DD" });

const rangeFields = {
  from: date.meta({ description: "First day, YYYY-MM-DD (inclusive)." }),
  to: date.meta({ description: "Last day, YYYY-MM-DD (inclusive)." }),
};

function fromNotAfterTo(range: { from: string; to: string }): boolean {
  return range.from <= range.to;
}
const endsBeforeStart = { message: "ends before it starts", path: ["to"] };

/** A stretch of time away (holiday, leave), inclusive local dates. */
const awaySchema = z
  .strictObject(rangeFields)
  .refine(fromNotAfterTo, endsBeforeStart)
  .meta({ description: "Time away: nobody holds a slot in a week that overlaps it." });

/** A stretch of billable client work, inclusive local dates. */
const clientWorkSchema = z
  .strictObject({
    ...rangeFields,
    project: z.string().min(1).meta({ description: "The client or project, for the report." }),
  })
  .refine(fromNotAfterTo, endsBeforeStart)
  .meta({ description: "Client work: a slot during it is a warning, and plans avoid it." });

/** One person of `rota/people.yml`. */
export const rotaPersonSchema = z.strictObject({
  login: login.meta({ description: "GitHub login." }),
  name: z.string().min(1).meta({ description: "Full name, for calendars and reports." }),
  role: z
    .enum(["developer", "operations"])
    .meta({ description: "developer or operations: which support slot the person can take." }),
  vetted: z
    .boolean()
    .default(false)
    .meta({ description: "Only vetted people may take a slot; others may only shadow." }),
  deliveryLead: login.meta({
    description: "Login of the delivery lead who approves changes to this person's slots.",
  }),
  onCall: z.boolean().default(false).meta({ description: "Opted in to the out-of-hours on-call rota." }),
  secondLine: z
    .boolean()
    .default(false)
    .meta({ description: "On the second line (senior operations, CTO)." }),
  away: z.array(awaySchema).default([]).meta({ description: "Periods away, each {from, to}." }),
  clientWork: z
    .array(clientWorkSchema)
    .default([])
    .meta({ description: "Periods of client work, each {from, to, project}." }),
  slack: slackMemberId.optional().meta({ description: "Slack member id (U…), for direct messages." }),
  email: z
    .email()
    .optional()
    .meta({ description: "Email address, for rota changes and the events chosen below." }),
  channels: z.array(z.enum(PERSONAL_CHANNELS)).optional().meta({
    description:
      "How this person is told: slack, email or both (default: Slack when a member id is known, else email).",
  }),
  announcements: z
    .boolean()
    .optional()
    .meta({ description: "Opted in to the weekly rota announcement by email." }),
  nightEvents: z
    .array(z.enum(NOTIFY_EVENTS))
    .optional()
    .meta({ description: "Events this person wants out of working hours too (pages always come)." }),
});

/** `rota/people.yml`: everyone who can appear in the rota. */
export const rotaPeopleSchema = z
  .strictObject({
    people: z.array(rotaPersonSchema).meta({ description: "Everyone who can take or shadow a slot." }),
  })
  .meta({ description: "rota/people.yml: who can be on first line support and on call." });

/** A week key: the Wednesday the week starts on, `YYYY-MM-DD`. */
const weekKey = z
  .string()
  .regex(/^\d{4}-\d\d-\d\d$/, { message: "week keys must be dates written YYYY-MM-DD" })
  .refine((text) => DateTime.fromISO(text).isValid, { message: "week keys must be real dates" });

/** One week of `rota/support.yml`. */
export const supportWeekSchema = z.strictObject({
  developer: login.optional().meta({ description: "The developer on first line support this week." }),
  operations: login
    .optional()
    .meta({ description: "The operations engineer on first line support this week." }),
  shadow: z
    .array(login)
    .default([])
    .meta({ description: "People shadowing this week (unvetted people may only shadow)." }),
});

/** `rota/support.yml`: in-hours first line, one developer and one operations engineer a week. */
export const rotaSupportSchema = z
  .strictObject({
    weeks: z.record(weekKey, supportWeekSchema).meta({
      description: `Weeks keyed by their Wednesday (YYYY-MM-DD); a week runs ${HANDOVER_TEXT} to the next ${HANDOVER_TEXT} local.`,
    }),
  })
  .meta({ description: "rota/support.yml: who is on in-hours first line support each week." });

/** One week of `rota/on-call.yml`. */
export const onCallWeekSchema = z.strictObject({
  primary: login
    .optional()
    .meta({ description: "The person on call out of hours this week (onCall: true)." }),
  secondLine: z
    .array(login)
    .default([])
    .meta({ description: "The second line this week (secondLine: true)." }),
});

/** `rota/on-call.yml`: the opt-in out-of-hours rota. */
export const rotaOnCallSchema = z
  .strictObject({
    weeks: z.record(weekKey, onCallWeekSchema).meta({
      description: `Weeks keyed by their Wednesday (YYYY-MM-DD); a week runs ${HANDOVER_TEXT} to the next ${HANDOVER_TEXT} local.`,
    }),
  })
  .meta({ description: "rota/on-call.yml: who is on call out of hours each week." });

/** One night's (or day's) cover in `rota/overrides.yml`. */
export const nightOverrideSchema = z.strictObject({
  date: date.meta({
    description:
      "The on-call day covered: from 10:00 local on this date to 10:00 the next day (the handover time of the weeks), so the night that follows it.",
  }),
  slot: z
    .enum(["primary", "secondLine"])
    .default("primary")
    .meta({ description: "Which on-call slot: primary (default) or secondLine." }),
  covers: login.meta({
    description: "Who is being covered: the person the on-call rota names for that slot.",
  }),
  by: login.meta({
    description: "Who covers instead (onCall: true for primary, secondLine: true for the second line).",
  }),
  reason: z
    .string()
    .min(1)
    .max(300)
    .meta({ description: "Why, in a few words (a disrupted night, illness)." }),
});

/** `rota/overrides.yml`: cover for single nights, on top of the weekly on-call rota. */
export const rotaOverridesSchema = z
  .strictObject({
    overrides: z
      .array(nightOverrideSchema)
      .default([])
      .meta({ description: "One entry per night (or day) of cover." }),
  })
  .meta({
    description:
      "rota/overrides.yml: who covers whom on call for a single night, and why. Needs no week's notice, but a rota admin's approval.",
  });
