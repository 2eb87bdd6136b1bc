import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { checkRotaChange } from "../../../src/core/rota/change-check.js";
import { diffRotaSlots } from "../../../src/core/rota/change.js";
import { edit, FILES, fixtureTexts, rotaOf, type Texts } from "./rota-texts.js";

const ZONE = "Europe/London";
const BASE = fixtureTexts("team");

/** ada (lead dana) and ben (lead lee) swap developer weeks 2027-02-24 and 2027-03-03. */
const FAR_SWAP: Partial<Texts> = {
  support: edit(BASE.support, [
    ["2027-02-24: { developer: ben,", "2027-02-24: { developer: ada,"],
    ["2027-03-03: { developer: ada,", "2027-03-03: { developer: ben,"],
  ]),
};

/** ada and ben swap developer weeks 2026-12-09 (block style) and 2026-12-16. */
const NEAR_SWAP: Partial<Texts> = {
  support: edit(BASE.support, [
    ["  2026-12-09:\n    developer: ada", "  2026-12-09:\n    developer: ben"],
    ["2026-12-16: { developer: ben,", "2026-12-16: { developer: ada,"],
  ]),
};

function check(params: {
  head: Partial<Texts>;
  now: string;
  author?: string;
  approved?: readonly string[];
  admins?: readonly string[];
}) {
  return checkRotaChange({
    base: rotaOf(BASE),
    head: rotaOf({ ...BASE, ...params.head }),
    now: DateTime.fromISO(params.now, { setZone: true }),
    zone: ZONE,
    author: params.author ?? "ada",
    approved: params.approved ?? [],
    admins: params.admins,
  });
}

const errorsOf = (result: ReturnType<typeof check>) => result.findings.filter((f) => f.severity === "error");

describe("diffRotaSlots", () => {
  it("lists the slots that differ, with from and to", () => {
    const changes = diffRotaSlots({ base: rotaOf(BASE), head: rotaOf({ ...BASE, ...FAR_SWAP }) });
    expect(changes.map(({ week, slot, from, to }) => ({ week, slot, from, to }))).toEqual([
      { week: "2027-02-24", slot: "developer", from: "ben", to: "ada" },
      { week: "2027-03-03", slot: "developer", from: "ada", to: "ben" },
    ]);
  });

  it("gives lists for shadow and second line, ignoring their order", () => {
    const head = rotaOf({
      ...BASE,
      support: edit(BASE.support, [["shadow: [finn]", "shadow: [finn, uma]"]]),
      onCall: edit(BASE.onCall, [
        [
          "2026-12-02: { primary: olga, secondLine: [quinn] }",
          "2026-12-02: { primary: olga, secondLine: [rosa] }",
        ],
      ]),
    });
    const changes = diffRotaSlots({ base: rotaOf(BASE), head });
    expect(
      changes.map(({ week, slot, from, to, added, removed }) => ({ week, slot, from, to, added, removed })),
    ).toEqual([
      {
        week: "2026-12-02",
        slot: "secondLine",
        from: ["quinn"],
        to: ["rosa"],
        added: ["rosa"],
        removed: ["quinn"],
      },
      {
        week: "2026-12-09",
        slot: "shadow",
        from: ["finn"],
        to: ["finn", "uma"],
        added: ["uma"],
        removed: [],
      },
    ]);
  });
});

