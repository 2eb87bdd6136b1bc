import { maintenanceTaskSchema } from "../../../src/core/config/config-schema.js";
import { firstlineConfigSchema, type FirstlineConfig } from "../../../src/core/config/firstline-config.js";

/** Three clients on the agency's default calendar: acme and riverside in England, glenmore in Scotland. */
export const CLIENTS = [
  { id: "acme", name: "Acme Borough Council", repos: ["acme/website", "acme/intranet"] },
  { id: "riverside", name: "Riverside Housing Trust", repos: ["riverside/tenant-portal"] },
  { id: "glenmore", name: "Glenmore Whisky Co", repos: ["glenmore/shop"], holidays: { region: "scotland" } },
];

/** A valid configuration with these maintenance tasks (schema defaults filled in). */
export function configWith(
  maintenance: readonly Record<string, unknown>[],
  extra: Record<string, unknown> = {},
): FirstlineConfig {
  return firstlineConfigSchema.parse({ clients: CLIENTS, maintenance, ...extra });
}

/**
 * A configuration whose tasks skip the schema's own check of their rules (the loader now refuses
 * a bad rule), to test the checks themselves.
 */
export function uncheckedConfigWith(
  maintenance: readonly Record<string, unknown>[],
  extra: Record<string, unknown> = {},
): FirstlineConfig {
  const base = firstlineConfigSchema.parse({ clients: CLIENTS, ...extra });
  return { ...base, maintenance: maintenance.map((task) => maintenanceTaskSchema.parse(task)) };
}
