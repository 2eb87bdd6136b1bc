import { IANAZone } from "luxon";
import { standardDayMinutes, weekMinutes, WEEKDAYS } from "../time/calendar.js";
import * as z from "zod";
import { maintenanceProblems } from "../maintenance/validate.js";
import { DEFAULT_PLANS } from "../sla/targets.js";
import {
  clientSchema,
  DEFAULT_PRIORITY_RULES,
  holidaysSchema,
  login,
  planSchema,
  priorityRuleSchema,
  phraseSchema,
  repoName,
  DEFAULT_CHARGEABLE_KEYWORDS,
  maintenanceTaskSchema,
  securityAlertsSchema,
  alertsSchema,
  emailSchema,
  projectSchema,
  rotaLocationSchema,
  targetSchema,
  workingHoursSchema,
} from "./config-schema.js";
import { notifySchema } from "./notify-schema.js";

/** The default location of the configuration file in a repository. */
export const CONFIG_PATH = ".github/firstline.yml";

const defaultWeek = {
  mon: ["10:00-18:00"],
  tue: ["10:00-18:00"],
  wed: ["10:00-18:00"],
  thu: ["10:00-18:00"],
  fri: ["10:00-18:00"],
};

/** The schema of `.github/firstline.yml`. Unknown keys are errors; defaults live here. */
export const firstlineConfigSchema = z
  .strictObject({
    timezone: z
      .string()
      .default("Europe/London")
      .refine((zone) => !/^(local|system)$/i.test(zone) && IANAZone.isValidZone(zone), {
        message: "must be an IANA time zone name such as Europe/London",
      })
      .meta({ description: "IANA zone every calendar is evaluated in." }),
    workingHours: workingHoursSchema.default(() => workingHoursSchema.parse(defaultWeek)),
    holidays: holidaysSchema.default(() => holidaysSchema.parse({})),
    staff: z
      .strictObject({
        logins: z.array(login).default([]).meta({ description: "Who counts as a responder." }),
        team: z
          .string()
          .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, { message: 'must be "org/team-slug"' })
          .nullable()
          .default(null)
          .meta({ description: "Optional org/team-slug whose members count as staff too." }),
      })
      .default({ logins: [], team: null }),
    atRisk: z
      .number()
      .gt(0)
      .lt(1)
      .default(0.75)
      .meta({ description: "Share of a target after which it is at risk." }),
    followUpAfter: targetSchema
      .prefault("3 working days")
      .meta({ description: "Quiet time after which an open ticket needs a follow-up." }),
    waitingReminderAfter: targetSchema
      .prefault("5 working days")
      .meta({ description: "Time waiting on the client after which the reporter is reminded." }),
    pauseLabels: z.array(z.string().min(1)).default(["status: waiting on client", "status: blocked"]),
    plans: z
      .record(z.string().regex(/^[a-z0-9-]+$/), planSchema)
      .default({})
      .meta({ description: "Plans by name; a plan named standard or enhanced replaces the default one." }),
    clients: z.array(clientSchema).default([]),
    priorityRules: z.array(priorityRuleSchema).default(DEFAULT_PRIORITY_RULES),
    supportRepo: repoName.nullable().default(null).meta({
      description:
        "The agency's support repository (owner/name): rota, runbooks, the dashboard and announcements live there. Default: the repository this file is in.",
    }),
    rota: rotaLocationSchema.default(() => rotaLocationSchema.parse({})),
    ticketRepos: z.array(repoName).default([]).meta({
      description:
        "Shared helpdesk repositories where every issue is a ticket (the client is read from the form or keywords).",
    }),
    maintenance: z
      .array(maintenanceTaskSchema)
      .default([])
      .meta({ description: "Recurring upkeep tasks per client." }),
    securityAlerts: securityAlertsSchema.default(() => securityAlertsSchema.parse({})),
    alerts: alertsSchema.default(() => alertsSchema.parse({})),
    email: emailSchema
      .default(() => emailSchema.parse({}))
      .meta({ description: "The support mailbox (its address and server come from environment variables)." }),
    notify: notifySchema
      .prefault({})
      .meta({ description: "Slack and email notifications (SLACK_BOT_TOKEN, SMTP_URL)." }),
    project: projectSchema.nullable().default(null).meta({
      description:
        "Optional: the GitHub Project that holds the support queue (owner and number). Needs the app's organisation permission Projects: read and write.",
    }),
    chargeableKeywords: z.array(phraseSchema).default(DEFAULT_CHARGEABLE_KEYWORDS).meta({
      description:
        "Phrases that suggest work outside support (the bot suggests; staff confirm with /chargeable).",
    }),
  })
  .superRefine((config, ctx) => {
    const planNames = new Set([...Object.keys(DEFAULT_PLANS), ...Object.keys(config.plans)]);
    const seenIds = new Map<string, number>();
    const seenRepos = new Map<string, string>();
    config.clients.forEach((client, index) => {
      if (!planNames.has(client.plan)) {
        ctx.addIssue({
          code: "custom",
          path: ["clients", index, "plan"],
          message: `unknown plan "${client.plan}"; known: ${[...planNames].join(", ")}`,
        });
      }
      if (seenIds.has(client.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["clients", index, "id"],
          message: `client id "${client.id}" is used twice`,
        });
      }
      seenIds.set(client.id, index);
      client.repos.forEach((repo, r) => {
        const owner = seenRepos.get(repo.toLowerCase());
        if (owner !== undefined && owner !== client.id) {
          ctx.addIssue({
            code: "custom",
            path: ["clients", index, "repos", r],
            message: `repository ${repo} already belongs to client "${owner}"`,
          });
        }
        seenRepos.set(repo.toLowerCase(), client.id);
      });
    });
    config.maintenance.forEach((task, index) => {
      if (!seenIds.has(task.client)) {
        ctx.addIssue({
          code: "custom",
          path: ["maintenance", index, "client"],
          message: `unknown client "${task.client}"`,
        });
      }
    });
    // Recurrence rules are checked strictly before any library expands them (a bad rule can loop).
    for (const problem of maintenanceProblems(config))
      ctx.addIssue({ code: "custom", path: [...problem.path], message: problem.message });
    if (config.alerts.pagerUrl !== null && config.alerts.pagers.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["alerts", "pagerUrl"],
        message:
          "alerts.pagerUrl is the old form of alerts.pagers: [{kind: webhook, url}]; set one or the other, not both",
      });
    }
    const kinds = config.alerts.pagers.map((p) => p.kind);
    kinds.forEach((kind, index) => {
      if (kinds.indexOf(kind) !== index)
        ctx.addIssue({
          code: "custom",
          path: ["alerts", "pagers", index, "kind"],
          message: `a second ${kind} pager: each kind may appear once`,
        });
    });
    const hasHours = Object.values(config.workingHours).some((intervals) => intervals.length > 0);
    if (!hasHours)
      ctx.addIssue({
        code: "custom",
        path: ["workingHours"],
        message: "the working week has no working hours",
      });
    else unreachableTargets(config, ctx);
    emailRoutingProblems(config, ctx);
    // Scheduled upkeep is opened only in the client's own repositories (or a shared helpdesk).
    config.maintenance.forEach((task, index) => {
      if (task.repo === undefined) return;
      const client = config.clients.find((c) => c.id === task.client);
      const allowed = [...(client?.repos ?? []), ...config.ticketRepos].map((r) => r.toLowerCase());
      if (client && !allowed.includes(task.repo.toLowerCase())) {
        ctx.addIssue({
          code: "custom",
          path: ["maintenance", index, "repo"],
          message: `${task.repo} is not one of client "${task.client}"'s repositories or a ticket repository`,
        });
      }
    });
  });

