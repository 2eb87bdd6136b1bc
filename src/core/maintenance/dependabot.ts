import { quoteInline } from "../markdown/safe-text.js";
import type { TicketSnapshot } from "../ticket/snapshot.js";
import type { DependabotAlert } from "./alert-schemas.js";
import { planAlertTicket, type SecurityConfig } from "./alert-ticket.js";
import type { MaintenanceIssueAction } from "./issue-actions.js";
import { securityTicketKey } from "../markers.js";
import { ALERT_SEVERITIES, normaliseSeverity, worstSeverity, type AlertSeverity } from "./severity.js";

/** A package in one ecosystem, as Dependabot names it. */
export interface AlertPackage {
  readonly ecosystem: string;
  readonly name: string;
}

/** A repository's alerts grouped by package: one ticket each. */
export function groupDependabotAlerts(
  alerts: readonly DependabotAlert[],
): { readonly package: AlertPackage; readonly alerts: readonly DependabotAlert[] }[] {
  const groups = new Map<string, { package: AlertPackage; alerts: DependabotAlert[] }>();
  for (const alert of alerts) {
    const { ecosystem, name } = alert.dependency.package;
    const id = `${ecosystem}\u0000${name}`;
    const group = groups.get(id) ?? { package: { ecosystem, name }, alerts: [] };
    group.alerts.push(alert);
    groups.set(id, group);
  }
  return [...groups.values()].sort((a, b) =>
    a.package.ecosystem + a.package.name < b.package.ecosystem + b.package.name ? -1 : 1,
  );
}

/** The severity of an alert: the vulnerability's own, else the advisory's. */
export function dependabotSeverity(alert: DependabotAlert): AlertSeverity {
  return normaliseSeverity(alert.security_vulnerability?.severity ?? alert.security_advisory.severity);
}

/** A link only to a plain https address, so nothing odd breaks the table. */
export function safeLink(label: string, url: string | null | undefined): string {
  return url && /^https:\/\/[^\s()<>[\]"'`]+$/.test(url) ? `[${label}](${url})` : label;
}

const STATE_WORDS: Readonly<Record<string, string>> = {
  open: "**open**",
  fixed: "fixed",
  dismissed: "dismissed",
  auto_dismissed: "dismissed automatically",
};

function stateCell(alert: {
  readonly state: string;
  readonly dismissed_reason?: string | null | undefined;
}): string {
  const word = STATE_WORDS[alert.state] ?? quoteInline(alert.state, 40);
  return alert.state === "dismissed" && alert.dismissed_reason
    ? `${word} (${quoteInline(alert.dismissed_reason, 40)})`
    : word;
}

/** Open alerts first, then the worst, then by number. */
export function alertOrder<T extends { readonly number: number; readonly state: string }>(
  severity: (alert: T) => AlertSeverity,
) {
  return (a: T, b: T) =>
    Number(b.state === "open") - Number(a.state === "open") ||
    ALERT_SEVERITIES.indexOf(severity(a)) - ALERT_SEVERITIES.indexOf(severity(b)) ||
    a.number - b.number;
}

function advisoryCell(alert: DependabotAlert): string {
  const { ghsa_id: ghsa, cve_id: cve, summary } = alert.security_advisory;
  const ghsaCell = /^GHSA(-[a-z0-9]{4}){3}$/i.test(ghsa)
    ? safeLink(ghsa, `https://github.com/advisories/${ghsa}`)
    : quoteInline(ghsa, 40);
  const cveCell = cve ? ` ${quoteInline(cve, 30)}` : "";
  return `${ghsaCell}${cveCell}: ${quoteInline(summary, 120)}`;
}

function dependabotTable(alerts: readonly DependabotAlert[]): string {
  const rows = [...alerts].sort(alertOrder(dependabotSeverity)).map((alert) => {
    const vulnerability = alert.security_vulnerability;
    const cells = [
      safeLink(`#${alert.number}`, alert.html_url),
      advisoryCell(alert),
      dependabotSeverity(alert),
      vulnerability?.vulnerable_version_range
        ? quoteInline(vulnerability.vulnerable_version_range, 60)
        : "unknown",
      vulnerability?.first_patched_version
        ? quoteInline(vulnerability.first_patched_version.identifier, 40)
        : "no fix yet",
      alert.dependency.manifest_path ? quoteInline(alert.dependency.manifest_path, 80) : "",
      stateCell(alert),
    ];
    return `| ${cells.join(" | ")} |`;
  });
  return [
    "| Alert | Advisory | Severity | Affected versions | Fixed in | Manifest | State |",
    "|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

/**
 * Plans the one maintenance ticket of a repository and package from all of that package's
 * Dependabot alerts (open or not): create it, update its table in place, move its priority with
 * the worst open severity, close it when none is open. `existing` is the bot's issue carrying the
 * marker `securityTicketKey(...)`, or null. Alerts of other packages are ignored.
 */
export function planSecurityTicket(params: {
  readonly repo: string;
  readonly package: AlertPackage;
  readonly alerts: readonly DependabotAlert[];
  readonly existing: TicketSnapshot | null;
  readonly config: SecurityConfig;
  readonly botLogin: string;
  /** Dependabot's pull request that updates the package, when there is one. */
  readonly pullRequest?: { readonly number: number; readonly url: string } | null;
}): MaintenanceIssueAction[] {
  const { repo, existing, config, botLogin } = params;
  const pkg = params.package;
  const alerts = params.alerts.filter(
    (a) => a.dependency.package.ecosystem === pkg.ecosystem && a.dependency.package.name === pkg.name,
  );
  const open = alerts.filter((a) => a.state === "open");
  const worst = worstSeverity(open.map(dependabotSeverity));
  const name = `**${quoteInline(pkg.name, 100)}** (${quoteInline(pkg.ecosystem, 30)})`;
  const summary = [
    open.length === 0
      ? `Every Dependabot alert for ${name} in ${repo} is fixed or dismissed.`
      : `Dependabot reports ${open.length === 1 ? "an open alert" : `${open.length} open alerts`} for ${name} in ${repo}; the worst is **${worst ?? "unknown"}**. Update the package to a fixed version, or dismiss an alert that does not apply with its reason.`,
    ...(params.pullRequest
      ? [
          "",
          `Dependabot's pull request: ${safeLink(`#${params.pullRequest.number}`, params.pullRequest.url)}.`,
        ]
      : []),
  ].join("\n");
  return planAlertTicket({
    draft: {
      repo,
      key: securityTicketKey({ repo, package: pkg }),
      title: `Security: update ${pkg.name} (${pkg.ecosystem}) in ${repo}`,
      summary,
      table: dependabotTable(alerts),
      source: "Dependabot",
      openAlerts: open.map((a) => a.number),
      worst,
    },
    existing,
    config,
    botLogin,
  });
}
