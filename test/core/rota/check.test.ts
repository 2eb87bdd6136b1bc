import { describe, expect, it } from "vitest";
import { checkRota } from "../../../src/core/rota/check.js";
import { edit, FILES, fixtureTexts, PEOPLE, rotaOf, weeksText, type Texts } from "./rota-texts.js";

const TODAY = "2026-11-26";
const SUPPORT = weeksText([
  ["2026-11-25", "{ developer: ada, operations: olga }"],
  ["2026-12-02", "{ developer: cat, operations: pete }"],
]);
const ON_CALL = weeksText([
  ["2026-11-25", "{ primary: pete, secondLine: [quinn] }"],
  ["2026-12-02", "{ primary: olga, secondLine: [rosa] }"],
]);

interface Case {
  readonly name: string;
  readonly texts: Partial<Texts>;
  readonly rule: string;
  readonly expected: readonly {
    severity: "error" | "warning";
    file: string;
    line: number;
    message?: RegExp;
  }[];
}

const cases: readonly Case[] = [
  {
    name: "1: a week key that is not a Wednesday",
    texts: { support: SUPPORT + "  2026-12-10: { developer: ada, operations: rosa }\n" },
    rule: "rota/week-wednesday",
    expected: [
      {
        severity: "error",
        file: FILES.support,
        line: 4,
        message: /2026-12-10 is a Thursday.*\(2026-12-09\)/,
      },
    ],
  },
  {
    name: "1: a login not in people.yml",
    texts: { onCall: edit(ON_CALL, [["primary: olga", "primary: zed"]]) },
    rule: "rota/unknown-login",
    expected: [{ severity: "error", file: FILES.onCall, line: 3, message: /zed .* is not in people.yml/ }],
  },
  {
    name: "1: a login listed twice in people.yml",
    texts: { people: PEOPLE + "  - { login: ada, name: Ada Again, role: developer, deliveryLead: dana }\n" },
    rule: "rota/duplicate-login",
    expected: [{ severity: "error", file: FILES.people, line: 11 }],
  },
  {
    name: "2: a week without an operations engineer",
    texts: { support: edit(SUPPORT, [["{ developer: cat, operations: pete }", "{ developer: cat }"]]) },
    rule: "rota/support-pair",
    expected: [{ severity: "error", file: FILES.support, line: 3, message: /has no operations engineer/ }],
  },
  {
    name: "2: an operations engineer in the developer slot",
    texts: { support: edit(SUPPORT, [["developer: cat", "developer: rosa"]]) },
    rule: "rota/support-pair",
    expected: [
      { severity: "error", file: FILES.support, line: 3, message: /rosa is an operations engineer/ },
    ],
  },
  {
    name: "3: an unvetted developer holding a slot",
    texts: { support: edit(SUPPORT, [["developer: cat", "developer: finn"]]) },
    rule: "rota/vetted",
    expected: [{ severity: "error", file: FILES.support, line: 3, message: /finn is not vetted/ }],
  },
  {
    name: "3: unvetted people may shadow",
    texts: {
      support: edit(SUPPORT, [
        ["developer: cat, operations: pete", "developer: cat, operations: pete, shadow: [finn, uma]"],
      ]),
    },
    rule: "rota/vetted",
    expected: [],
  },
  {
    name: "4: a primary who has not opted in",
    texts: { onCall: edit(ON_CALL, [["primary: olga", "primary: quinn"]]) },
    rule: "rota/on-call-opt-in",
    expected: [{ severity: "error", file: FILES.onCall, line: 3 }],
  },
  {
    name: "4: a second line without secondLine: true (block list, the entry's own line)",
    texts: {
      onCall: `weeks:\n  2026-11-25:\n    primary: pete\n    secondLine:\n      - quinn\n      - olga\n`,
    },
    rule: "rota/second-line",
    expected: [{ severity: "error", file: FILES.onCall, line: 6, message: /olga is not on the second line/ }],
  },
  {
    name: "4: a week without a primary",
    texts: { onCall: edit(ON_CALL, [["{ primary: olga, secondLine: [rosa] }", "{ secondLine: [rosa] }"]]) },
    rule: "rota/on-call-slots",
    expected: [{ severity: "error", file: FILES.onCall, line: 3, message: /no primary/ }],
  },
  {
    name: "5: weeks missing before 13 weeks ahead, reported after the last week present",
    texts: {},
    rule: "rota/coverage",
    expected: [
      {
        severity: "error",
        file: FILES.support,
        line: 3,
        message: /weeks 2026-12-09 to 2027-02-24 have no first line support/,
      },
      {
        severity: "error",
        file: FILES.onCall,
        line: 3,
        message: /weeks 2026-12-09 to 2027-02-24 have no on-call rota/,
      },
    ],
  },
  {
    name: "6: a slot in a week that overlaps time away",
    texts: { support: SUPPORT + "  2026-12-09: { developer: ben, operations: rosa }\n" },
    rule: "rota/away",
    expected: [
      { severity: "error", file: FILES.support, line: 4, message: /ben is away 2026-12-07 to 2026-12-11/ },
    ],
  },
  {
    name: "6: a slot during client work is a warning",
    texts: { support: SUPPORT + "  2026-12-16: { developer: cat, operations: rosa }\n" },
    rule: "rota/client-work",
    expected: [
      { severity: "warning", file: FILES.support, line: 4, message: /cat is on client work \(acme\)/ },
    ],
  },
  {
    name: "7: the same person in the same role two weeks running",
    texts: { onCall: edit(ON_CALL, [["primary: olga", "primary: pete"]]) },
    rule: "rota/two-weeks-running",
    expected: [
      {
        severity: "warning",
        file: FILES.onCall,
        line: 3,
        message: /pete is primary on call two weeks running/,
      },
    ],
  },
  {
    name: "history: a past week is not checked beyond its key",
    texts: { support: weeksText([["2026-11-11", "{ developer: zed }"]]) + SUPPORT.replace("weeks:\n", "") },
    rule: "rota/unknown-login",
    expected: [],
  },
];

