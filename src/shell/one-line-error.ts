import type { InputProblem } from "../core/finding.js";
import { InputError } from "./input-error.js";

/** The contract's one line: the first problem, and how many more there are (identical ones once). */
export function oneLineError(problems: readonly InputProblem[]): InputError {
  const distinct = problems.filter(
    (p, i) =>
      problems.findIndex(
        (q) => q.file === p.file && q.path === p.path && q.line === p.line && q.message === p.message,
      ) === i,
  );
  const [first, ...others] = distinct;
  if (!first) return InputError.of({ file: "input", path: "", message: "unusable" });
  const more =
    others.length === 0 ? "" : ` (and ${others.length} more problem${others.length === 1 ? "" : "s"})`;
  return InputError.of({ ...first, message: `${first.message}${more}` });
}
