import { join } from "node:path";
import { CONFIG_PATH, type FirstlineConfig } from "../core/config/firstline-config.js";
import type { CommandIo } from "./command.js";
import { InputError } from "../shell/input-error.js";
import { readConfigOrDefaults } from "../shell/load-inputs.js";

/**
 * Where a command finds the repository's files when no option names them: the root of the git
 * repository the command runs in. Outside one, the error names the option to pass instead.
 */
export function repositoryRootFor(params: {
  readonly io: CommandIo;
  readonly option: string;
  readonly what: string;
}): string {
  const root = params.io.repositoryRoot();
  if (root === null) {
    throw InputError.of({
      file: "firstline",
      path: "",
      message: `not inside a git repository, so there is no default ${params.what}: pass ${params.option}`,
    });
  }
  return root;
}

/** The configuration: `--config` when given, else the repository's .github/firstline.yml, or every default when it has none. */
export function repositoryConfig(params: {
  readonly io: CommandIo;
  readonly given: string | undefined;
}): FirstlineConfig {
  if (params.given !== undefined) return readConfigOrDefaults(params.io, params.given);
  const root = params.io.repositoryRoot();
  if (root === null) return readConfigOrDefaults(params.io, CONFIG_PATH);
  return readConfigOrDefaults(params.io, join(root, CONFIG_PATH), { missingMeansDefaults: true });
}

/** The rota folder: `--dir` (or `--rota-dir`) when given, else the configured rota folder of the repository. */
export function repositoryRotaDir(params: {
  readonly io: CommandIo;
  readonly given: string | undefined;
  readonly option: string;
  readonly config?: FirstlineConfig;
}): string {
  if (params.given !== undefined) return params.given;
  const root = repositoryRootFor({ io: params.io, option: `${params.option} DIR`, what: "rota folder" });
  const config = params.config ?? repositoryConfig({ io: params.io, given: undefined });
  return join(root, config.rota.dir);
}

/** The runbooks folder: the option when given, else runbooks/ of the repository. */
export function repositoryRunbooksDir(params: {
  readonly io: CommandIo;
  readonly given: string | undefined;
  readonly option: string;
}): string {
  if (params.given !== undefined) return params.given;
  return join(
    repositoryRootFor({ io: params.io, option: `${params.option} DIR`, what: "runbooks folder" }),
    "runbooks",
  );
}
