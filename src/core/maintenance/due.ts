import { DateTime } from "luxon";
import { LABELS } from "../labels.js";
import { neutralise } from "../markdown/safe-text.js";
import { buildSlaPolicy, type SlaPolicy } from "../sla/policy.js";
import { marker } from "../markers.js";
import type { CreateIssueAction } from "./issue-actions.js";
import {
  closedReason,
  planMaintenanceOccurrences,
  type MaintenanceConfig,
  type MaintenanceOccurrence,
} from "./occurrences.js";
import { dateOrdinal, ordinalDate, type LocalDate } from "./recurrence-rule.js";

/** The type label of every maintenance ticket. */
export const MAINTENANCE_TYPE_LABEL = LABELS.type("maintenance");

/** How many days back a sweep still opens an occurrence it missed (the sweep was down that day). */
export const DEFAULT_LOOK_BACK_DAYS = 7;

/** A maintenance occurrence that is due, with the issue that opens it. */
export interface DueMaintenanceTicket {
  readonly occurrence: MaintenanceOccurrence;
  readonly action: CreateIssueAction;
}

/**
 * The maintenance tickets to open today: occurrences whose (moved) date is today or up to
 * `lookBackDays` before it, and whose key is not among `existingKeys` (read those from the
 * bot's own issues with `existingMaintenanceKeys`). Occurrences with no repository are left
 * out; `maintenanceProblems` reports them.
 */
export function dueMaintenanceTickets(params: {
  readonly config: MaintenanceConfig;
  readonly today: LocalDate;
  readonly existingKeys: ReadonlySet<string>;
  readonly lookBackDays?: number;
  readonly policy?: SlaPolicy;
}): DueMaintenanceTicket[] {
  const { config, today, existingKeys } = params;
  const policy = params.policy ?? buildSlaPolicy({ config });
  const from = ordinalDate(dateOrdinal(today) - Math.max(0, params.lookBackDays ?? DEFAULT_LOOK_BACK_DAYS));
  const due: DueMaintenanceTicket[] = [];
  for (const occurrence of planMaintenanceOccurrences({ config, from, to: today, policy })) {
    if (existingKeys.has(occurrence.key) || occurrence.repo === null) continue;
    const terms = policy.client(occurrence.client);
    const movedBecause = terms ? closedReason(terms.calendar, occurrence.originalDate) : undefined;
    due.push({
      occurrence,
      action: {
        kind: "create-issue",
        repo: occurrence.repo,
        title: maintenanceTitle(occurrence),
        body: maintenanceBody({ occurrence, clientName: terms?.name ?? occurrence.client, movedBecause }),
        labels: [
          MAINTENANCE_TYPE_LABEL,
          LABELS.priority(occurrence.priority),
          LABELS.client(occurrence.client),
        ],
        why: `scheduled maintenance ${occurrence.key}`,
      },
    });
  }
  return due;
}

/** `Apply CMS core updates (Wed 7 Jan)`: the task and its working day, in the date style of every other notice. */
export function maintenanceTitle(occurrence: Pick<MaintenanceOccurrence, "task" | "date">): string {
  return `${occurrence.task} (${DateTime.fromISO(occurrence.date, { zone: "utc", locale: "en-GB" }).toFormat("ccc d LLL")})`;
}

function longDate(date: LocalDate): string {
  return DateTime.fromISO(date, { zone: "utc", locale: "en-GB" }).toFormat("ccc d LLL yyyy");
}

/** The issue body: what, for whom, when (and why it moved), the checklist, and the hidden key. */
export function maintenanceBody(params: {
  readonly occurrence: MaintenanceOccurrence;
  readonly clientName: string;
  readonly movedBecause: string | undefined;
}): string {
  const { occurrence, clientName, movedBecause } = params;
  const when =
    occurrence.originalDate === occurrence.date
      ? `Due **${longDate(occurrence.date)}**.`
      : `Due **${longDate(occurrence.date)}**, the next working day after ${longDate(occurrence.originalDate)}${movedBecause ? ` (${neutralise(movedBecause)})` : ""}.`;
  const steps =
    occurrence.checklist.length > 0
      ? occurrence.checklist.map((step) => `- [ ] ${neutralise(step.replace(/\s+/g, " ").trim())}`)
      : ["No checklist is configured for this task."];
  return [
    `Scheduled maintenance for **${neutralise(clientName)}** (\`${occurrence.client}\`): ${neutralise(occurrence.task)}.`,
    "",
    when,
    "",
    ...steps,
    "",
    "Opened by Firstline from the `maintenance` list in `.github/firstline.yml`. Tick each step as it is done and close the ticket when the work is finished.",
    "",
    marker(occurrence.key),
  ].join("\n");
}
