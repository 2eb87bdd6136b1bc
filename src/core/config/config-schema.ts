import { DateTime } from "luxon";
import * as z from "zod";
import { parseLocalInterval } from "../time/calendar.js";
import { PRIORITIES } from "../labels.js";
import { parseTarget } from "../sla/targets.js";
import { phraseProblem } from "../triage/phrases.js";

/** A calendar date, `YYYY-MM-DD`, that exists. */
export const dateString = z
  .string()
  .refine((text) => /^\d{4}-\d\d-\d\d$/.test(text) && DateTime.fromISO(text).isValid, {
    message: "must be a real date written YYYY-MM-DD",
  });

/** A GitHub login. */
export const login = z
  .string()
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/, { message: "must be a GitHub login" });

import { repoName } from "./repo-name.js";

export { repoName };

/** An SLA target such as `1 hour`, `30 working minutes`, `5 working days`. */
export const targetSchema = z
  .string()
  .meta({
    description:
      "A target: <number> <unit>, unit one of minutes, hours, days, working minutes, working hours, working days.",
  })
  .transform((text, ctx) => {
    const parsed = parseTarget(text);
    if (typeof parsed === "string") {
      ctx.addIssue({ code: "custom", message: parsed });
      return z.NEVER;
    }
    return parsed;
  });

const intervalSchema = z
  .string()
  .meta({ description: "Half-open local interval HH:MM-HH:MM, for example 10:00-18:00." })
  .transform((text, ctx) => {
    const parsed = parseLocalInterval(text);
    if (typeof parsed === "string") {
      ctx.addIssue({ code: "custom", message: parsed });
      return z.NEVER;
    }
    return parsed;
  });

const day = z
  .array(intervalSchema)
  .default([])
  .superRefine((intervals, ctx) => {
    // Overlapping intervals would count the shared minutes twice: refuse them, naming both.
    const sorted = intervals
      .map((interval, index) => ({ interval, index }))
      .sort((a, b) => a.interval.open - b.interval.open);
    for (let i = 1; i < sorted.length; i++) {
      const previous = sorted[i - 1];
      const current = sorted[i];
      if (previous && current && current.interval.open < previous.interval.close) {
        ctx.addIssue({
          code: "custom",
          path: [current.index],
          message: `overlaps interval ${previous.index + 1} of the same day: merge them into one`,
        });
      }
    }
  });

/** Weekday working hours: several half-open intervals a day allowed; a day left out is closed. */
export const workingHoursSchema = z
  .strictObject({ mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day })
  .meta({ description: "Working hours per weekday; a day left out is closed." });

export const regionSchema = z
  .enum(["england-and-wales", "scotland", "northern-ireland", "none"])
  .meta({ description: "Whose bank holidays close the calendar." });

export const holidaysSchema = z.strictObject({
  region: regionSchema.default("england-and-wales"),
  extra: z.array(dateString).default([]).meta({ description: "Extra closed dates, YYYY-MM-DD." }),
});

const priorityTargetsSchema = z.strictObject({
  firstResponse: targetSchema.meta({ description: "Time to the first staff response." }),
  nextResponse: targetSchema
    .optional()
    .meta({ description: "Time to each next staff response after the client writes." }),
  resolution: targetSchema.optional().meta({ description: "Time to close the ticket." }),
});

/** A plan's targets for all four priorities. */
export const planSchema = z.strictObject({
  P1: priorityTargetsSchema,
  P2: priorityTargetsSchema,
  P3: priorityTargetsSchema,
  P4: priorityTargetsSchema,
});

export const clientSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9-]+$/, { message: "must be lowercase letters, digits and dashes" })
    .meta({ description: 'Used in the label "client: <id>".' }),
  name: z.string().min(1),
  plan: z
    .string()
    .default("standard")
    .meta({ description: "standard, enhanced or a plan defined under plans." }),
  outOfHours: z
    .boolean()
    .default(false)
    .meta({ description: "Out-of-hours (24/7) cover for urgent tickets." }),
  repos: z
    .array(repoName)
    .default([])
    .meta({ description: "Tickets opened in these repositories belong to this client." }),
  keywords: z
    .array(z.string().min(2))
    .default([])
    .meta({ description: "Matched in title and body when the repository does not decide." }),
  accountManager: login.optional().meta({ description: "GitHub login; chargeable work is routed here." }),
  emailDomains: z
    .array(
      z.string().regex(/^(?=.{3,253}$)[a-z0-9-]+(\.[a-z0-9-]+)+$/, {
        message: "must be a lowercase domain such as council.example",
      }),
    )
    .default([])
    .meta({
      description:
        "Mail to the support mailbox from these domains (and their subdomains) opens tickets in this client's first repository.",
    }),
  holidays: z
    .strictObject({ region: regionSchema.optional(), extra: z.array(dateString).optional() })
    .optional()
    .meta({ description: "Per-client calendar override." }),
});

