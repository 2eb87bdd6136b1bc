import type { ClientConfig, FirstlineConfig } from "../config/firstline-config.js";
import {
  WorkingCalendar,
  WEEKDAYS,
  type CalendarSpec,
  type Weekday,
  type LocalInterval,
} from "../time/calendar.js";
import { roundTheClock, workingClock, type SlaClock } from "../time/clock.js";
import { DEFAULT_PLANS, type Plan, type Target } from "./targets.js";

/** What one client's tickets are measured against. */
export interface ClientTerms {
  readonly id: string;
  readonly name: string;
  readonly planName: string;
  readonly plan: Plan;
  readonly outOfHours: boolean;
  readonly calendar: WorkingCalendar;
  readonly zone: string;
  readonly accountManager: string | undefined;
}

/** The slice of configuration the SLA engine needs. */
export type SlaConfig = Pick<
  FirstlineConfig,
  "timezone" | "workingHours" | "holidays" | "atRisk" | "pauseLabels" | "plans" | "clients" | "staff"
>;

/** Everything the SLA engine needs to judge any ticket of one configuration. */
export interface SlaPolicy {
  readonly zone: string;
  readonly atRisk: number;
  readonly pauseLabels: ReadonlySet<string>;
  readonly isStaff: (login: string) => boolean;
  readonly isBot: (login: string) => boolean;
  /** The client a ticket belongs to: its client label if known, else its repository, else "unknown". */
  readonly termsFor: (params: {
    readonly clientLabel?: string | undefined;
    readonly repo: string;
  }) => ClientTerms;
  readonly client: (id: string) => ClientTerms | undefined;
}

/** The label that stops every clock besides the configured pause labels: chargeable work is not support. */
export const CHARGEABLE_PAUSE = "chargeable";

/**
 * Builds the SLA policy of a configuration. `teamMembers` are the logins of the configured staff
 * team, resolved by the shell (the core never calls GitHub). Calendars are built once per client.
 */
export function buildSlaPolicy(params: {
  readonly config: SlaConfig;
  readonly teamMembers?: readonly string[];
}): SlaPolicy {
  const { config } = params;
  const staff = new Set(
    [...config.staff.logins, ...(params.teamMembers ?? [])].map((login) => login.toLowerCase()),
  );
  const plans: Record<string, Plan> = { ...DEFAULT_PLANS, ...config.plans };
  const week = toWeek(config.workingHours);
  const calendars = new Map<string, WorkingCalendar>();
  const calendarFor = (spec: CalendarSpec): WorkingCalendar => {
    const key = `${spec.region}|${spec.extraClosed.join(",")}`;
    let calendar = calendars.get(key);
    if (!calendar) {
      calendar = new WorkingCalendar(spec);
      calendars.set(key, calendar);
    }
    return calendar;
  };
  const baseSpec: CalendarSpec = {
    zone: config.timezone,
    week,
    region: config.holidays.region,
    extraClosed: config.holidays.extra,
  };
  const termsOf = (client: ClientConfig): ClientTerms => ({
    id: client.id,
    name: client.name,
    planName: client.plan,
    plan: plans[client.plan] ?? DEFAULT_PLANS.standard,
    outOfHours: client.outOfHours,
    calendar: calendarFor({
      ...baseSpec,
      region: client.holidays?.region ?? baseSpec.region,
      extraClosed: [...baseSpec.extraClosed, ...(client.holidays?.extra ?? [])],
    }),
    zone: config.timezone,
    accountManager: client.accountManager,
  });
  const byId = new Map(config.clients.map((client) => [client.id, termsOf(client)]));
  const byRepo = new Map<string, ClientTerms>();
  for (const client of config.clients)
    for (const repo of client.repos) byRepo.set(repo.toLowerCase(), byId.get(client.id) as ClientTerms);
  const unknown: ClientTerms = {
    id: "unknown",
    name: "Unknown client",
    planName: "standard",
    plan: plans["standard"] ?? DEFAULT_PLANS.standard,
    outOfHours: false,
    calendar: calendarFor(baseSpec),
    zone: config.timezone,
    accountManager: undefined,
  };
  const isBot = (login: string) => login.endsWith("[bot]");
  return {
    zone: config.timezone,
    atRisk: config.atRisk,
    pauseLabels: new Set([...config.pauseLabels, CHARGEABLE_PAUSE]),
    isStaff: (login) => !isBot(login) && staff.has(login.toLowerCase()),
    isBot,
    termsFor: ({ clientLabel, repo }) =>
      (clientLabel !== undefined ? byId.get(clientLabel) : undefined) ??
      byRepo.get(repo.toLowerCase()) ??
      unknown,
    client: (id) => byId.get(id),
  };
}

/** The clock a target runs on for a client, and its length in that clock's milliseconds. */
export function clockForTarget(
  target: Target,
  terms: Pick<ClientTerms, "outOfHours" | "calendar">,
): { clock: SlaClock; targetMs: number } {
  if (target.unit === "calendar" && terms.outOfHours) {
    return { clock: roundTheClock, targetMs: (target.minutes + target.days * 1440) * 60_000 };
  }
  return {
    clock: workingClock(terms.calendar),
    targetMs: (target.minutes + target.days * terms.calendar.standardDayMinutes) * 60_000,
  };
}

function toWeek(hours: SlaConfig["workingHours"]): Partial<Record<Weekday, readonly LocalInterval[]>> {
  const week: Partial<Record<Weekday, readonly LocalInterval[]>> = {};
  for (const day of WEEKDAYS) week[day] = hours[day];
  return week;
}
