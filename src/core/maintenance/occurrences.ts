import type { FirstlineConfig } from "../config/firstline-config.js";
import type { Priority } from "../labels.js";
import { buildSlaPolicy, type SlaConfig, type SlaPolicy } from "../sla/policy.js";
import type { WorkingCalendar } from "../time/calendar.js";
import { dateOrdinal, expandRecurrence, ordinalDate, type LocalDate } from "./recurrence-rule.js";
import { maintenanceKey } from "../markers.js";
import { maintenanceProblems } from "./validate.js";

/** The slice of configuration maintenance planning needs. */
export type MaintenanceConfig = SlaConfig & Pick<FirstlineConfig, "maintenance" | "ticketRepos">;

/** The first date a rule counts from when a task gives no `since` (as the schema documents). */
export const DEFAULT_SINCE = "2000-01-01";

/** How far back occurrences are expanded so that one moved forward into a window is still seen. */
const MOVE_MARGIN_DAYS = 45;

/** One occurrence of a recurring maintenance task: one ticket, opened once, on `date`. */
export interface MaintenanceOccurrence {
  readonly client: string;
  readonly task: string;
  /** The working day the ticket is for: the rule's date, or the next working day after it. */
  readonly date: LocalDate;
  /** The date the rule gave (the earliest, when several moved onto the same working day). */
  readonly originalDate: LocalDate;
  readonly priority: Priority;
  /** Where the ticket is opened; null when neither the task nor the client names a repository. */
  readonly repo: string | null;
  readonly checklist: readonly string[];
  /** Stable identity for exactly-once creation: `maintenance:<client>:<slug of task>:<originalDate>`. */
  readonly key: string;
}

/** Raised when planning is asked of a configuration whose maintenance rules are not valid. */
export class InvalidMaintenanceConfig extends Error {
  readonly problems: ReturnType<typeof maintenanceProblems>;
  constructor(problems: ReturnType<typeof maintenanceProblems>) {
    super(problems.map((p) => `${p.keyPath}: ${p.message}`).join("\n"));
    this.name = "InvalidMaintenanceConfig";
    this.problems = problems;
  }
}

/** The first working day of a calendar on or after a date (the date itself when it is one). */
export function nextWorkingDay(calendar: WorkingCalendar, date: LocalDate): LocalDate {
  const start = dateOrdinal(date);
  // A year without a working day cannot happen with a valid working week; stop anyway.
  for (let ordinal = start; ordinal < start + 366; ordinal++) {
    if (calendar.dayByOrdinal(ordinal).closedBecause === undefined) return ordinalDate(ordinal);
  }
  return date;
}

/** Why a date is not a working day of a calendar (`a weekend`, a holiday's name), or undefined when it is one. */
export function closedReason(calendar: WorkingCalendar, date: LocalDate): string | undefined {
  const closed = calendar.dayByOrdinal(dateOrdinal(date)).closedBecause;
  if (closed === undefined) return undefined;
  return closed === "weekend" ? "a weekend" : closed.holiday;
}

/** Where a task's tickets are opened: its own repo, else the client's first, else the first shared ticket repo. */
export function maintenanceRepo(
  config: Pick<MaintenanceConfig, "clients" | "ticketRepos">,
  task: MaintenanceConfig["maintenance"][number],
): string | null {
  return (
    task.repo ?? config.clients.find((c) => c.id === task.client)?.repos[0] ?? config.ticketRepos[0] ?? null
  );
}

/**
 * Every occurrence of the configured maintenance tasks whose (moved) date falls between `from`
 * and `to`, inclusive, sorted by date, client and task. An occurrence on a weekend or a holiday
 * of the client's calendar moves to the next working day; occurrences of one task that move onto
 * the same working day become one (a daily task does not open three tickets on a Monday).
 * Throws {@link InvalidMaintenanceConfig} when a rule is not valid: loaders report
 * {@link maintenanceProblems} with lines first.
 */
export function planMaintenanceOccurrences(params: {
  readonly config: MaintenanceConfig;
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** The policy built from the same configuration, when the caller has one already. */
  readonly policy?: SlaPolicy;
}): MaintenanceOccurrence[] {
  const { config, from, to } = params;
  const problems = maintenanceProblems(config).filter((p) => p.path[2] === "rrule");
  if (problems.length > 0) throw new InvalidMaintenanceConfig(problems);
  if (dateOrdinal(from) > dateOrdinal(to)) return [];
  const policy = params.policy ?? buildSlaPolicy({ config });
  const expandFrom = ordinalDate(dateOrdinal(from) - MOVE_MARGIN_DAYS);
  const occurrences: MaintenanceOccurrence[] = [];
  for (const task of config.maintenance) {
    const calendar = (policy.client(task.client) ?? policy.termsFor({ repo: "" })).calendar;
    const byDate = new Map<LocalDate, LocalDate>();
    for (const original of expandRecurrence({
      rrule: task.rrule,
      since: task.since ?? DEFAULT_SINCE,
      from: expandFrom,
      to,
    })) {
      const date = nextWorkingDay(calendar, original);
      if (!byDate.has(date)) byDate.set(date, original);
    }
    for (const [date, originalDate] of byDate) {
      if (date < from || date > to) continue;
      occurrences.push({
        client: task.client,
        task: task.task,
        date,
        originalDate,
        priority: task.priority,
        repo: maintenanceRepo(config, task),
        checklist: task.checklist,
        key: maintenanceKey({ client: task.client, task: task.task, originalDate }),
      });
    }
  }
  return occurrences.sort((a, b) => cmp(a.date, b.date) || cmp(a.client, b.client) || cmp(a.task, b.task));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
