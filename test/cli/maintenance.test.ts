import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/memory-io.js";

const CONFIG = ".github/firstline.yml";
const plan = (from: string, to: string, config = CONFIG, json = true) =>
  runCli([
    "maintenance",
    "plan",
    "--config",
    config,
    "--from",
    from,
    "--to",
    to,
    ...(json ? ["--json"] : []),
  ]);

describe("firstline maintenance plan", () => {
  it("prints the contract's JSON for the repository's configuration: Christmas Day's task opens Tue 29 Dec", async () => {
    const result = await plan("2026-12-01", "2026-12-31");
    expect(result.code).toBe(0);
    expect(result.json()).toEqual({
      tasks: [
        { client: "acme", task: "Apply CMS core updates", date: "2026-12-02", priority: "P3" },
        {
          client: "riverside",
          task: "Review TLS certificates and domain renewals",
          date: "2026-12-29",
          priority: "P3",
        },
      ],
    });
  });

  it("sorts by date then client across a year end", async () => {
    const result = await plan("2026-12-20", "2027-01-31");
    const tasks = (result.json() as { tasks: { client: string; date: string }[] }).tasks;
    expect(tasks.map((t) => `${t.date} ${t.client}`)).toEqual([
      "2026-12-29 riverside",
      "2027-01-06 acme",
      "2027-01-12 glenmore",
      "2027-01-25 riverside",
    ]);
  });

  it("uses each client's bank holidays: the Scottish substitute for 2 January", async () => {
    const result = await plan("2027-01-01", "2027-01-31", "test/fixtures/maintenance/scotland.yml");
    expect(result.json()).toEqual({
      tasks: [
        { client: "acme", task: "Renew the SSL certificate", date: "2027-01-04", priority: "P2" },
        { client: "glenmore", task: "Renew the SSL certificate", date: "2027-01-05", priority: "P2" },
      ],
    });
  });

  it("prints a readable table with why a date moved", async () => {
    const result = await plan("2026-12-01", "2026-12-31", CONFIG, false);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        "Maintenance from Tue 1 Dec 2026 to Thu 31 Dec 2026: 2 tickets",
        "  Wed 2 Dec 2026   acme       P3  Apply CMS core updates",
        "  Tue 29 Dec 2026  riverside  P3  Review TLS certificates and domain renewals (moved from Fri 25 Dec 2026: Christmas Day)",
        "",
      ].join("\n"),
    );
    const empty = await plan("2026-12-03", "2026-12-04", CONFIG, false);
    expect(empty.stdout).toBe("No maintenance falls due from Thu 3 Dec 2026 to Fri 4 Dec 2026.\n");
    expect((await plan("2026-12-03", "2026-12-04")).json()).toEqual({ tasks: [] });
  });

  it("a bad rule exits 2 with one line naming the file, line and maintenance[i].rrule", async () => {
    const result = await plan("2026-01-01", "2026-01-31", "test/fixtures/maintenance/bad-rule.yml");
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      'test/fixtures/maintenance/bad-rule.yml:13: maintenance[1].rrule: INTERVAL must be a whole number from 1 to 999 (in "FREQ=WEEKLY;INTERVAL=x")\n',
    );
  });

  it.each([
    [["--from", "2026-12-01"], /--to is required/],
    [["--from", "1 December", "--to", "2026-12-31"], /--from must be a date such as 2026-12-02/],
    [["--from", "2026-12-31", "--to", "2026-12-01"], /--to must not be before --from/],
    [["--from", "2026-02-30", "--to", "2026-03-01"], /--from must be a date/],
  ])("bad options exit 2: %j", async (args, message) => {
    const result = await runCli(["maintenance", "plan", "--config", CONFIG, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it("a config the schema rejects names its key path and line", async () => {
    const result = await runCli(
      ["maintenance", "plan", "--config", "c.yml", "--from", "2026-01-01", "--to", "2026-01-31"],
      {
        "c.yml":
          "clients:\n  - { id: acme, name: Acme, repos: [acme/website] }\nmaintenance:\n  - client: acme\n    task: Patch\n    rrule: FREQ=DAILY\n    since: soon\n",
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      "c.yml:7: maintenance[0].since: must be a real date written YYYY-MM-DD",
    );
  });
});

describe("the built command", () => {
  // Bundled here as scripts/build.mjs bundles lib/cli.js (dependencies external), so the test
  // runs Node's own ES module loading of rrule (CommonJS) without needing a prior build.
  const bundle = `lib/maintenance-test-${process.pid}.js`;
  beforeAll(async () => {
    await build({
      entryPoints: ["src/cli/index.ts"],
      outfile: bundle,
      bundle: true,
      platform: "node",
      target: "node20",
      format: "esm",
      packages: "external",
      logLevel: "warning",
    });
  });
  afterAll(() => rmSync(bundle, { force: true }));

  it("runs under node with the contract's exit codes", () => {
    const ok = spawnSync(
      "node",
      [
        bundle,
        "maintenance",
        "plan",
        "--config",
        CONFIG,
        "--from",
        "2026-12-29",
        "--to",
        "2026-12-29",
        "--json",
      ],
      { encoding: "utf8" },
    );
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({
      tasks: [
        {
          client: "riverside",
          task: "Review TLS certificates and domain renewals",
          date: "2026-12-29",
          priority: "P3",
        },
      ],
    });
    const bad = spawnSync(
      "node",
      [
        bundle,
        "maintenance",
        "plan",
        "--config",
        "test/fixtures/maintenance/bad-rule.yml",
        "--from",
        "2026-01-01",
        "--to",
        "2026-01-31",
      ],
      { encoding: "utf8" },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^test\/fixtures\/maintenance\/bad-rule\.yml:13: maintenance\[1\]\.rrule: /);
  });
});
