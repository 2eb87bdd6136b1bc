import { quoteInline } from "../markdown/safe-text.js";
import type { TicketSnapshot } from "../ticket/snapshot.js";
import type { CodeScanningAlert, SecretScanningAlert } from "./alert-schemas.js";
import { planAlertTicket, type SecurityConfig } from "./alert-ticket.js";
import { alertOrder, safeLink } from "./dependabot.js";
import type { MaintenanceIssueAction } from "./issue-actions.js";
import { codeScanningTicketKey, secretScanningTicketKey } from "../markers.js";
import { normaliseSeverity, worstSeverity, type AlertSeverity } from "./severity.js";

const RULE_SEVERITY: Readonly<Record<string, AlertSeverity>> = {
  error: "high",
  warning: "medium",
  note: "low",
  none: "low",
};

/** A code scanning alert's severity: its security severity, else its rule severity (error is high). */
export function codeScanningSeverity(alert: CodeScanningAlert): AlertSeverity {
  if (alert.rule.security_severity_level) return normaliseSeverity(alert.rule.security_severity_level);
  return RULE_SEVERITY[(alert.rule.severity ?? "").toLowerCase()] ?? "medium";
}

function codeState(alert: CodeScanningAlert): string {
  if (alert.state === "open") return "**open**";
  return alert.state === "dismissed" && alert.dismissed_reason
    ? `dismissed (${quoteInline(alert.dismissed_reason, 40)})`
    : quoteInline(alert.state, 30);
}

/**
 * Plans the one maintenance ticket of a repository and code scanning rule from all of that rule's
 * alerts, as `planSecurityTicket` does for a package. Alerts of other rules are ignored.
 */
export function planCodeScanningTicket(params: {
  readonly repo: string;
  readonly ruleId: string;
  readonly alerts: readonly CodeScanningAlert[];
  readonly existing: TicketSnapshot | null;
  readonly config: SecurityConfig;
  readonly botLogin: string;
}): MaintenanceIssueAction[] {
  const { repo, ruleId } = params;
  const alerts = params.alerts.filter((a) => a.rule.id === ruleId);
  const open = alerts.filter((a) => a.state === "open");
  const worst = worstSeverity(open.map(codeScanningSeverity));
  const first = alerts[0];
  const description = first?.rule.description || first?.rule.name || ruleId;
  const tool = first?.tool?.name ?? "Code scanning";
  const rows = [...alerts].sort(alertOrder(codeScanningSeverity)).map((alert) => {
    const location = alert.most_recent_instance?.location;
    const where = location?.path
      ? `${quoteInline(location.path, 100)}${location.start_line ? `:${location.start_line}` : ""}`
      : "";
    const ref = alert.most_recent_instance?.ref ? quoteInline(alert.most_recent_instance.ref, 60) : "";
    return `| ${safeLink(`#${alert.number}`, alert.html_url)} | ${where} | ${ref} | ${codeScanningSeverity(alert)} | ${codeState(alert)} |`;
  });
  const rule = `**${quoteInline(description, 120)}** (${quoteInline(tool, 40)} rule ${quoteInline(ruleId, 100)})`;
  return planAlertTicket({
    draft: {
      repo,
      key: codeScanningTicketKey({ repo, ruleId }),
      title: `Security: ${description} (${ruleId}) in ${repo}`,
      summary:
        open.length === 0
          ? `Every code scanning alert for ${rule} in ${repo} is fixed or dismissed.`
          : `Code scanning reports ${open.length === 1 ? "an open alert" : `${open.length} open alerts`} for ${rule} in ${repo}; the worst is **${worst ?? "unknown"}**.`,
      table: ["| Alert | Location | Ref | Severity | State |", "|---|---|---|---|---|", ...rows].join("\n"),
      source: "code scanning",
      openAlerts: open.map((a) => a.number),
      worst,
    },
    existing: params.existing,
    config: params.config,
    botLogin: params.botLogin,
  });
}

/** A leaked secret is high; critical while its provider says it is still active. */
export function secretScanningSeverity(alert: SecretScanningAlert): AlertSeverity {
  return alert.validity === "active" ? "critical" : "high";
}

/**
 * Plans the one maintenance ticket of a repository and secret type from all of that type's secret
 * scanning alerts. The secret itself is never written: parse alerts with
 * `secretScanningAlertSchema`, which drops it.
 */
export function planSecretScanningTicket(params: {
  readonly repo: string;
  readonly secretType: string;
  readonly alerts: readonly SecretScanningAlert[];
  readonly existing: TicketSnapshot | null;
  readonly config: SecurityConfig;
  readonly botLogin: string;
}): MaintenanceIssueAction[] {
  const { repo, secretType } = params;
  const alerts = params.alerts.filter((a) => a.secret_type === secretType);
  const open = alerts.filter((a) => a.state === "open");
  const worst = worstSeverity(open.map(secretScanningSeverity));
  const display = alerts[0]?.secret_type_display_name || secretType;
  const rows = [...alerts].sort(alertOrder(secretScanningSeverity)).map((alert) => {
    const state =
      alert.state === "open"
        ? "**open**"
        : `${quoteInline(alert.state, 30)}${alert.resolution ? ` (${quoteInline(alert.resolution, 40)})` : ""}`;
    return `| ${safeLink(`#${alert.number}`, alert.html_url)} | ${quoteInline(alert.validity ?? "unknown", 20)} | ${secretScanningSeverity(alert)} | ${state} |`;
  });
  const what = `**${quoteInline(display, 100)}**`;
  return planAlertTicket({
    draft: {
      repo,
      key: secretScanningTicketKey({ repo, secretType }),
      title: `Security: exposed ${display} in ${repo}`,
      summary:
        open.length === 0
          ? `Every secret scanning alert for ${what} in ${repo} is resolved.`
          : `Secret scanning found ${open.length === 1 ? "an exposed secret" : `${open.length} exposed secrets`} of type ${what} in ${repo}. Revoke and replace each at its provider first, then resolve the alert as revoked.`,
      table: ["| Alert | Validity | Severity | State |", "|---|---|---|---|", ...rows].join("\n"),
      source: "secret scanning",
      openAlerts: open.map((a) => a.number),
      worst,
    },
    existing: params.existing,
    config: params.config,
    botLogin: params.botLogin,
  });
}
