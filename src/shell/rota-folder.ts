import { join } from "node:path";
import { DateTime } from "luxon";
import * as z from "zod";
import { loadRota, OVERRIDES_FILE_NAME, ROTA_FILE_NAMES, type RotaTexts } from "../config/rota-load.js";
import type { Rota, RotaFileKind } from "../core/rota/types.js";
import type { CommandIo } from "./command-io.js";
import { InputError } from "./input-error.js";

/** `--timezone`: the IANA zone weeks and working hours are read in. */
export const timezoneOption = z
  .string()
  .default("Europe/London")
  .refine((zone) => DateTime.fromMillis(0, { zone }).isValid, {
    message: "must be an IANA time zone such as Europe/London",
  });

/** A comma-separated list of logins (`--approved alice,bob`), empty when the flag is absent. */
export const loginListOption = z
  .string()
  .optional()
  .transform((text) =>
    (text ?? "")
      .split(",")
      .map((login) => login.trim())
      .filter((login) => login !== ""),
  );

/**
 * Reads and parses a rota folder. Unusable input (a missing file, broken YAML, a schema violation)
 * becomes one InputError line naming the file, key path and line, with a count of any others.
 */
export function readRotaFolder(params: { readonly dir: string; readonly io: CommandIo }): Rota {
  const { dir, io } = params;
  const read = (kind: RotaFileKind) => {
    const file = join(dir, ROTA_FILE_NAMES[kind]);
    return { file, text: io.readTextFile(file) };
  };
  const overrides = readOptional({ file: join(dir, OVERRIDES_FILE_NAME), io });
  const texts: RotaTexts = {
    people: read("people"),
    support: read("support"),
    onCall: read("onCall"),
    ...(overrides ? { overrides } : {}),
  };
  const parsed = loadRota(texts);
  if (parsed.ok) return parsed.value;
  const [first, ...others] = parsed.problems;
  if (!first) throw InputError.of({ file: dir, path: "", message: "the rota could not be read" });
  const more =
    others.length === 0 ? "" : ` (and ${others.length} more problem${others.length === 1 ? "" : "s"})`;
  throw InputError.of({ ...first, message: `${first.message}${more}` });
}

/** An optional file of the folder (overrides.yml): absent is fine, present is parsed like the rest. */
function readOptional(params: {
  readonly file: string;
  readonly io: CommandIo;
}): { file: string; text: string } | undefined {
  try {
    return { file: params.file, text: params.io.readTextFile(params.file) };
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
}
