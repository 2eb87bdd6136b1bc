import type { Finding } from "../core/finding.js";
import type { FairnessGroup, FairnessReport } from "../core/rota/fairness.js";

/** `file:line: severity [rule] message`, one finding a line. */
export function formatFinding(finding: Finding): string {
  const where = finding.line === undefined ? finding.file : `${finding.file}:${finding.line}`;
  return `${where}: ${finding.severity} [${finding.rule}] ${finding.message}`;
}

/** `2 errors, 1 warning`. */
export function countFindings(findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  return `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
}

function formatGroup(label: string, group: FairnessGroup): string {
  if (group.people.length === 0) return `  ${label}: nobody eligible`;
  const shares = group.people.map(
    (share) => `${share.login} ${share.weeks} (${share.difference > 0 ? "+" : ""}${share.difference})`,
  );
  return `  ${label}: average ${group.average}, spread ${group.spread}: ${shares.join(", ")}`;
}

/** The fairness report as lines a person reads. */
export function formatFairness(report: FairnessReport): string[] {
  const { from, to, weeks } = report.horizon;
  return [
    `Fairness, weeks ${from} to ${to} (${weeks} weeks):`,
    formatGroup("in hours, developer", report.inHours.developer),
    formatGroup("in hours, operations", report.inHours.operations),
    formatGroup("on call, primary", report.onCall.primary),
    formatGroup("on call, second line", report.onCall.secondLine),
    ...report.excluded.map((entry) => `  not counted: ${entry.login}, ${entry.reason}`),
  ];
}
