import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliWith } from "../helpers/memory-io.js";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { startEmulator, type Emulator } from "../../dev/emulator/index.js";

describe("firstline sla report against GitHub (emulated)", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    const seed = agencySeed();
    const issues = [
      {
        repo: "riverside/tenant-portal",
        title: "Answered in time",
        author: "rosa",
        labels: ["client: riverside", "priority: P3"],
        createdAt: "2026-11-02T10:00:00Z",
        comments: [{ author: "erin-walsh", body: "On it.", createdAt: "2026-11-02T11:00:00Z" }],
      },
      {
        repo: "riverside/tenant-portal",
        title: "Answered late",
        author: "rosa",
        labels: ["client: riverside", "priority: P3"],
        createdAt: "2026-11-02T10:00:00Z",
        comments: [{ author: "erin-walsh", body: "Sorry.", createdAt: "2026-11-03T12:00:00Z" }],
      },
      {
        repo: "acme/website",
        title: "Outage",
        author: "pat",
        labels: ["client: acme", "priority: P1"],
        createdAt: "2026-11-07T02:00:00Z",
        comments: [{ author: "alice-okafor", body: "Looking.", createdAt: "2026-11-07T02:10:00Z" }],
      },
      {
        repo: "acme/website",
        title: "Before the period",
        author: "pat",
        labels: ["client: acme", "priority: P3"],
        createdAt: "2026-10-01T10:00:00Z",
      },
    ];
    emulator = await startEmulator({
      now: new Date("2026-11-26T12:00:00Z"),
      seed: { ...seed, issues },
      stderr: () => undefined,
    });
  });
  afterAll(async () => emulator.close());

  const CONFIG =
    "staff: { logins: [erin-walsh, alice-okafor] }\nclients:\n  - { id: acme, name: Acme, plan: enhanced, outOfHours: true, repos: [acme/website] }\n  - { id: riverside, name: Riverside, repos: [riverside/tenant-portal] }\n";
  const run = (args: string[]) =>
    runCliWith({
      argv: ["sla", "report", "--config", "c.yml", ...args],
      files: { "c.yml": CONFIG },
      env: { GITHUB_TOKEN: "user-northgate-ops", GITHUB_API_URL: emulator.url },
      now: () => new Date("2026-11-26T12:00:00Z"),
    });

  it("reports per client and priority the tickets opened since a date, read from GitHub", async () => {
    const result = await run(["--since", "2026-11-01", "--json"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      tickets: number;
      rows: { client: string; priority: string; tickets: number; withinTarget: number; breaches: number }[];
    };
    expect(json.tickets).toBe(3);
    expect(json.rows.map((r) => [r.client, r.priority, r.tickets, r.withinTarget, r.breaches])).toEqual([
      ["acme", "P1", 1, 1, 0],
      ["riverside", "P3", 2, 0.5, 1],
    ]);
  });

  it("prints CSV for spreadsheets, and refuses to run without a token", async () => {
    const csv = await run(["--since", "2026-11-01", "--csv"]);
    expect(csv.stdout.split("\n")[0]).toContain("client,priority,tickets");
    const noToken = await runCliWith({
      argv: ["sla", "report", "--since", "2026-11-01", "--config", "c.yml"],
      files: { "c.yml": CONFIG },
    });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain("no GitHub token");
  });
});
