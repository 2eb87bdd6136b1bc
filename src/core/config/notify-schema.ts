import * as z from "zod";
import { login } from "./config-schema.js";

/** A Slack conversation id: a public or private channel (C…, G…) or a person's member id (U…, W…). */
export const slackChannelId = z
  .string()
  .regex(/^[CGDUW][A-Z0-9]{2,20}$/, { message: "must be a Slack channel or member id such as C0123ABCD" });

/** A Slack member id from a person's profile (Copy member ID), such as U0123ABCD. */
export const slackMemberId = z
  .string()
  .regex(/^[UW][A-Z0-9]{2,20}$/, { message: "must be a Slack member id such as U0123ABCD" });

/** Every event Firstline can tell people about. */
export const NOTIFY_EVENTS = [
  "new-p1",
  "at-risk",
  "breached",
  "page",
  "escalation",
  "acknowledgement",
  "rota-announcement",
  "rota-change",
  "woken",
  "digest",
] as const;
export type NotifyEventKind = (typeof NOTIFY_EVENTS)[number];

/** Where one kind of event goes: the support channel, the client's channel, the people it concerns. */
export const NOTIFY_TARGETS = ["support", "client", "people"] as const;
export type NotifyTarget = (typeof NOTIFY_TARGETS)[number];

/** The ways one person can be told: a Slack direct message, an email. */
export const PERSONAL_CHANNELS = ["slack", "email"] as const;
export type PersonalChannel = (typeof PERSONAL_CHANNELS)[number];

/** How a person who is not in `rota/people.yml` (a delivery lead, an account manager) is reached. */
export const contactSchema = z.strictObject({
  slack: slackMemberId.optional().meta({ description: "Slack member id, for direct messages." }),
  email: z.email().optional().meta({ description: "Email address." }),
  channels: z
    .array(z.enum(PERSONAL_CHANNELS))
    .optional()
    .meta({ description: "slack, email or both; default: Slack when a member id is known, else email." }),
});

const DEFAULT_ROUTES: Record<NotifyEventKind, NotifyTarget[]> = {
  "new-p1": ["support", "client"],
  "at-risk": ["support"],
  breached: ["support", "client"],
  page: ["people"],
  escalation: ["support", "people"],
  acknowledgement: ["support"],
  "rota-announcement": ["support", "people"],
  "rota-change": ["people"],
  woken: ["people"],
  digest: ["support"],
};

const routesShape = Object.fromEntries(
  NOTIFY_EVENTS.map((kind) => [
    kind,
    z
      .array(z.enum(NOTIFY_TARGETS))
      .default(DEFAULT_ROUTES[kind])
      .meta({ description: `Where "${kind}" goes: support, client, people.` }),
  ]),
) as Record<
  NotifyEventKind,
  z.ZodDefault<z.ZodArray<z.ZodEnum<{ support: "support"; client: "client"; people: "people" }>>>
>;

export const notifyRoutesSchema = z.strictObject(routesShape);

/** The `notify` section: Slack and email notifications. Tokens and the SMTP URL are environment variables. */
export const notifySchema = z
  .strictObject({
    supportChannel: slackChannelId.nullable().default(null).meta({
      description:
        "The support team's Slack channel id (the bot must be a member). The token comes from SLACK_BOT_TOKEN.",
    }),
    clientChannels: z
      .record(z.string().regex(/^[a-z0-9-]+$/), slackChannelId)
      .default({})
      .meta({
        description: "A Slack channel per client id (Slack Connect or internal), for that client's events.",
      }),
    from: z
      .string()
      .min(3)
      .max(200)
      .default("Firstline <firstline@localhost>")
      .meta({ description: "The From of emails (the SMTP server comes from SMTP_URL)." }),
    unsubscribe: z
      .string()
      .regex(/^(mailto:|https:\/\/)\S+$/, { message: "must be one mailto: or https: address" })
      .nullable()
      .default(null)
      .meta({
        description: "Where the weekly announcement's List-Unsubscribe header points (mailto: or https:).",
      }),
    routes: notifyRoutesSchema
      .prefault({})
      .meta({ description: "Which events go where, by event: a list of support, client, people." }),
    contacts: z.record(login, contactSchema).default({}).meta({
      description:
        "People who are not in rota/people.yml (delivery leads, account managers), by GitHub login.",
    }),
  })
  .meta({
    description:
      "Slack and email notifications: which events go to the support channel, a client's channel, or a person.",
  });

export type NotifyConfig = z.output<typeof notifySchema>;
export type Contact = z.output<typeof contactSchema>;
