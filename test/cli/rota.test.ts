import ICAL from "ical.js";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/memory-io.js";
import { edit, fixtureTexts } from "../core/rota/rota-texts.js";

const TEAM = "test/fixtures/rota/team";
const team = fixtureTexts("team");

/** A rota folder held in memory under `dir`. */
function folder(
  dir: string,
  texts: { people: string; support: string; onCall: string },
): Record<string, string> {
  return {
    [`${dir}/people.yml`]: texts.people,
    [`${dir}/support.yml`]: texts.support,
    [`${dir}/on-call.yml`]: texts.onCall,
  };
}

describe("firstline rota check", () => {
  it("passes the repository's own rota for 2026-11-26 with no findings", async () => {
    const result = await runCli(["rota", "check", "--dir", "rota", "--today", "2026-11-26", "--json"]);
    expect(result.code).toBe(0);
    const json = result.json() as {
      ok: boolean;
      findings: unknown[];
      fairness: { horizon: { from: string; to: string } };
    };
    expect(json.ok).toBe(true);
    expect(json.findings).toEqual([]);
    expect(json.fairness.horizon).toEqual({ from: "2026-11-25", to: "2027-06-30", weeks: 32 });
  });

  it("exits 1 on an error and prints file:line, severity and rule", async () => {
    const support = edit(team.support, [["2027-01-13: { developer: ada,", "2027-01-13: { developer: finn,"]]);
    const result = await runCli(
      ["rota", "check", "--dir", "bad"],
      folder("bad", { ...team, support }),
      "2026-11-26T12:00:00Z",
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      "bad/support.yml:14: error [rota/vetted] finn is not vetted, so may only shadow (the developer slot, week 2027-01-13)",
    );
    expect(result.stdout).toContain("rota check (today 2026-11-26): failed, 1 error, 1 warning");
  });

  it("exits 2 with one line naming the file for a missing folder", async () => {
    const result = await runCli(["rota", "check", "--dir", "no-such-folder", "--today", "2026-11-26"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("no-such-folder/people.yml: file not found\n");
  });

  it("exits 2 with one line naming file and line for broken YAML", async () => {
    const support = "weeks:\n  2026-11-25: { developer: ada\n";
    const result = await runCli(
      ["rota", "check", "--dir", "broken", "--today", "2026-11-26"],
      folder("broken", { ...team, support }),
    );
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")).toHaveLength(2);
    expect(result.stderr).toMatch(/^broken\/support\.yml:3: invalid YAML/);
  });

  it("exits 2 with file, key path and line for an unknown key", async () => {
    const onCall = edit(team.onCall, [["2026-12-02: { primary: olga,", "2026-12-02: { primay: olga,"]]);
    const result = await runCli(
      ["rota", "check", "--dir", "typo", "--today", "2026-11-26"],
      folder("typo", { ...team, onCall }),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('typo/on-call.yml:5: weeks.2026-12-02.primay: unknown key "primay"\n');
  });
});

describe("firstline rota who", () => {
  it("prints exactly {support, onCall, inHours}", async () => {
    const result = await runCli([
      "rota",
      "who",
      "--dir",
      TEAM,
      "--at",
      "2027-03-31T10:00:00+01:00",
      "--json",
    ]);
    expect(result.code).toBe(0);
    expect(result.json()).toEqual({
      support: { developer: "ben", operations: "rosa" },
      onCall: { primary: "cat", secondLine: ["rosa"] },
      inHours: true,
    });
  });

  it("reads the week before the handover in the readable report", async () => {
    const result = await runCli(["rota", "who", "--dir", TEAM, "--at", "2027-03-31T09:59:00+01:00"]);
    expect(result.stdout).toContain(
      "Week 2027-03-24: Wed 24 Mar 2027 10:00 GMT to Wed 31 Mar 2027 10:00 BST",
    );
    expect(result.stdout).toContain("First line support: ada (developer), quinn (operations)");
  });
});

describe("firstline rota plan", () => {
  it("prints YAML to paste, each choice explained", async () => {
    const result = await runCli(["rota", "plan", "--dir", TEAM, "--from", "2027-04-07", "--weeks", "2"]);
    expect(result.code).toBe(0);
    const [supportBlock = "", onCallBlock = ""] = result.stdout.split(`# ${TEAM}/on-call.yml`);
    const weeksOf = (block: string) =>
      parseYaml(
        `weeks:\n${block
          .split("\n")
          .filter((line) => line.startsWith("  "))
          .join("\n")}\n`,
      ) as { weeks: Record<string, unknown> };
    expect(Object.keys(weeksOf(supportBlock).weeks)).toEqual(["2027-04-07", "2027-04-14"]);
    expect(weeksOf(onCallBlock).weeks["2027-04-07"]).toEqual({
      primary: expect.any(String),
      secondLine: ["quinn"],
    });
    expect(result.stdout).toMatch(/ {2}# developer \w+: \d+ developer weeks? so far/);
  });

  it("gives JSON with --json, and exits 1 when no valid rota exists", async () => {
    const people = `people:\n  - { login: ada, name: Ada, role: developer, vetted: true, deliveryLead: dana }\n  - { login: olga, name: Olga, role: operations, vetted: true, deliveryLead: lee, onCall: true }\n`;
    const files = folder("thin", { people, support: "weeks: {}\n", onCall: "weeks: {}\n" });
    const result = await runCli(
      ["rota", "plan", "--dir", "thin", "--from", "2027-04-07", "--weeks", "2", "--json"],
      files,
    );
    expect(result.code).toBe(1);
    const json = result.json() as { ok: boolean; gaps: { week: string; slot: string; why: string }[] };
    expect(json.ok).toBe(false);
    expect(json.gaps).toContainEqual({
      week: "2027-04-14",
      slot: "developer",
      why: "no one can take the developer slot: ada held it the week before",
    });
    const readable = await runCli(
      ["rota", "plan", "--dir", "thin", "--from", "2027-04-07", "--weeks", "2"],
      files,
    );
    expect(readable.stdout).toContain(
      "# NO VALID ROTA for developer: no one can take the developer slot: ada held it the week before",
    );
  });

  it("refuses a --from that is not a Wednesday", async () => {
    const result = await runCli(["rota", "plan", "--dir", TEAM, "--from", "2027-04-08", "--weeks", "2"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "firstline rota plan: --from must be a Wednesday: weeks are keyed by their Wednesday\n",
    );
  });
});

describe("firstline rota ics", () => {
  it("writes an iCalendar file that ical.js reads", async () => {
    const result = await runCli([
      "rota",
      "ics",
      "--dir",
      TEAM,
      "--out",
      "out/ada.ics",
      "--login",
      "ada",
      "--json",
    ]);
    expect(result.code).toBe(0);
    const text = result.written["out/ada.ics"] ?? "";
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent");
    expect(result.json()).toEqual({ out: "out/ada.ics", events: events.length });
    expect(events.map((event) => event.getFirstPropertyValue("uid"))).toContain(
      "2026-11-18-developer@firstline",
    );
  });

  it("exits 2 for a login not in people.yml", async () => {
    const result = await runCli(["rota", "ics", "--dir", TEAM, "--out", "out/x.ics", "--login", "zed"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${TEAM}/people.yml: people: --login zed is not in people.yml\n`);
  });
});

describe("firstline rota diff", () => {
  const swap = folder("head", {
    ...team,
    support: edit(team.support, [
      ["2027-02-24: { developer: ben,", "2027-02-24: { developer: ada,"],
      ["2027-03-03: { developer: ada,", "2027-03-03: { developer: ben,"],
    ]),
  });
  const args = [
    "rota",
    "diff",
    "--base",
    TEAM,
    "--head",
    "head",
    "--now",
    "2026-11-29T10:00:00Z",
    "--author",
    "ada",
  ];

  it("fails with the contract's JSON while approvals are awaited", async () => {
    const result = await runCli([...args, "--approved", "ben", "--json"], swap);
    expect(result.code).toBe(1);
    const json = result.json() as Record<string, unknown>;
    expect(json).toMatchObject({
      verdict: "fail",
      changes: [
        { week: "2027-02-24", slot: "developer", from: "ben", to: "ada" },
        { week: "2027-03-03", slot: "developer", from: "ada", to: "ben" },
      ],
      approvals: [
        { login: "ben", given: true },
        { login: "lee", why: "delivery lead of ben", given: false },
        { login: "ada", given: true },
        { login: "dana", why: "delivery lead of ada", given: false },
      ],
      findings: [],
    });
  });

  it("passes once every approval is given, with a readable report", async () => {
    const result = await runCli([...args, "--approved", "ben,lee, dana"], swap);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("  2027-02-24 developer: ben -> ada  (head/support.yml:20)");
    expect(result.stdout).toContain("  [x] dana: delivery lead of ada");
    expect(result.stdout.trimEnd().endsWith("rota diff: pass")).toBe(true);
  });
});
