import { execFileSync, spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/memory-io.js";

const CONFIG = ".github/firstline.yml";
const ticket = JSON.stringify({
  repo: "riverside/tenant-portal",
  number: 12,
  reporter: "pat",
  events: [
    { type: "opened", at: "2026-10-16T16:00:00Z", by: "pat" },
    { type: "labeled", at: "2026-10-16T16:00:05Z", by: "firstline[bot]", label: "priority: P3" },
    { type: "commented", at: "2026-10-16T16:30:00Z", by: "alice" },
    { type: "labeled", at: "2026-10-16T16:31:00Z", by: "alice", label: "status: waiting on client" },
    { type: "unlabeled", at: "2026-10-19T10:00:00Z", by: "alice", label: "status: waiting on client" },
    { type: "closed", at: "2026-10-20T12:00:00Z", by: "alice" },
    { type: "reopened", at: "2026-10-21T12:00:00Z", by: "pat" },
  ],
});

describe("firstline sla due", () => {
  it("prints the contract's JSON: a P2 opened on Christmas Eve 17:30 is due Tue 29 Dec 10:30", async () => {
    const result = await runCli([
      "sla",
      "due",
      "--config",
      CONFIG,
      "--client",
      "riverside",
      "--priority",
      "P2",
      "--opened",
      "2026-12-24T17:30:00Z",
      "--json",
    ]);
    expect(result.code).toBe(0);
    expect(result.json()).toEqual({
      client: "riverside",
      priority: "P2",
      metric: "firstResponse",
      target: "1 working hour",
      clock: "working",
      start: "2026-12-24T17:30:00Z",
      due: "2026-12-29T10:30:00Z",
    });
  });

  it("accepts an instant with any offset and prints local times with the zone", async () => {
    const result = await runCli([
      "sla",
      "due",
      "--config",
      CONFIG,
      "--client",
      "acme",
      "--priority",
      "P1",
      "--opened",
      "2026-07-04T03:00:00+01:00",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("30 minutes on the 24/7 clock");
    expect(result.stdout).toContain("due     Sat 4 Jul 03:30 BST");
  });

  it.each([
    [["--client", "nobody", "--priority", "P1", "--opened", "2026-12-24T17:30:00Z"], /no client "nobody"/],
    [
      ["--client", "acme", "--priority", "P9", "--opened", "2026-12-24T17:30:00Z"],
      /--priority must be one of P1, P2, P3, P4/,
    ],
    [
      ["--client", "acme", "--priority", "P1", "--opened", "yesterday"],
      /--opened "yesterday" is not an ISO 8601 instant/,
    ],
    [["--client", "acme", "--priority", "P1"], /--opened is required/],
    [
      ["--client", "acme", "--priority", "P1", "--opened", "2026-12-24T17:30:00Z", "--colour"],
      /Unknown option '--colour'/,
    ],
    [
      ["--client", "acme", "--priority", "P1", "--opened", "2026-12-24T17:30:00Z", "--metric", "resolution"],
      /sets no resolution target for P1/,
    ],
  ])("bad input exits 2 with one clear line: %j", async (args, message) => {
    const result = await runCli(["sla", "due", "--config", CONFIG, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("a broken config names the file, key path and line", async () => {
    const result = await runCli(
      [
        "sla",
        "due",
        "--config",
        "bad.yml",
        "--client",
        "a",
        "--priority",
        "P1",
        "--opened",
        "2026-12-24T17:30:00Z",
      ],
      {
        "bad.yml": "clients:\n  - id: a\n    name: A\n    outOfHours: sometimes\n",
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      "bad.yml:4: clients[0].outOfHours: Invalid input: expected boolean, received string",
    );
  });
});

describe("firstline sla status and explain", () => {
  it("computes every metric of the contract's example ticket", async () => {
    const config =
      "staff: { logins: [alice] }\nclients:\n  - { id: riverside, name: Riverside Housing Trust, repos: [riverside/tenant-portal] }\n";
    const result = await runCli(
      ["sla", "status", "--config", "c.yml", "--ticket", "t.json", "--now", "2026-10-21T13:00:00Z", "--json"],
      { "t.json": ticket, "c.yml": config },
    );
    expect(result.code).toBe(0);
    const json = result.json() as {
      client: string;
      priority: string;
      metrics: { metric: string; cycle: number; state: string; due: string }[];
    };
    expect(json.client).toBe("riverside");
    expect(json.priority).toBe("P3");
    expect(json.metrics.map((m) => [m.metric, m.cycle, m.state])).toEqual([
      ["firstResponse", 1, "met"],
      ["firstResponse", 2, "running"],
    ]);
    expect(json.metrics[1]?.due).toBe("2026-10-22T12:00:00Z"); // reopened 13:00 BST: 5h that day, 3h the next
  });

  it("explains in words what was counted and skipped", async () => {
    const result = await runCli(
      ["sla", "explain", "--config", CONFIG, "--ticket", "t.json", "--now", "2026-10-17T12:00:00Z"],
      {
        "t.json": JSON.stringify({
          repo: "riverside/tenant-portal",
          number: 1,
          reporter: "pat",
          events: [{ type: "opened", at: "2026-10-16T16:00:00Z", by: "pat" }],
        }),
      },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "firstResponse, cycle 1: target 8 working hours for P3, on the working-hours clock.",
    );
    expect(result.stdout).toContain("counted Fri 16 Oct 17:00 BST to Fri 16 Oct 18:00 BST: 1h");
    expect(result.stdout).toContain("skipped 2026-10-17: Saturday");
    expect(result.stdout).toContain("State: running, because 7h remains.");
  });

  it("a ticket file with a wrong event names the key path", async () => {
    const result = await runCli(
      ["sla", "status", "--config", CONFIG, "--ticket", "t.json", "--now", "2026-10-21T13:00:00Z"],
      {
        "t.json": JSON.stringify({
          repo: "a/b",
          number: 1,
          reporter: "pat",
          events: [{ type: "opened", at: "last tuesday", by: "pat" }],
        }),
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      't.json: events[0].at: "last tuesday" is not an ISO 8601 instant with an offset',
    );
  });

  it("invalid JSON is one line", async () => {
    const result = await runCli(
      ["sla", "status", "--config", CONFIG, "--ticket", "t.json", "--now", "2026-10-21T13:00:00Z"],
      { "t.json": "{nope" },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^t\.json: invalid JSON: /);
  });
});

describe("the built command", () => {
  it("runs as `firstline` from lib/cli.js with the right exit codes", () => {
    const out = execFileSync(
      "node",
      [
        "lib/cli.js",
        "sla",
        "due",
        "--config",
        CONFIG,
        "--client",
        "riverside",
        "--priority",
        "P2",
        "--opened",
        "2026-12-24T17:30:00Z",
        "--json",
      ],
      { encoding: "utf8" },
    );
    expect(JSON.parse(out).due).toBe("2026-12-29T10:30:00Z");
    const bad = spawnSync(
      "node",
      [
        "lib/cli.js",
        "sla",
        "due",
        "--config",
        "missing.yml",
        "--client",
        "a",
        "--priority",
        "P1",
        "--opened",
        "2026-12-24T17:30:00Z",
      ],
      { encoding: "utf8" },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe("missing.yml: file not found");
  });
});
