import * as core from "@actions/core";
import type { Finding, InputProblem } from "../core/finding.js";
import { formatProblem } from "../core/finding.js";

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
    core.error(p.path ? `${p.path}: ${p.message}` : p.message, { file: p.file, title: "unusable input", ...(p.line === undefined ? {} : { startLine: p.line }) });
  }
}

/** One line per problem, for setFailed. */
export function problemsText(problems: readonly InputProblem[]): string {
  return problems.map(formatProblem).join("\n");
}

/** Writes the job summary (when the runner provides one) and the `result` output. */
export async function finish(params: { readonly summary: string; readonly result: unknown }): Promise<void> {
  core.setOutput("result", JSON.stringify(params.result));
  if (process.env["GITHUB_STEP_SUMMARY"]) await core.summary.addRaw(params.summary, true).write();
}