describe("checkRotaChange", () => {
  it("passes a clean two-person swap with all four approvals (the author approves their own)", () => {
    const result = check({
      head: FAR_SWAP,
      now: "2026-11-29T10:00:00Z",
      author: "ada",
      approved: ["ben", "dana", "lee"],
    });
    expect(result.verdict).toBe("pass");
    expect(result.approvals).toEqual([
      {
        login: "ben",
        why: "removed from developer, week 2027-02-24; added to developer, week 2027-03-03",
        given: true,
      },
      { login: "lee", why: "delivery lead of ben", given: true },
      {
        login: "ada",
        why: "added to developer, week 2027-02-24; removed from developer, week 2027-03-03",
        given: true,
      },
      { login: "dana", why: "delivery lead of ada", given: true },
    ]);
    expect(result.changes).toEqual([
      { week: "2027-02-24", slot: "developer", from: "ben", to: "ada", file: FILES.support, line: 20 },
      { week: "2027-03-03", slot: "developer", from: "ada", to: "ben", file: FILES.support, line: 21 },
    ]);
    expect(result.people).toEqual({ added: ["ada", "ben"], removed: ["ada", "ben"] });
    expect(result.findings).toEqual([]);
    expect(result.fairness.moves).toEqual([]);
  });

  it("fails a swap 5 days ahead", () => {
    const result = check({ head: NEAR_SWAP, now: "2026-12-04T10:00:00Z", approved: ["ben", "dana", "lee"] });
    expect(result.verdict).toBe("fail");
    expect(errorsOf(result)).toEqual([
      {
        rule: "rota/notice",
        severity: "error",
        file: FILES.support,
        line: 6,
        message:
          "week 2026-12-09 starts Wed 9 Dec 2026 10:00 GMT, 5 days from now: changes need at least 7 days' notice",
      },
    ]);
  });

  it("warns about a swap 10 days ahead, and passes", () => {
    const result = check({ head: NEAR_SWAP, now: "2026-11-29T10:00:00Z", approved: ["ben", "dana", "lee"] });
    expect(result.verdict).toBe("pass");
    expect(result.findings).toEqual([
      {
        rule: "rota/notice",
        severity: "warning",
        file: FILES.support,
        line: 6,
        message:
          "week 2026-12-09 starts Wed 9 Dec 2026 10:00 GMT, 10 days from now: changes should have at least 14 days' notice",
      },
    ]);
  });

  it("fails a swap into the current week", () => {
    const head = {
      support: edit(BASE.support, [
        [
          "2026-11-25: { developer: ben, operations: pete }",
          "2026-11-25: { developer: ben, operations: quinn }",
        ],
        [
          "2026-12-02: { developer: cat, operations: quinn }",
          "2026-12-02: { developer: cat, operations: pete }",
        ],
      ]),
    };
    const result = check({ head, now: "2026-11-29T10:00:00Z", author: "pete", approved: ["quinn", "dana"] });
    expect(result.verdict).toBe("fail");
    expect(errorsOf(result).map((f) => [f.rule, f.line, f.message])).toEqual([
      [
        "rota/notice",
        4,
        "week 2026-11-25 is the current week (it started Wed 25 Nov 2026 10:00 GMT): it cannot be changed",
      ],
      [
        "rota/notice",
        5,
        "week 2026-12-02 starts Wed 2 Dec 2026 10:00 GMT, 3 days from now: changes need at least 7 days' notice",
      ],
    ]);
  });

  it("fails while a delivery lead's approval is missing, and passes once it is given", () => {
    const missing = check({ head: FAR_SWAP, now: "2026-11-29T10:00:00Z", approved: ["ben", "lee"] });
    expect(missing.verdict).toBe("fail");
    expect(missing.approvals.filter((a) => !a.given)).toEqual([
      { login: "dana", why: "delivery lead of ada", given: false },
    ]);
    expect(missing.verdict === "fail" && missing.blocking).toEqual(["awaiting approval from dana"]);
    const given = check({ head: FAR_SWAP, now: "2026-11-29T10:00:00Z", approved: ["ben", "lee", "DANA"] });
    expect(given.verdict).toBe("pass");
  });

  it("does not count an approval by someone unrelated", () => {
    const result = check({ head: FAR_SWAP, now: "2026-11-29T10:00:00Z", approved: ["ben", "lee", "zoe"] });
    expect(result.verdict).toBe("fail");
    expect(result.approvals.map((a) => a.login)).not.toContain("zoe");
    expect(result.approvals.find((a) => a.login === "dana")?.given).toBe(false);
  });

  it("fails swapping in an unvetted person, even with every approval", () => {
    const head = {
      support: edit(BASE.support, [["2027-03-03: { developer: ada,", "2027-03-03: { developer: finn,"]]),
    };
    const result = check({ head, now: "2026-11-29T10:00:00Z", author: "finn", approved: ["ada", "dana"] });
    expect(result.approvals.every((a) => a.given)).toBe(true);
    expect(result.verdict).toBe("fail");
    expect(errorsOf(result).map(({ rule, file, line }) => ({ rule, file, line }))).toEqual([
      { rule: "rota/vetted", file: FILES.support, line: 21 },
    ]);
  });

  it("fails a change that leaves a week without an operations engineer", () => {
    const head = {
      support: edit(BASE.support, [
        ["2027-02-24: { developer: ben, operations: quinn }", "2027-02-24: { developer: ben }"],
      ]),
    };
    const result = check({ head, now: "2026-11-29T10:00:00Z", author: "quinn", approved: ["dana"] });
    expect(result.changes).toEqual([
      { week: "2027-02-24", slot: "operations", from: "quinn", to: null, file: FILES.support, line: 20 },
    ]);
    expect(result.verdict).toBe("fail");
    expect(errorsOf(result).map(({ rule, line, message }) => ({ rule, line, message }))).toEqual([
      { rule: "rota/support-pair", line: 20, message: "week 2027-02-24 has no operations engineer" },
    ]);
    expect(result.fairness.moves).toEqual([
      { group: "inHours.operations", login: "quinn", before: 5, after: 4 },
    ]);
  });

  it("needs a rota admin when people.yml changes, when admins are named", () => {
    const head = {
      people: edit(BASE.people, [
        [
          "login: finn, name: Finn Doyle, role: developer, vetted: false",
          "login: finn, name: Finn Doyle, role: developer, vetted: true",
        ],
      ]),
    };
    const awaited = check({ head, now: "2026-11-29T10:00:00Z", author: "finn", admins: ["grace", "sam"] });
    expect(awaited.approvals).toEqual([
      { login: "grace or sam", why: "rota admin: people.yml changed", given: false, anyOf: ["grace", "sam"] },
    ]);
    expect(awaited.verdict).toBe("fail");
    const given = check({
      head,
      now: "2026-11-29T10:00:00Z",
      author: "finn",
      approved: ["sam"],
      admins: ["grace", "sam"],
    });
    expect(given.verdict).toBe("pass");
    const unknown = check({ head, now: "2026-11-29T10:00:00Z", author: "finn" });
    expect(unknown.findings.filter((f) => f.rule === "rota/admins")).toEqual([
      {
        rule: "rota/admins",
        severity: "warning",
        file: FILES.people,
        line: 3,
        message: "people.yml changed, but no rota admins were named, so no admin approval was checked",
      },
    ]);
  });

  it("treats deleting weeks that have ended as pruning history, not a change", () => {
    const head = {
      support: edit(BASE.support, [["  2026-11-18: { developer: ada, operations: olga }\n", ""]]),
      onCall: edit(BASE.onCall, [["  2026-11-18: { primary: cat, secondLine: [quinn] }\n", ""]]),
    };
    const result = check({ head, now: "2026-11-29T10:00:00Z" });
    expect(result.changes).toEqual([]);
    expect(result.verdict).toBe("pass");
  });
});

describe("approvals when people.yml changes too", () => {
  it("asks the delivery lead named on the head", () => {
    const head = {
      people: edit(BASE.people, [
        [
          "{ login: ada, name: Ada Lovelace, role: developer, vetted: true, deliveryLead: dana,",
          "{ login: ada, name: Ada Lovelace, role: developer, vetted: true, deliveryLead: lee,",
        ],
      ]),
      support: FAR_SWAP.support ?? "",
    };
    const result = check({ head, now: "2026-11-29T10:00:00Z", approved: ["ben", "lee"], admins: ["lee"] });
    expect(result.approvals.map((a) => [a.login, a.why])).toEqual([
      ["ben", "removed from developer, week 2027-02-24; added to developer, week 2027-03-03"],
      ["lee", "delivery lead of ben; delivery lead of ada"],
      ["ada", "added to developer, week 2027-02-24; removed from developer, week 2027-03-03"],
      ["lee", "rota admin: people.yml changed"],
    ]);
    expect(result.verdict).toBe("pass");
  });
});
