import type { Finding, InputProblem } from "./finding.js";

/** One annotation on a file's line, as a check run shows it. */
export interface Annotation {
  readonly path: string;
  readonly line: number;
  readonly level: "failure" | "warning" | "notice";
  readonly title: string;
  readonly message: string;
}

/** What a check run reports: decided by the core, posted by `src/github`. */
export interface CheckReport {
  readonly name: string;
  readonly conclusion: "success" | "failure" | "neutral";
  readonly title: string;
  readonly summary: string;
  readonly annotations: readonly Annotation[];
}

/** Findings as annotations (a finding without a line annotates the file's first line). */
export function annotationsOf(findings: readonly Finding[]): Annotation[] {
  return findings.map((f) => ({
    path: f.file,
    line: f.line ?? 1,
    level: f.severity === "error" ? "failure" : "warning",
    title: f.rule,
    message: f.message,
  }));
}

/** The check run for a configuration file: success, or a failure with each problem on its line. */
export function configCheckReport(params: {
  readonly path: string;
  readonly problems: readonly InputProblem[];
}): CheckReport {
  const { path, problems } = params;
  if (problems.length === 0) {
    return {
      name: "Firstline configuration",
      conclusion: "success",
      title: "Configuration is valid",
      summary: `\`${path}\` reads cleanly.`,
      annotations: [],
    };
  }
  return {
    name: "Firstline configuration",
    conclusion: "failure",
    title: `${problems.length} problem${problems.length === 1 ? "" : "s"} in ${path}`,
    summary:
      "Firstline stops acting on tickets in a repository while its configuration is broken. Each problem is annotated on its line.",
    annotations: problems.map((p) => ({
      path,
      line: p.line ?? 1,
      level: "failure",
      title: p.path || "configuration",
      message: p.path ? `${p.path}: ${p.message}` : p.message,
    })),
  };
}