/** A triage phrase: words, `a|b` for either word, `...` for up to four words between. */
export const phraseSchema = z
  .string()
  .min(2)
  .max(500)
  .superRefine((phrase, ctx) => {
    const problem = phraseProblem(phrase);
    if (problem) ctx.addIssue({ code: "custom", message: `the phrase ${problem}` });
  })
  .meta({
    description:
      'Words matched in order in one sentence of the title or body, in any case, with their other forms ("payments", "loading"), British or American spelling and a typing slip in longer words; "a|b" is either word, "..." up to four words between: "site|website ... down".',
  });

export const priorityRuleSchema = z.strictObject({
  priority: z.enum(PRIORITIES),
  keywords: z
    .array(phraseSchema)
    .min(1)
    .meta({ description: "Phrases; any match in the title or body suggests this priority." }),
  unless: z.array(phraseSchema).default([]).meta({
    description:
      'Phrases that, in the same sentence, mean the ticket only mentions the matter ("the outage report", "last week").',
  }),
});

export { DEFAULT_CHARGEABLE_KEYWORDS, DEFAULT_PRIORITY_RULES } from "./triage-defaults.js";

export const rotaLocationSchema = z.strictObject({
  dir: z.string().default("rota").meta({
    description: "The folder of the support repository that holds people.yml, support.yml and on-call.yml.",
  }),
  admins: z.array(login).default([]).meta({ description: "Who may approve changes to rota/people.yml." }),
  syncTeam: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, { message: 'must be "org/team-slug"' })
    .nullable()
    .default(null)
    .meta({
      description:
        "A team (org/team-slug, e.g. northgate/support-now) kept to this week's support pair when the rota is published.",
    }),
});

/** A recurring upkeep task (DOMAIN section 8): each occurrence becomes one ticket, once, on its day. */
export const maintenanceTaskSchema = z.strictObject({
  client: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .meta({ description: "The client id the task is for." }),
  task: z.string().min(1).max(200).meta({ description: "What to do, used as the ticket title." }),
  rrule: z
    .string()
    .min(1)
    .meta({ description: "An RFC 5545 recurrence rule, for example FREQ=MONTHLY;BYDAY=1WE." }),
  since: dateString
    .optional()
    .meta({ description: "The first date the rule counts from (default: 2000-01-01)." }),
  priority: z.enum(PRIORITIES).default("P3"),
  repo: repoName
    .optional()
    .meta({ description: "Where the ticket is opened (default: the client's first repository)." }),
  checklist: z
    .array(z.string().min(1))
    .default([])
    .meta({ description: "Steps, written as task items in the ticket." }),
});

/** How security alerts in client repositories become maintenance tickets. */
export const securityAlertsSchema = z.strictObject({
  enabled: z.boolean().default(true),
  severityPriority: z
    .strictObject({
      critical: z.enum(PRIORITIES).default("P2"),
      high: z.enum(PRIORITIES).default("P3"),
      medium: z.enum(PRIORITIES).default("P4"),
      low: z.enum(PRIORITIES).default("P4"),
    })
    .default({ critical: "P2", high: "P3", medium: "P4", low: "P4" })
    .meta({
      description:
        "Priority of the maintenance ticket by the worst open alert's severity (moderate counts as medium).",
    }),
});

/** A local time of day, HH:MM. */
const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "must be a time of day written HH:MM" });

/** One escalation step of an unacknowledged out-of-hours alert. */
export const escalationStepSchema = z.strictObject({
  afterMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .meta({ description: "Minutes after the first page without acknowledgement." }),
  notify: z.union([z.enum(["second-line"]), z.array(login).min(1)]).meta({
    description: 'Who: "second-line" (this week\'s second line from the rota) or a list of logins.',
  }),
});

/** Pager identities by GitHub login (Opsgenie usernames, PagerDuty user ids); a login left out is sent as it is. */
const pagerUsers = z.record(login, z.string().min(1).max(200)).default({});

