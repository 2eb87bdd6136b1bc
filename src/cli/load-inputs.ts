import type { z } from "zod";
import type { FirstlineConfig } from "../config/firstline-config.js";
import { parseConfig } from "../config/load-config.js";
import { parseJson, type YamlSource } from "../config/parse-yaml.js";
import type { CommandIo } from "./command.js";
import { InputError } from "./input-error.js";

/** Reads and validates the configuration file, or throws an InputError naming file, key and line. */
export function readConfigFile(io: CommandIo, path: string): YamlSource<FirstlineConfig> {
  const parsed = parseConfig({ file: path, text: io.readTextFile(path) });
  if (!parsed.ok) throw new InputError(parsed.problems);
  return parsed.value;
}

/** Reads and validates a JSON input file. */
export function readJsonFile<S extends z.ZodType>(io: CommandIo, path: string, schema: S): z.output<S> {
  const parsed = parseJson({ file: path, text: io.readTextFile(path), schema });
  if (!parsed.ok) throw new InputError(parsed.problems);
  return parsed.value;
}