/** No target may need more working time than the calendar holds in this many years. */
const REACHABLE_YEARS = 3;

/** Refuses plan targets the working calendar cannot reach within a few years (a typo such as "8000 working days"). */
function unreachableTargets(
  config: {
    readonly workingHours: Readonly<Record<string, readonly { open: number; close: number }[]>>;
    readonly plans: Readonly<Record<string, unknown>>;
  },
  ctx: z.RefinementCtx,
): void {
  const week = Object.fromEntries(WEEKDAYS.map((day) => [day, config.workingHours[day] ?? []]));
  const dayMinutes = standardDayMinutes(week);
  const limit = weekMinutes(week) * 52 * REACHABLE_YEARS;
  for (const [planName, plan] of Object.entries(config.plans)) {
    for (const [priority, targets] of Object.entries(
      plan as Record<string, Record<string, { text: string; minutes: number; days: number } | undefined>>,
    )) {
      for (const [metric, target] of Object.entries(targets)) {
        if (!target) continue;
        const minutes = target.minutes + target.days * dayMinutes;
        if (minutes > limit) {
          ctx.addIssue({
            code: "custom",
            path: ["plans", planName, priority, metric],
            message: `"${target.text}" is more working time than the calendar holds in ${REACHABLE_YEARS} years (${Math.round(limit / 60)} working hours)`,
          });
        }
      }
    }
  }
}

/** A valid configuration with every default filled in. */
export type FirstlineConfig = z.output<typeof firstlineConfigSchema>;
export type ClientConfig = FirstlineConfig["clients"][number];

/** Each email domain belongs to one client with a repository to open tickets in; the helpdesk is a ticket repository. */
function emailRoutingProblems(
  config: {
    readonly clients: readonly {
      readonly id: string;
      readonly repos: readonly string[];
      readonly emailDomains: readonly string[];
    }[];
    readonly ticketRepos: readonly string[];
    readonly email: { readonly helpdeskRepo: string | null };
  },
  ctx: z.RefinementCtx,
): void {
  const owners = new Map<string, string>();
  config.clients.forEach((client, index) => {
    if (client.emailDomains.length > 0 && client.repos.length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["clients", index, "emailDomains"],
        message: `client "${client.id}" has email domains but no repository to open email tickets in`,
      });
    }
    client.emailDomains.forEach((domain, d) => {
      const owner = owners.get(domain);
      if (owner !== undefined)
        ctx.addIssue({
          code: "custom",
          path: ["clients", index, "emailDomains", d],
          message: `email domain ${domain} already belongs to client "${owner}"`,
        });
      else owners.set(domain, client.id);
    });
  });
  const helpdesk = config.email.helpdeskRepo;
  if (helpdesk !== null && !config.ticketRepos.some((r) => r.toLowerCase() === helpdesk.toLowerCase())) {
    ctx.addIssue({
      code: "custom",
      path: ["email", "helpdeskRepo"],
      message: `${helpdesk} is not one of ticketRepos`,
    });
  }
}
