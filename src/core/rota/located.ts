import type { Finding, Severity } from "../finding.js";
import type { RotaSource } from "./types.js";

/** A finding about the node at `path` in a rota file, with the file and line filled in. */
export function findingAt(params: {
  readonly rule: string;
  readonly severity: Severity;
  readonly source: RotaSource;
  readonly path: readonly PropertyKey[];
  readonly message: string;
}): Finding {
  const { rule, severity, source, path, message } = params;
  const line = source.lineOf(path);
  return line === undefined
    ? { rule, severity, file: source.file, message }
    : { rule, severity, file: source.file, line, message };
}
