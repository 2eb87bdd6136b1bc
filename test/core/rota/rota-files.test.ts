import { describe, expect, it } from "vitest";
import { loadRota } from "../../../src/config/rota-load.js";
import type { InputProblem } from "../../../src/core/finding.js";
import { FILES, fixtureTexts, PEOPLE, rotaOf, weeksText } from "./rota-texts.js";

const SUPPORT = weeksText([["2026-11-25", "{ developer: ada, operations: olga }"]]);
const ON_CALL = weeksText([["2026-11-25", "{ primary: pete, secondLine: [quinn] }"]]);

function problemsOf(texts: { people?: string; support?: string; onCall?: string }): InputProblem[] {
  const parsed = loadRota({
    people: { file: FILES.people, text: texts.people ?? PEOPLE },
    support: { file: FILES.support, text: texts.support ?? SUPPORT },
    onCall: { file: FILES.onCall, text: texts.onCall ?? ON_CALL },
  });
  return parsed.ok ? [] : [...parsed.problems];
}

describe("loadRota", () => {
  it("parses the three files, keeping dates as strings and filling defaults", () => {
    const rota = rotaOf({ people: PEOPLE, support: SUPPORT, onCall: ON_CALL });
    expect(rota.people.find((p) => p.login === "ben")).toEqual({
      login: "ben",
      name: "Ben",
      role: "developer",
      vetted: true,
      deliveryLead: "lee",
      onCall: false,
      secondLine: false,
      away: [{ from: "2026-12-07", to: "2026-12-11" }],
      clientWork: [],
    });
    expect(rota.support).toEqual({ "2026-11-25": { developer: "ada", operations: "olga", shadow: [] } });
    expect(rota.onCall).toEqual({ "2026-11-25": { primary: "pete", secondLine: ["quinn"] } });
  });

  it("locates week keys on their own line, and slots on theirs", () => {
    const rota = rotaOf(fixtureTexts("team"));
    // support.yml: the block-style week 2026-12-09 starts on line 6, its operations slot is line 8.
    expect(rota.sources.support.lineOf(["weeks", "2026-12-09"])).toBe(6);
    expect(rota.sources.support.lineOf(["weeks", "2026-12-09", "operations"])).toBe(8);
    expect(rota.sources.support.lineOf(["weeks", "2026-12-09", "shadow", 0])).toBe(9);
    expect(rota.sources.support.file).toBe(FILES.support);
  });

  it.each([
    {
      name: "an unknown key in a week",
      texts: { support: weeksText([["2026-11-25", "{ developer: ada, operations: olga, backup: ben }"]]) },
      expected: {
        file: FILES.support,
        path: "weeks.2026-11-25.backup",
        line: 2,
        message: 'unknown key "backup"',
      },
    },
    {
      name: "an unknown key on a person",
      texts: {
        people: PEOPLE.replace(
          "deliveryLead: lee, onCall: true }",
          "deliveryLead: lee, onCall: true, pager: true }",
        ),
      },
      expected: { file: FILES.people, path: "people[4].pager", line: 6, message: 'unknown key "pager"' },
    },
    {
      name: "a week key that is not a date",
      texts: { onCall: weeksText([["next-week", "{ primary: pete, secondLine: [quinn] }"]]) },
      expected: { file: FILES.onCall, path: "weeks.next-week", line: 2 },
    },
    {
      name: "an away period that ends before it starts",
      texts: {
        people: PEOPLE.replace(
          "{ from: 2026-12-07, to: 2026-12-11 }",
          "{ from: 2026-12-11, to: 2026-12-07 }",
        ),
      },
      expected: {
        file: FILES.people,
        path: "people[1].away[0].to",
        line: 3,
        message: "ends before it starts",
      },
    },
    {
      name: "a role that does not exist",
      texts: { people: PEOPLE.replace("role: developer, vetted: false", "role: designer, vetted: false") },
      expected: { file: FILES.people, path: "people[3].role", line: 5 },
    },
    {
      name: "broken YAML",
      texts: { support: "weeks:\n  2026-11-25: { developer: ada\n" },
      expected: { file: FILES.support, path: "", line: 3 },
    },
  ])("reports $name with file, key path and line", ({ texts, expected }) => {
    const [problem] = problemsOf(texts);
    expect(problem).toMatchObject(expected);
  });
});
