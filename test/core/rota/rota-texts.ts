import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadRota } from "../../../src/config/rota-load.js";
import { formatProblem } from "../../../src/core/finding.js";
import type { Rota } from "../../../src/core/rota/types.js";

/** The file names findings carry in these tests. */
export const FILES = {
  people: "rota/people.yml",
  support: "rota/support.yml",
  onCall: "rota/on-call.yml",
} as const;

/** The three texts of a rota folder. */
export interface Texts {
  readonly people: string;
  readonly support: string;
  readonly onCall: string;
}

/** Parses texts as a rota folder named `rota/`, failing the test on any input problem. */
export function rotaOf(texts: Texts): Rota {
  const parsed = loadRota({
    people: { file: FILES.people, text: texts.people },
    support: { file: FILES.support, text: texts.support },
    onCall: { file: FILES.onCall, text: texts.onCall },
  });
  if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join("\n"));
  return parsed.value;
}

/** The texts of a folder under test/fixtures/rota (or the repository's own `rota/`). */
export function fixtureTexts(name: string): Texts {
  const dir =
    name === "repository"
      ? join(import.meta.dirname, "../../../rota")
      : join(import.meta.dirname, "../../fixtures/rota", name);
  const read = (file: string) => readFileSync(join(dir, file), "utf8");
  return { people: read("people.yml"), support: read("support.yml"), onCall: read("on-call.yml") };
}

/** Replaces each `[from, to]` in a text; a `from` that is not there fails the test. */
export function edit(text: string, replacements: readonly (readonly [string, string])[]): string {
  return replacements.reduce((out, [from, to]) => {
    if (!out.includes(from)) throw new Error(`edit: "${from}" is not in the text`);
    return out.replace(from, to);
  }, text);
}

/** A small team, one person a line (line 2 is ada, line 10 is uma). */
export const PEOPLE = `people:
  - { login: ada, name: Ada, role: developer, vetted: true, deliveryLead: dana, onCall: true }
  - { login: ben, name: Ben, role: developer, vetted: true, deliveryLead: lee, away: [{ from: 2026-12-07, to: 2026-12-11 }] }
  - { login: cat, name: Cat, role: developer, vetted: true, deliveryLead: lee, clientWork: [{ from: 2026-12-14, to: 2026-12-18, project: acme }] }
  - { login: finn, name: Finn, role: developer, vetted: false, deliveryLead: dana }
  - { login: olga, name: Olga, role: operations, vetted: true, deliveryLead: lee, onCall: true }
  - { login: pete, name: Pete, role: operations, vetted: true, deliveryLead: dana, onCall: true }
  - { login: quinn, name: Quinn, role: operations, vetted: true, deliveryLead: dana, secondLine: true }
  - { login: rosa, name: Rosa, role: operations, vetted: true, deliveryLead: lee, secondLine: true }
  - { login: uma, name: Uma, role: operations, vetted: false, deliveryLead: lee }
`;

/** `weeks:` with one flow-mapping line per week, in order (the first week is on line 2). */
export function weeksText(entries: readonly (readonly [string, string])[]): string {
  return `weeks:\n${entries.map(([week, entry]) => `  ${week}: ${entry}\n`).join("")}`;
}
