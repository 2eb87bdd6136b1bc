import type { z } from "zod";
import { parseConfig } from "../config/load-config.js";
import {
  parseJson,
  readYaml,
  validateYaml,
  type RawYaml,
  type YamlSource,
} from "../core/config/parse-yaml.js";
import { CONFIG_PATH, firstlineConfigSchema, type FirstlineConfig } from "../core/config/firstline-config.js";
import type { CommandIo } from "./command-io.js";
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

/**
 * The configuration file read as YAML and not yet validated, for a command that can start on it
 * (the Action's sweep asks for its first tickets) while `validateConfigYaml` checks the rest; as
 * `readConfigFile`, a file that does not read throws an InputError naming file and line.
 */
export function readConfigYaml(io: CommandIo, path: string): RawYaml {
  const read = readYaml({ file: path, text: io.readTextFile(path) });
  if (!read.ok) throw oneLineError(read.problems);
  return read.value;
}

/** The configuration read by `readConfigYaml`, validated as `readConfigFile` validates it. */
export function validateConfigYaml(source: RawYaml): FirstlineConfig {
  const validated = validateYaml({ raw: source.raw, schema: firstlineConfigSchema, sources: [source] });
  if (!validated.ok) throw oneLineError(validated.problems);
  return validated.value;
}

/** Reads and validates the configuration file, or throws an InputError naming file, key and line. */
export function readConfigFile(io: CommandIo, path: string): YamlSource<FirstlineConfig> {
  const parsed = parseConfig({ file: path, text: io.readTextFile(path) });
  if (!parsed.ok) throw oneLineError(parsed.problems);
  return parsed.value;
}

/**
 * The configuration for commands that need only local files: the file at `path`, or every default
 * when `path` is the default location and no file is there. A file that is there but broken is
 * still an error naming its line.
 */
export function readConfigOrDefaults(
  io: CommandIo,
  path: string,
  options: { readonly missingMeansDefaults?: boolean } = {},
): FirstlineConfig {
  try {
    return readConfigFile(io, path).value;
  } catch (error) {
    const missing =
      error instanceof InputError &&
      error.problems.length === 1 &&
      error.problems[0]?.message === "file not found";
    if (!missing || (path !== CONFIG_PATH && options.missingMeansDefaults !== true)) throw error;
    const defaults = parseConfig({ file: CONFIG_PATH, text: "" });
    if (!defaults.ok) throw new InputError(defaults.problems);
    return defaults.value.value;
  }
}

/** Reads and validates a JSON input file. */
export function readJsonFile<S extends z.ZodType>(io: CommandIo, path: string, schema: S): z.output<S> {
  const parsed = parseJson({ file: path, text: io.readTextFile(path), schema });
  if (!parsed.ok) throw oneLineError(parsed.problems);
  return parsed.value;
}
