import { InputError } from "../cli/input-error.js";
import { readConfigFile } from "../cli/load-inputs.js";
import { CONFIG_PATH, type FirstlineConfig } from "../config/firstline-config.js";
import { parseConfig } from "../config/load-config.js";
import type { ActionContext } from "./context.js";

/**
 * The configuration for the commands that need only local files (runbooks-check, site-build): the
 * file named by the `config` input, or every default when the default file is absent, as the
 * command line does. A file that is there but broken is still an error naming its line.
 */
export function readLocalConfig(context: Pick<ActionContext, "inputs" | "io">): FirstlineConfig {
  const path = context.inputs.config;
  try {
    return readConfigFile(context.io, path).value;
  } catch (error) {
    const missing = error instanceof InputError && error.problems.length === 1 && error.problems[0]?.message === "file not found";
    if (!missing || path !== CONFIG_PATH) throw error;
    const defaults = parseConfig({ file: CONFIG_PATH, text: "" });
    if (!defaults.ok) throw new InputError(defaults.problems);
    return defaults.value.value;
  }
}
