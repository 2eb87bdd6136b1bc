import type { FirstlineConfig } from "../config/firstline-config.js";
import type { Priority } from "../labels.js";

/** Alert severities, worst first. */
export const ALERT_SEVERITIES = ["critical", "high", "medium", "low"] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/**
 * A severity as GitHub writes it, in one vocabulary: REST says `medium` where GraphQL and some
 * advisories say `moderate`, and case varies. Anything unknown counts as medium, so that it is
 * neither buried nor escalated.
 */
export function normaliseSeverity(text: string | null | undefined): AlertSeverity {
  const word = (text ?? "").trim().toLowerCase();
  if (word === "moderate") return "medium";
  return (ALERT_SEVERITIES as readonly string[]).includes(word) ? (word as AlertSeverity) : "medium";
}

/** The worst of some severities, or null when there are none. */
export function worstSeverity(severities: readonly AlertSeverity[]): AlertSeverity | null {
  let worst: AlertSeverity | null = null;
  for (const severity of severities) {
    if (worst === null || ALERT_SEVERITIES.indexOf(severity) < ALERT_SEVERITIES.indexOf(worst))
      worst = severity;
  }
  return worst;
}

/** The ticket priority of a severity, from `securityAlerts.severityPriority`. */
export function priorityOfSeverity(
  config: Pick<FirstlineConfig, "securityAlerts">,
  severity: AlertSeverity,
): Priority {
  return config.securityAlerts.severityPriority[severity];
}
