import type { z } from "zod";
import type { clientSchema, maintenanceTaskSchema } from "../config/config-schema.js";
import { formatKeyPath } from "../finding.js";
import { taskSlug } from "../markers.js";
import { checkRecurrenceRule } from "./recurrence-rule.js";

/** A problem in the `maintenance` list: its key path (for a line number) and what is wrong. */
export interface MaintenanceProblem {
  /** Key path such as `["maintenance", 1, "rrule"]`, for a YAML source's `lineOf`. */
  readonly path: readonly (string | number)[];
  /** The same path written `maintenance[1].rrule`. */
  readonly keyPath: string;
  readonly message: string;
}

/**
 * Checks what the schema cannot: every recurrence rule (strictly, see `checkRecurrenceRule`),
 * that each task has a repository for its tickets, and that no two tasks of a client share a key.
 * Returns problems with key paths; the caller adds the file and the lines.
 */
/** The parts of the configuration the maintenance rules are checked against (while it is being parsed). */
export interface MaintenanceSettings {
  readonly maintenance: readonly z.output<typeof maintenanceTaskSchema>[];
  readonly clients: readonly z.output<typeof clientSchema>[];
  readonly ticketRepos: readonly string[];
}

export function maintenanceProblems(config: MaintenanceSettings): MaintenanceProblem[] {
  const problems: MaintenanceProblem[] = [];
  const add = (path: (string | number)[], message: string) =>
    problems.push({ path, keyPath: formatKeyPath(path), message });
  const slugs = new Map<string, number>();
  config.maintenance.forEach((task, index) => {
    const rule = checkRecurrenceRule(task.rrule);
    if (!rule.ok) add(["maintenance", index, "rrule"], rule.message);
    const client = config.clients.find((c) => c.id === task.client);
    if (
      task.repo === undefined &&
      client !== undefined &&
      client.repos.length === 0 &&
      config.ticketRepos.length === 0
    ) {
      add(
        ["maintenance", index],
        `client "${task.client}" has no repository and there is no shared ticket repository: set repo`,
      );
    }
    const slugKey = `${task.client}:${taskSlug(task.task)}`;
    const first = slugs.get(slugKey);
    if (first !== undefined)
      add(
        ["maintenance", index, "task"],
        `another task of client "${task.client}" has the same name (maintenance[${first}]): tickets would clash`,
      );
    else slugs.set(slugKey, index);
  });
  return problems;
}
