import type { InputProblem, Parsed } from "../core/finding.js";
import type { Rota, RotaFileKind, RotaSource } from "../core/rota/types.js";
import { keyLineLocator, parseYaml, type YamlSource } from "../core/config/parse-yaml.js";
import { rotaOnCallSchema, rotaOverridesSchema, rotaPeopleSchema, rotaSupportSchema } from "./rota-schema.js";

/** The three files of a rota folder, as text; the caller reads them. */
export type RotaTexts = Readonly<Record<RotaFileKind, { readonly file: string; readonly text: string }>> & {
  /** `overrides.yml`, optional: a folder without one has no single-night cover. */
  readonly overrides?: { readonly file: string; readonly text: string } | undefined;
};

/** The optional file of single-night cover in a rota folder. */
export const OVERRIDES_FILE_NAME = "overrides.yml";

/** The names of the files in a rota folder. */
export const ROTA_FILE_NAMES: Readonly<Record<RotaFileKind, string>> = {
  people: "people.yml",
  support: "support.yml",
  onCall: "on-call.yml",
};

/** Top-level keys and week keys report their own line; every other path the line of its node. */
function sourceOf(parsed: YamlSource<unknown>, text: string): RotaSource {
  const keyLine = keyLineLocator({ text });
  return {
    file: parsed.file,
    lineOf: (path) => {
      const ownLine = path.length === 1 || (path.length === 2 && path[0] === "weeks");
      return (ownLine ? keyLine(path) : undefined) ?? parsed.lineOf(path);
    },
  };
}

/**
 * Parses a rota folder (people.yml, support.yml, on-call.yml) from its texts. Every problem names
 * its file, key path and line; the result keeps line locators so rule findings can carry lines.
 */
export function loadRota(texts: RotaTexts): Parsed<Rota> {
  const people = parseYaml({ ...texts.people, schema: rotaPeopleSchema });
  const support = parseYaml({ ...texts.support, schema: rotaSupportSchema });
  const onCall = parseYaml({ ...texts.onCall, schema: rotaOnCallSchema });
  const overrides = texts.overrides ? parseYaml({ ...texts.overrides, schema: rotaOverridesSchema }) : null;
  const problems: InputProblem[] = [];
  for (const parsed of [people, support, onCall, overrides])
    if (parsed && !parsed.ok) problems.push(...parsed.problems);
  if (!people.ok || !support.ok || !onCall.ok || (overrides && !overrides.ok)) return { ok: false, problems };
  return {
    ok: true,
    value: {
      people: people.value.value.people,
      support: support.value.value.weeks,
      onCall: onCall.value.value.weeks,
      sources: {
        people: sourceOf(people.value, texts.people.text),
        support: sourceOf(support.value, texts.support.text),
        onCall: sourceOf(onCall.value, texts.onCall.text),
      },
      ...(overrides?.ok && texts.overrides
        ? {
            overrides: overrides.value.value.overrides,
            overridesSource: sourceOf(overrides.value, texts.overrides.text),
          }
        : {}),
    },
  };
}
