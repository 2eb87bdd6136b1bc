/** How bad a finding is: an error fails a check, a warning is reported and passes. */
export type Severity = "error" | "warning";

/** One thing a check found in a file, with where it stands, so it can become an annotation. */
export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly file: string;
  /** 1-based line in `file`, when known. */
  readonly line?: number;
  readonly message: string;
}

/** A file that cannot be used at all: it names the file, the key path and (where known) the line. */
export interface InputProblem {
  readonly file: string;
  /** Dotted key path such as `clients[0].plan`; empty for the whole file. */
  readonly path: string;
  readonly line?: number;
  readonly message: string;
}

/** Parsing never throws for bad input: it returns a value or the problems. */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly InputProblem[] };

/** `file:line: path: message`, the one line a person reads. */
export function formatProblem(problem: InputProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  return problem.path === ""
    ? `${where}: ${problem.message}`
    : `${where}: ${problem.path}: ${problem.message}`;
}

/** Formats a key path (`["clients", 0, "plan"]`) as `clients[0].plan`. */
export function formatKeyPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}