describe("checkRota rules", () => {
  it.each(cases)("$name", ({ texts, rule, expected }) => {
    const rota = rotaOf({ people: PEOPLE, support: SUPPORT, onCall: ON_CALL, ...texts });
    const found = checkRota({ rota, today: TODAY }).findings.filter((finding) => finding.rule === rule);
    expect(found.map(({ severity, file, line }) => ({ severity, file, line }))).toEqual(
      expected.map(({ severity, file, line }) => ({ severity, file, line })),
    );
    expected.forEach((want, index) => {
      if (want.message) expect(found[index]?.message).toMatch(want.message);
    });
  });

  it("passes a valid rota with no findings", () => {
    const result = checkRota({ rota: rotaOf(fixtureTexts("team")), today: TODAY });
    expect(result.findings).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("is not ok when any finding is an error, and sorts findings by file and line", () => {
    const rota = rotaOf({
      people: PEOPLE,
      support: edit(SUPPORT, [["developer: cat", "developer: finn"]]),
      onCall: ON_CALL,
    });
    const result = checkRota({ rota, today: TODAY });
    expect(result.ok).toBe(false);
    const order = result.findings.map(
      (f) =>
        `${[FILES.people, FILES.support, FILES.onCall].indexOf(f.file as never)}:${String(f.line ?? 0).padStart(4, "0")}`,
    );
    expect(order).toEqual([...order].sort());
  });

  it("checks the repository's own rota for 2026-11-26: no errors and no warnings, every week to 2027-06-30", () => {
    const rota = rotaOf(fixtureTexts("repository"));
    expect(checkRota({ rota, today: "2026-11-26" }).findings).toEqual([]);
    expect(Object.keys(rota.support).sort()[0]).toBe("2026-11-25");
    for (
      let week = "2026-11-25";
      week <= "2027-06-30";
      week = new Date(Date.parse(`${week}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10)
    ) {
      expect(rota.support[week], `support ${week}`).toBeDefined();
      expect(rota.onCall[week], `on-call ${week}`).toBeDefined();
    }
  });
});
