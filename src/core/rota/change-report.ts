import type { Annotation, CheckReport } from "../check-report.js";
import { annotationsOf } from "../check-report.js";
import { mention, neutralise } from "../markdown/safe-text.js";
import type { RotaChangeResult } from "./change-check.js";
import type { SlotValue } from "./change.js";
import { marker, ROTA_CHANGE_KEY } from "../markers.js";

export const ROTA_CHECK_NAME = "Firstline rota";
export const ROTA_COMMENT_MARKER = marker(ROTA_CHANGE_KEY);

function shown(value: SlotValue): string {
  if (value === null) return "nobody";
  if (typeof value === "string") return value;
  return value.length === 0 ? "nobody" : value.join(", ");
}

/** The check run for a rota pull request: each finding and each changed line annotated. */
export function rotaChangeCheckReport(result: RotaChangeResult): CheckReport {
  const changeNotes: Annotation[] = result.changes
    .filter((c) => c.line !== undefined)
    .map((c) => ({
      path: c.file,
      line: c.line ?? 1,
      level: "notice",
      title: `${c.week} ${c.slot}`,
      message: `${shown(c.from)} → ${shown(c.to)}`,
    }));
  const awaited = result.approvals.filter((a) => !a.given);
  return {
    name: ROTA_CHECK_NAME,
    conclusion: result.verdict === "pass" ? "success" : "failure",
    title:
      result.verdict === "pass"
        ? `${result.changes.length} change${result.changes.length === 1 ? "" : "s"}, all approved, enough notice`
        : result.blocking.join("; "),
    summary: [
      `${result.changes.length} slot${result.changes.length === 1 ? "" : "s"} changed; ${result.approvals.length - awaited.length} of ${result.approvals.length} approvals given.`,
      "",
      ...result.approvals.map((a) => `- [${a.given ? "x" : " "}] ${a.login}: ${a.why}`),
    ].join("\n"),
    annotations: [...annotationsOf(result.findings), ...changeNotes],
  };
}

/**
 * The one comment on a rota pull request, edited in place: every change, each approval given or
 * awaited, notice and warnings, and the fairness change, mentioning everyone affected and their
 * delivery leads (it replaces the email the playbook sends).
 */
export function rotaChangeComment(params: {
  readonly result: RotaChangeResult;
  readonly author: string;
}): string {
  const { result } = params;
  const affected = [
    ...new Set([
      ...result.people.added,
      ...result.people.removed,
      ...result.approvals.flatMap((a) => a.anyOf ?? [a.login]),
    ]),
  ].filter((login) => login.toLowerCase() !== params.author.toLowerCase());
  const notices = result.findings.filter((f) => f.rule.includes("notice"));
  const other = result.findings.filter((f) => !f.rule.includes("notice"));
  const lines = [
    `### Rota change: ${result.verdict === "pass" ? "ready to merge ✅" : "not ready yet ⏳"}`,
    "",
    affected.length > 0 ? `For: ${affected.map(mention).join(" ")}` : "",
    "",
    "| week | slot | from | to |",
    "|---|---|---|---|",
    ...result.changes.map(
      (c) => `| ${c.week} | ${c.slot} | ${neutralise(shown(c.from))} | ${neutralise(shown(c.to))} |`,
    ),
    "",
    "**Approvals** (an approving review on the latest commit; the author counts as approving their own):",
    ...result.approvals.map(
      (a) => `- [${a.given ? "x" : " "}] ${a.anyOf ? a.anyOf.join(" or ") : a.login}: ${neutralise(a.why)}`,
    ),
    "",
    "**Notice**:",
    ...(notices.length > 0
      ? notices.map((f) => `- ${f.severity === "error" ? "❌" : "⚠️"} ${neutralise(f.message)}`)
      : ["- every changed week has at least two weeks' notice"]),
    ...(other.length > 0
      ? [
          "",
          "**Rota rules**:",
          ...other.map(
            (f) =>
              `- ${f.severity === "error" ? "❌" : "⚠️"} \`${f.file}${f.line === undefined ? "" : `:${f.line}`}\` ${neutralise(f.message)}`,
          ),
        ]
      : []),
    "",
    "**Fairness change**:",
    ...(result.fairness.moves.length === 0
      ? ["- no one's number of weeks changes"]
      : result.fairness.moves.map((m) => `- ${m.login} (${m.group}): ${m.before} → ${m.after} weeks`)),
    "",
    ...(result.verdict === "fail" ? [`Waiting for: ${neutralise(result.blocking.join("; "))}.`, ""] : []),
    "<sub>Firstline re-checks this on every review and once a day, because notice runs out while a pull request waits.</sub>",
    ROTA_COMMENT_MARKER,
  ];
  return lines.join("\n");
}
