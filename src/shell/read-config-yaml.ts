import { readYaml, type RawYaml } from "../core/config/parse-yaml.js";
import type { CommandIo } from "./command-io.js";
import { oneLineError } from "./one-line-error.js";

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
