import type { z } from "zod";
import { parseConfig } from "../config/load-config.js";
import { parseJson, validateYaml, type RawYaml, type YamlSource } from "../core/config/parse-yaml.js";
import { readConfigYaml } from "./read-config-yaml.js";
import { CONFIG_PATH, firstlineConfigSchema, type FirstlineConfig } from "../core/config/firstline-config.js";
import type { CommandIo } from "./command-io.js";
import { InputError } from "./input-error.js";
import { oneLineError } from "./one-line-error.js";

export { oneLineError, readConfigYaml };

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
