import { describe, expect, it } from "vitest";
import { checkRota } from "../../../src/core/rota/check.js";
import { addDays } from "../../../src/core/rota/week.js";
import { FILES, PEOPLE, rotaOf, weeksText } from "./rota-texts.js";

const TODAY = "2026-11-26";

/** 14 weeks from 2026-11-25 (the current week to 13 ahead), one entry per week, in turn. */
function weeks(entries: readonly string[], count = 14): string {
  return weeksText(
    Array.from(
      { length: count },
      (_, i) => [addDays("2026-11-25", 7 * i), entries[i % entries.length] ?? ""] as const,
    ),
  );
}

const FAIR_ON_CALL = weeks([
  "{ primary: pete, secondLine: [quinn] }",
  "{ primary: olga, secondLine: [rosa] }",
]);

describe("fairness report", () => {
  it("counts weeks per eligible person from the current week, leaving out people on client work", () => {
    // ada 6, ben 4, cat 4 developer weeks; cat is on client work, so ada and ben are compared.
    const support = weeks([
      "{ developer: ada, operations: olga }",
      "{ developer: ben, operations: pete }",
      "{ developer: ada, operations: quinn }",
      "{ developer: cat, operations: rosa }",
      "{ developer: ada, operations: olga }",
      "{ developer: ben, operations: pete }",
      "{ developer: cat, operations: quinn }",
    ]);
    const result = checkRota({
      rota: rotaOf({ people: PEOPLE, support, onCall: FAIR_ON_CALL }),
      today: TODAY,
    });
    const { fairness } = result;
    expect(fairness.horizon).toEqual({ from: "2026-11-25", to: "2027-02-24", weeks: 14 });
    expect(fairness.excluded).toEqual([
      { login: "cat", reason: "on client work (acme) 2026-12-14 to 2026-12-18" },
    ]);
    expect(fairness.inHours.developer).toEqual({
      average: 5,
      min: 4,
      max: 6,
      spread: 2,
      people: [
        { login: "ada", weeks: 6, difference: 1 },
        { login: "ben", weeks: 4, difference: -1 },
      ],
    });
    expect(fairness.onCall.primary.people).toEqual([
      { login: "ada", weeks: 0, difference: -4.67 },
      { login: "olga", weeks: 7, difference: 2.33 },
      { login: "pete", weeks: 7, difference: 2.33 },
    ]);
    const warnings = result.findings.filter((f) => f.rule === "rota/fairness");
    expect(warnings.find((f) => f.message.startsWith("developer"))).toEqual({
      rule: "rota/fairness",
      severity: "warning",
      file: FILES.support,
      line: 1,
      message:
        "developer weeks from 2026-11-25 to 2027-02-24 are uneven: 4 (ben) to 6 (ada), a spread of 2 (at most 1)",
    });
    expect(warnings.find((f) => f.message.startsWith("primary on-call"))).toMatchObject({
      file: FILES.onCall,
      line: 1,
    });
  });

  it("has no warning when the spread is at most one", () => {
    const support = weeks([
      "{ developer: ada, operations: olga }",
      "{ developer: ben, operations: pete }",
      "{ developer: ada, operations: quinn }",
      "{ developer: ben, operations: rosa }",
    ]);
    const onCall = weeks([
      "{ primary: pete, secondLine: [quinn] }",
      "{ primary: olga, secondLine: [rosa] }",
      "{ primary: ada, secondLine: [quinn] }",
      "{ primary: pete, secondLine: [rosa] }",
      "{ primary: olga, secondLine: [quinn] }",
      "{ primary: ada, secondLine: [rosa] }",
    ]);
    const rota = rotaOf({ people: PEOPLE, support, onCall });
    const result = checkRota({ rota, today: TODAY });
    expect(result.findings.filter((f) => f.rule === "rota/fairness")).toEqual([]);
    expect(result.fairness.onCall.secondLine.spread).toBe(0);
  });

  it("runs the horizon to the last week set when that is beyond 13 weeks", () => {
    const support = weeks(
      ["{ developer: ada, operations: olga }", "{ developer: ben, operations: pete }"],
      20,
    );
    const result = checkRota({
      rota: rotaOf({ people: PEOPLE, support, onCall: FAIR_ON_CALL }),
      today: TODAY,
    });
    expect(result.fairness.horizon).toEqual({ from: "2026-11-25", to: "2027-04-07", weeks: 20 });
  });
});
