import type { LocalDate } from "./recurrence-rule.js";
import { markerKeysIn } from "../markers.js";

/** A task name as it stands in keys: lowercase words joined by dashes. */
export function taskSlug(task: string): string {
  const slug = task
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug === "" ? "task" : slug;
}

/** The exactly-once key of an occurrence. */
export function maintenanceKey(params: {
  readonly client: string;
  readonly task: string;
  readonly originalDate: LocalDate;
}): string {
  return `maintenance:${params.client}:${taskSlug(params.task)}:${params.originalDate}`;
}

/**
 * The marker keys in the bodies of issues Firstline itself opened. Issues by anyone else are
 * ignored, so a pasted marker cannot stop a maintenance ticket from being opened.
 */
export function issueMarkerKeys(params: {
  readonly issues: readonly { readonly author: string; readonly body: string | null }[];
  readonly botLogin: string;
  /** Only keys starting with this, such as `maintenance:`. */
  readonly prefix?: string;
}): Set<string> {
  const bot = params.botLogin.toLowerCase();
  const keys = new Set<string>();
  for (const issue of params.issues) {
    if (issue.author.toLowerCase() !== bot || issue.body === null) continue;
    for (const key of markerKeysIn(issue.body)) if (key.startsWith(params.prefix ?? "")) keys.add(key);
  }
  return keys;
}

/** The exactly-once keys of maintenance tickets already opened, read from their hidden markers. */
export function existingMaintenanceKeys(params: {
  readonly issues: readonly { readonly author: string; readonly body: string | null }[];
  readonly botLogin: string;
}): Set<string> {
  return issueMarkerKeys({ ...params, prefix: "maintenance:" });
}

/** Characters a marker key may hold; anything else in a package or rule name becomes `-`. */
export function markerSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9:._@/-]/g, "-");
}
