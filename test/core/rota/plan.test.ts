import { describe, expect, it } from "vitest";
import { planRota } from "../../../src/core/rota/plan.js";
import { rotaOf, weeksText } from "./rota-texts.js";

const EMPTY = "weeks: {}\n";

function team(lines: readonly string[]): string {
  return `people:\n${lines.map((line) => `  - ${line}\n`).join("")}`;
}

const BASE_TEAM = [
  "{ login: ada, name: Ada, role: developer, vetted: true, deliveryLead: dana, onCall: true }",
  "{ login: ben, name: Ben, role: developer, vetted: true, deliveryLead: lee }",
  "{ login: cat, name: Cat, role: developer, vetted: true, deliveryLead: lee }",
  "{ login: finn, name: Finn, role: developer, vetted: false, deliveryLead: dana }",
  "{ login: olga, name: Olga, role: operations, vetted: true, deliveryLead: lee, onCall: true }",
  "{ login: pete, name: Pete, role: operations, vetted: true, deliveryLead: dana, onCall: true }",
  "{ login: quinn, name: Quinn, role: operations, vetted: true, deliveryLead: dana, secondLine: true }",
  "{ login: rosa, name: Rosa, role: operations, vetted: true, deliveryLead: lee, secondLine: true }",
];

function plan(
  people: readonly string[],
  options: { support?: string; onCall?: string; from?: string; weeks?: number } = {},
) {
  const rota = rotaOf({
    people: team(people),
    support: options.support ?? EMPTY,
    onCall: options.onCall ?? EMPTY,
  });
  return planRota({ rota, from: options.from ?? "2027-01-06", weeks: options.weeks ?? 4 });
}

describe("planRota", () => {
  it("rotates vetted people of the right role, never two weeks running, and explains each choice", () => {
    const result = plan(BASE_TEAM);
    expect(result.ok).toBe(true);
    expect(
      result.weeks.map((w) => [
        w.week,
        w.support.developer,
        w.support.operations,
        w.onCall.primary,
        w.onCall.secondLine,
      ]),
    ).toEqual([
      ["2027-01-06", "ada", "olga", "pete", ["quinn"]],
      ["2027-01-13", "ben", "pete", "ada", ["rosa"]],
      ["2027-01-20", "cat", "quinn", "olga", ["quinn"]],
      ["2027-01-27", "ada", "rosa", "pete", ["rosa"]],
    ]);
    const first = result.weeks[0]?.choices.find((c) => c.slot === "developer");
    expect(first?.why).toBe(
      "0 developer weeks so far, never held it; next in line: ben (0, never), cat (0, never); not available: finn is not vetted",
    );
    const primary = result.weeks[0]?.choices.find((c) => c.slot === "primary");
    expect(primary?.why).toContain("olga already has the operations slot this week");
  });

  it("takes fewest weeks first, then whoever held it least recently, counting the rota so far", () => {
    const support = weeksText([
      ["2026-12-16", "{ developer: ben, operations: olga }"],
      ["2026-12-23", "{ developer: ada, operations: pete }"],
      ["2026-12-30", "{ developer: ben, operations: quinn }"],
    ]);
    const result = plan(BASE_TEAM, { support, weeks: 3 });
    // cat has none; then ada (1, last 2026-12-23) before ben (2); ada again rather than ben.
    expect(result.weeks.map((w) => w.support.developer)).toEqual(["cat", "ada", "cat"]);
    expect(result.weeks[1]?.choices[0]?.why).toMatch(
      /^1 developer week so far, last 2026-12-23; next in line: ben \(2, last 2026-12-30\)/,
    );
  });

  it("leaves out someone away that week, saying so", () => {
    const people = BASE_TEAM.map((line) =>
      line.replace(
        "login: ada, name: Ada, role: developer, vetted: true,",
        "login: ada, name: Ada, role: developer, vetted: true, away: [{ from: 2027-01-04, to: 2027-01-08 }],",
      ),
    );
    const result = plan(people, { weeks: 1 });
    expect(result.weeks[0]?.support.developer).toBe("ben");
    expect(result.weeks[0]?.choices[0]?.why).toContain("ada is away 2027-01-04 to 2027-01-08");
    expect(result.weeks[0]?.onCall.primary).not.toBe("ada");
  });

  it("leaves out someone on client work that week, saying so", () => {
    const people = BASE_TEAM.map((line) =>
      line.replace(
        "login: ben, name: Ben, role: developer, vetted: true,",
        "login: ben, name: Ben, role: developer, vetted: true, clientWork: [{ from: 2027-01-11, to: 2027-02-26, project: acme }],",
      ),
    );
    const result = plan(people, { weeks: 3 });
    expect(result.weeks.map((w) => w.support.developer)).toEqual(["ada", "cat", "ada"]);
    expect(result.weeks[1]?.choices[0]?.why).toContain(
      "ben is on client work (acme) 2027-01-11 to 2027-02-26",
    );
  });

  it("says plainly when too few vetted operations engineers leave no valid rota", () => {
    const people = [
      "{ login: ada, name: Ada, role: developer, vetted: true, deliveryLead: dana }",
      "{ login: ben, name: Ben, role: developer, vetted: true, deliveryLead: lee }",
      "{ login: olga, name: Olga, role: operations, vetted: true, deliveryLead: lee }",
      "{ login: uma, name: Uma, role: operations, vetted: false, deliveryLead: lee }",
    ];
    const result = plan(people, { weeks: 2 });
    expect(result.ok).toBe(false);
    expect(result.gaps).toEqual([
      {
        week: "2027-01-06",
        slot: "primary",
        why: "nobody in people.yml has opted in to on-call (onCall: true)",
      },
      {
        week: "2027-01-06",
        slot: "secondLine",
        why: "nobody in people.yml is on the second line (secondLine: true)",
      },
      {
        week: "2027-01-13",
        slot: "operations",
        why: "no one can take the operations slot: olga held it the week before; uma is not vetted",
      },
      {
        week: "2027-01-13",
        slot: "primary",
        why: "nobody in people.yml has opted in to on-call (onCall: true)",
      },
      {
        week: "2027-01-13",
        slot: "secondLine",
        why: "nobody in people.yml is on the second line (secondLine: true)",
      },
    ]);
    expect(result.weeks[1]?.support).toEqual({ developer: "ben", operations: null });
  });

  it("counts the week before the plan when it avoids two weeks running", () => {
    const onCall = weeksText([["2026-12-30", "{ primary: ada, secondLine: [quinn] }"]]);
    const result = plan(BASE_TEAM, { onCall, weeks: 1 });
    expect(result.weeks[0]?.onCall.secondLine).toEqual(["rosa"]);
    expect(result.weeks[0]?.choices.find((c) => c.slot === "secondLine")?.why).toContain(
      "quinn held it the week before",
    );
  });
});
