import type { z } from "zod";
import type { FirstlineConfig } from "../config/firstline-config.js";
import { parseConfig } from "../config/load-config.js";
import { parseJson, type YamlSource } from "../config/parse-yaml.js";
import type { CommandIo } from "./command.js";
import type { InputProblem } from "../core/finding.js";
import { InputError } from "./input-error.js";

/** The contract's one line: the first problem, and how many more there are (identical ones once). */
export function oneLineError(problems: readonly InputProblem[]): InputError {
  const distinct = problems.filter((p, i) => problems.findIndex((q) => q.file === p.file && q.path === p.path && q.line === p.line && q.message === p.message) === i);
  const [first, ...others] = distinct;
  if (!first) return InputError.of({ file: "input", path: "", message: "unusable" });
  const more = others.length === 0 ? "" : ` (and ${others.length} more problem${others.length === 1 ? "" : "s"})`;
  return InputError.of({ ...first, message: `${first.message}${more}` });
}

/** Reads and validates the configuration file, or throws an InputError naming file, key and line. */
export function readConfigFile(io: CommandIo, path: string): YamlSource<FirstlineConfig> {
  const parsed = parseConfig({ file: path, text: io.readTextFile(path) });
  if (!parsed.ok) throw oneLineError(parsed.problems);
  return parsed.value;
}

/** Reads and validates a JSON input file. */
export function readJsonFile<S extends z.ZodType>(io: CommandIo, path: string, schema: S): z.output<S> {
  const parsed = parseJson({ file: path, text: io.readTextFile(path), schema });
  if (!parsed.ok) throw oneLineError(parsed.problems);
  return parsed.value;
}