/** PagerDuty: pages through the Events API v2; the schedules are kept in step with the rota. */
export const pagerDutySchema = z.strictObject({
  kind: z.literal("pagerduty"),
  eventsUrl: z.url().default("https://events.pagerduty.com/v2/enqueue").meta({
    description:
      "The Events API v2 endpoint (the EU service region uses events.eu.pagerduty.com). The routing key comes from FIRSTLINE_PAGERDUTY_ROUTING_KEY.",
  }),
  apiUrl: z.url().default("https://api.pagerduty.com").meta({
    description:
      "The REST API, for keeping schedule overrides in step with the rota (token from FIRSTLINE_PAGERDUTY_API_TOKEN).",
  }),
  schedules: z
    .strictObject({
      primary: z.string().min(1).nullable().default(null).meta({
        description:
          "The PagerDuty schedule id of the on-call primary (level 1 of the service's escalation policy).",
      }),
      secondLine: z
        .string()
        .min(1)
        .nullable()
        .default(null)
        .meta({ description: "The PagerDuty schedule id of the second line (level 2)." }),
    })
    .default({ primary: null, secondLine: null }),
  users: pagerUsers.meta({
    description:
      "PagerDuty user ids by GitHub login (for schedule overrides and for knowing who acknowledged).",
  }),
});

/** Opsgenie: the Alert API, with GenieKey authorisation (FIRSTLINE_OPSGENIE_API_KEY). */
export const opsgenieSchema = z.strictObject({
  kind: z.literal("opsgenie"),
  apiUrl: z
    .url()
    .default("https://api.opsgenie.com")
    .meta({ description: "The API host (https://api.eu.opsgenie.com for the EU)." }),
  users: pagerUsers.meta({ description: "Opsgenie usernames (usually e-mail addresses) by GitHub login." }),
});

/** Any other pager or gateway: a signed JSON POST (secret from FIRSTLINE_PAGER_WEBHOOK_SECRET). */
export const webhookPagerSchema = z.strictObject({
  kind: z.literal("webhook"),
  url: z.url().meta({ description: "Receives every page event as signed JSON." }),
});

/** One pager Firstline tells about pages, escalations and acknowledgements. */
export const pagerSchema = z.discriminatedUnion("kind", [
  pagerDutySchema,
  opsgenieSchema,
  webhookPagerSchema,
]);

/** Alerts from monitoring, on-call paging and escalation (DOMAIN section 6). */
export const alertsSchema = z.strictObject({
  clientLabel: z
    .string()
    .default("client")
    .meta({ description: "The alert label that names the client id (Alertmanager labels)." }),
  escalation: z
    .array(escalationStepSchema)
    .default([{ afterMinutes: 5, notify: "second-line" }])
    .meta({ description: "Steps taken while nobody on call has acknowledged a page." }),
  pagers: z.array(pagerSchema).max(5).default([]).meta({
    description:
      "The pagers told of every page, escalation and acknowledgement: pagerduty, opsgenie or webhook.",
  }),
  pagerUrl: z
    .url()
    .nullable()
    .default(null)
    .meta({ description: "Deprecated: the same as pagers: [{kind: webhook, url}]; set one or the other." }),
  runbookBaseUrl: z
    .url()
    .nullable()
    .default(null)
    .meta({ description: "Where the runbook site is published (GitHub Pages), for links in alert tickets." }),
  woken: z
    .strictObject({
      from: clockTime.default("23:00").meta({ description: "A page acknowledged from this local time..." }),
      to: clockTime
        .default("07:00")
        .meta({ description: "...to this one woke the person who acknowledged it." }),
      tellAt: clockTime.default("09:00").meta({
        description:
          "When, the next morning, their delivery lead is told on the support repository that they will start late.",
      }),
    })
    .default({ from: "23:00", to: "07:00", tellAt: "09:00" })
    .meta({ description: "Telling delivery leads about people woken in the night." }),
});

/** The support mailbox: where email from unknown senders goes and how much one sender may open. */
export const emailSchema = z.strictObject({
  helpdeskRepo: repoName.nullable().default(null).meta({
    description:
      "Where email from a sender no client's emailDomains match becomes a ticket (client: unknown). Default: the first of ticketRepos.",
  }),
  ticketsPerSenderPerHour: z.number().int().min(1).max(100).default(5).meta({
    description:
      "New email tickets one sender may open in an hour; more are left unanswered with a log line.",
  }),
});
/** The support queue as a GitHub Project (the new Projects) of the agency's organisation. */
export const projectSchema = z
  .strictObject({
    owner: login.meta({
      description:
        "The organisation that owns the Project (the login in its address, github.com/orgs/<owner>/projects/<number>).",
    }),
    number: z.number().int().min(1).meta({ description: "The Project's number, from its address." }),
  })
  .meta({
    description:
      "Keeps every open ticket of the organisation's repositories as an item of this Project, with the fields Client, Priority, Type, SLA state, Next due, Next due time, Waiting on and On support.",
  });
