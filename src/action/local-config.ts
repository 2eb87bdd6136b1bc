import { readConfigOrDefaults } from "../shell/load-inputs.js";
import type { FirstlineConfig } from "../core/config/firstline-config.js";
import type { ActionContext } from "./context.js";

/**
 * The configuration for the commands that need only local files (rota-check, runbooks-check,
 * site-build): the file named by the `config` input, or every default when the default file is
 * absent, as the command line does.
 */
export function readLocalConfig(context: Pick<ActionContext, "inputs" | "io">): FirstlineConfig {
  return readConfigOrDefaults(context.io, context.inputs.config);
}
