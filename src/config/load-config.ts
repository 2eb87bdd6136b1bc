import type { Parsed } from "../core/finding.js";
import { firstlineConfigSchema, type FirstlineConfig } from "../core/config/firstline-config.js";
import { parseYaml, type YamlSource } from "../core/config/parse-yaml.js";

/**
 * Parses the text of `.github/firstline.yml`. An empty file is a valid configuration with every
 * default; anything unusable comes back as problems naming the file, key path and line.
 */
export function parseConfig(params: {
  readonly file: string;
  readonly text: string;
}): Parsed<YamlSource<FirstlineConfig>> {
  return parseYaml({ file: params.file, text: params.text, schema: firstlineConfigSchema });
}
