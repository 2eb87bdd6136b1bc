import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/memory-io.js";

const LOG = "test/fixtures/alerts/toil-log.json";
const CONFIG = "c.yml";
const files = { [CONFIG]: "timezone: Europe/London\n" };

describe("firstline toil", () => {
  it("prints the contract's JSON: groups per person, in-hours alerts left out, bank holidays counted", async () => {
    const result = await runCli(["toil", "--config", CONFIG, "--alerts", LOG, "--json"], files);
    expect(result.code).toBe(0);
    expect(result.json()).toEqual({
      people: [
        {
          login: "bob-adeyemi",
          days: 1,
          groups: [
            // 02:04 and 02:31 join; 03:04 is exactly 60 minutes after 02:04, so it starts a new group.
            {
              start: "2026-12-05T02:04:00Z",
              alerts: ["acme/website#41", "acme/website#42"],
              base: 0.5,
              extra: 0.25,
              days: 0.75,
              woke: true,
              workedMinutes: 85,
            },
            {
              start: "2026-12-05T03:04:00Z",
              alerts: ["acme/website#43"],
              base: 0.25,
              extra: 0,
              days: 0.25,
              woke: false,
              workedMinutes: 10,
            },
          ],
        },
        {
          login: "grace-kowalski",
          days: 0.5,
          groups: [
            {
              start: "2026-12-25T13:15:00Z",
              alerts: ["glenmore/shop#7"],
              base: 0.25,
              extra: 0.25,
              days: 0.5,
              woke: false,
              workedMinutes: 120,
            },
          ],
        },
      ],
      inHours: ["acme/website#44"],
    });
  });

  it("prints CSV for the HR system", async () => {
    const result = await runCli(["toil", "--config", CONFIG, "--alerts", LOG, "--csv"], files);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\r\n")).toEqual([
      "login,group_start,alerts,base,extra,days",
      "bob-adeyemi,2026-12-05T02:04:00Z,2,0.5,0.25,0.75",
      "bob-adeyemi,2026-12-05T03:04:00Z,1,0.25,0,0.25",
      "grace-kowalski,2026-12-25T13:15:00Z,1,0.25,0.25,0.5",
      "",
    ]);
  });

  it("prints a readable table in the configured zone", async () => {
    const result = await runCli(["toil", "--config", CONFIG, "--alerts", LOG], files);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        "TOIL from 4 out-of-hours alerts; 1 alert in working hours not counted.",
        "",
        "bob-adeyemi: 1 day from 2 groups",
        "  Sat 5 Dec 2026 02:04 GMT  2 alerts (acme/website#41, acme/website#42), woke, worked 1h 25m: 0.5 + 0.25 = 0.75 days",
        "  Sat 5 Dec 2026 03:04 GMT  1 alert (acme/website#43), awake, worked 10m: 0.25 days",
        "",
        "grace-kowalski: 0.5 days from 1 group",
        "  Fri 25 Dec 2026 13:15 GMT  1 alert (glenmore/shop#7), awake, worked 2h: 0.25 + 0.25 = 0.5 days",
        "",
      ].join("\n"),
    );
  });

  it("an empty log is nobody's TOIL", async () => {
    const result = await runCli(["toil", "--config", CONFIG, "--alerts", "a.json", "--json"], {
      ...files,
      "a.json": "[]",
    });
    expect(result.code).toBe(0);
    expect(result.json()).toEqual({ people: [], inHours: [] });
  });

  it.each([
    ["invalid JSON", "[{", /^a\.json: invalid JSON: /],
    ["not a list", "{}", /^a\.json: Invalid input: expected array, received object$/],
    [
      "a bad instant",
      JSON.stringify([{ id: "x", login: "bob", at: "Saturday night", woke: true, workedMinutes: 5 }]),
      /^a\.json: \[0\]\.at: "Saturday night" is not an ISO 8601 instant with an offset$/,
    ],
    [
      "an instant with no offset",
      JSON.stringify([{ id: "x", login: "bob", at: "2026-12-05T02:00:00", woke: true, workedMinutes: 5 }]),
      /^a\.json: \[0\]\.at: /,
    ],
    [
      "negative minutes",
      JSON.stringify([{ id: "x", login: "bob", at: "2026-12-05T02:00:00Z", woke: true, workedMinutes: -5 }]),
      /^a\.json: \[0\]\.workedMinutes: /,
    ],
    [
      "woke as a string",
      JSON.stringify([{ id: "x", login: "bob", at: "2026-12-05T02:00:00Z", woke: "yes", workedMinutes: 5 }]),
      /^a\.json: \[0\]\.woke: /,
    ],
    [
      "an unknown key",
      JSON.stringify([
        { id: "x", login: "bob", at: "2026-12-05T02:00:00Z", woke: true, workedMinutes: 5, wokeUp: true },
      ]),
      /^a\.json: \[0\]\.wokeUp: unknown key "wokeUp"$/,
    ],
    [
      "the same alert twice for one person",
      JSON.stringify([
        { id: "x", login: "bob", at: "2026-12-05T02:00:00Z", woke: true, workedMinutes: 5 },
        { id: "x", login: "Bob", at: "2026-12-05T02:00:00Z", woke: true, workedMinutes: 5 },
      ]),
      /^a\.json: \[1\]\.id: alert "x" is listed twice for Bob$/,
    ],
  ])("%s exits 2 with one line naming the file and key path", async (_what, text, message) => {
    const result = await runCli(["toil", "--config", CONFIG, "--alerts", "a.json"], {
      ...files,
      "a.json": text,
    });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it.each([
    [["--alerts", "missing.json"], /^missing\.json: file not found$/],
    [[], /--alerts is required/],
    [["--alerts", LOG, "--csv", "--json"], /--csv and --json cannot be used together/],
  ])("bad options exit 2: %j", async (args, message) => {
    const result = await runCli(["toil", "--config", CONFIG, ...args], files);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(message);
  });

  it("reads the working calendar from the configuration", async () => {
    const saturdays = "workingHours:\n  sat: ['10:00-18:00']\n";
    const log = JSON.stringify([
      { id: "x", login: "bob", at: "2026-12-05T11:00:00Z", woke: false, workedMinutes: 5 },
    ]);
    const result = await runCli(["toil", "--config", "s.yml", "--alerts", "a.json", "--json"], {
      "s.yml": saturdays,
      "a.json": log,
    });
    expect(result.json()).toEqual({ people: [], inHours: ["x"] });
  });
});

describe("the built command", () => {
  it("runs from lib/cli.js", () => {
    const out = execFileSync(
      "node",
      ["lib/cli.js", "toil", "--config", ".github/firstline.yml", "--alerts", LOG, "--json"],
      { encoding: "utf8" },
    );
    const json = JSON.parse(out) as { people: { login: string; days: number }[] };
    expect(json.people.map((p) => [p.login, p.days])).toEqual([
      ["bob-adeyemi", 1],
      ["grace-kowalski", 0.5],
    ]);
    expect(JSON.parse(readFileSync(LOG, "utf8"))).toHaveLength(5);
  });
});
