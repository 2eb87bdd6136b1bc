import * as core from "@actions/core";
import type { Finding, InputProblem } from "../core/finding.js";
import { formatProblem } from "../core/finding.js";
import type { DryRunLog } from "../github/dry-run-log.js";
import { neutralise } from "../core/markdown/safe-text.js";

/** Findings as workflow annotations on their files and lines. */
export function annotate(findings: readonly Finding[]): void {
  for (const f of findings) {
    const props = { file: f.file, title: f.rule, ...(f.line === undefined ? {} : { startLine: f.line }) };
    if (f.severity === "error") core.error(f.message, props);
    else core.warning(f.message, props);
  }
}

/** Unusable input as error annotations that name the file, key path and line. */
export function annotateProblems(problems: readonly InputProblem[]): void {
  for (const p of problems) {
    core.error(p.path ? `${p.path}: ${p.message}` : p.message, {
      file: p.file,
      title: "unusable input",
      ...(p.line === undefined ? {} : { startLine: p.line }),
    });
  }
}

/** Findings as a markdown list for a job summary or an issue: severity, file and line, rule, message. */
export function findingLines(findings: readonly Finding[]): string[] {
  return findings.map(
    (f) =>
      `- **${f.severity}** \`${f.file}${f.line === undefined ? "" : `:${f.line}`}\` [${f.rule}] ${neutralise(f.message)}`,
  );
}

/** One line per problem, for setFailed. */
export function problemsText(problems: readonly InputProblem[]): string {
  return problems.map(formatProblem).join("\n");
}

/**
 * Writes the job summary (when the runner provides one) and the `result` output: the result as
 * JSON, or `text` as it is (toil's CSV).
 */
export async function finish(
  params: (
    | { readonly summary: string; readonly result: unknown }
    | { readonly summary: string; readonly text: string }
  ) & { readonly dryRun?: DryRunLog | undefined },
): Promise<void> {
  const { dryRun } = params;
  core.setOutput(
    "result",
    "text" in params ? params.text : JSON.stringify(withDryRun(params.result, dryRun)),
  );
  const summary = dryRun ? [params.summary, "", ...dryRunLines(dryRun)].join("\n") : params.summary;
  if (process.env["GITHUB_STEP_SUMMARY"]) await core.summary.addRaw(summary, true).write();
}

/** A JSON result with, in a dry run, the writes it would have made (`dryRun.writes`, each `{method, path}`). */
function withDryRun(result: unknown, dryRun: DryRunLog | undefined): unknown {
  if (!dryRun || typeof result !== "object" || result === null) return result;
  return { ...result, dryRun: { writes: dryRun.writes.map((w) => ({ method: w.method, path: w.path })) } };
}

/** The summary's account of a dry run: every write kept back, one a line. */
function dryRunLines(dryRun: DryRunLog): string[] {
  const lines = dryRun.lines();
  if (lines.length === 0) return ["### Dry run", "", "Nothing would have been written."];
  return [
    "### Dry run",
    "",
    `Nothing was written. ${lines.length === 1 ? "This write" : `These ${lines.length} writes`} would have been made:`,
    "",
    ...lines.map((l) => `- \`${l}\``),
  ];
}
