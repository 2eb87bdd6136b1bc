import { formatProblem, type InputProblem } from "../core/finding.js";

/** Thrown by shells (never by the core) when an input is unusable; the CLI prints it and exits 2. */
export class InputError extends Error {
  readonly problems: readonly InputProblem[];
  constructor(problems: readonly InputProblem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "InputError";
    this.problems = problems;
  }

  static of(problem: InputProblem): InputError {
    return new InputError([problem]);
  }
}
