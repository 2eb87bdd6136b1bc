import { runCliWith } from "../helpers/memory-io.js";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { startEmulator, type Emulator } from "../../dev/emulator/index.js";

const TOKEN = "user-northgate-ops";
const CONFIG = ".github/firstline.yml";

/** Runs a command line in-process against the emulator: files from memory or disk, the emulator's clock. */
function run(emulator: Emulator, argv: readonly string[], files: Record<string, string> = {}) {
  return runCliWith({
    argv,
    files,
    env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: emulator.url },
    now: () => emulator.clock.now(),
  });
}

// Week of Wed 2 December 2026: alice-okafor is on call, sam-oduya second line (rota/on-call.yml).
describe("firstline toil --repo: the ledger from alert issues on GitHub", () => {
  let emulator: Emulator;
  const numbers: Record<string, number> = {};
  const as = (login: string) =>
    new Octokit({ auth: `user-${login}`, baseUrl: emulator.url, request: { retries: 0 } });
  const comment = async (login: string, at: string, repo: string, number: number, body: string) => {
    emulator.clock.set(new Date(at));
    const [owner = "", name = ""] = repo.split("/");
    await as(login).rest.issues.createComment({ owner, repo: name, issue_number: number, body });
  };
  const seedAlertIssue = async (at: string, repo: string, title: string) => {
    emulator.clock.set(new Date(at));
    const [owner = "", name = ""] = repo.split("/");
    return (
      await as("northgate-ops").rest.issues.create({
        owner,
        repo: name,
        title,
        body: "An alert.",
        labels: ["type: alert", "priority: P1"],
      })
    ).data.number;
  };

  beforeAll(async () => {
    emulator = await startEmulator({
      now: new Date("2026-12-06T03:05:00Z"),
      seed: agencySeed(),
      stderr: () => undefined,
    });
    // Sunday 03:05: SiteDown at Acme, opened by the alert intake as the workflow would run it.
    const payload = JSON.stringify({
      name: "SiteDown",
      severity: "critical",
      client: "acme",
      summary: "acme.example is not answering",
    });
    const ingested = await run(
      emulator,
      [
        "alert",
        "ingest",
        "--config",
        CONFIG,
        "--payload",
        "p.json",
        "--repo",
        "northgate/support",
        "--bot-login",
        "northgate-ops",
        "--json",
      ],
      { "p.json": payload },
    );
    const [alert] = (ingested.json() as { alerts: { number: number }[] }).alerts;
    numbers["siteDown"] = alert?.number ?? 0;
    numbers["shop"] = await seedAlertIssue(
      "2026-12-06T03:30:00Z",
      "glenmore/shop",
      "Alert: CheckoutErrors (glenmore)",
    );
    numbers["inHours"] = await seedAlertIssue(
      "2026-12-07T11:00:00Z",
      "acme/website",
      "Alert: SlowSite (acme)",
    );
    numbers["later"] = await seedAlertIssue(
      "2026-12-08T20:00:00Z",
      "acme/website",
      "Alert: DiskSpaceLow (acme)",
    );
    await comment(
      "alice-okafor",
      "2026-12-06T03:50:00Z",
      "acme/website",
      numbers["siteDown"],
      "Back up after a PHP-FPM restart.\n\n/toil woke 40m",
    );
    await comment(
      "sam-oduya",
      "2026-12-06T03:55:00Z",
      "acme/website",
      numbers["siteDown"],
      "/toil awake 20m",
    );
    await comment(
      "carol-hughes",
      "2026-12-06T09:00:00Z",
      "acme/website",
      numbers["siteDown"],
      "/toil woke 90m",
    );
    await comment(
      "alice-okafor",
      "2026-12-06T04:10:00Z",
      "glenmore/shop",
      numbers["shop"],
      "/toil awake 30m",
    );
    await comment(
      "alice-okafor",
      "2026-12-07T11:30:00Z",
      "acme/website",
      numbers["inHours"],
      "/toil awake 15m",
    );
    await comment("alice-okafor", "2026-12-08T21:00:00Z", "acme/website", numbers["later"], "/toil woke 60m");
    emulator.clock.set(new Date("2026-12-10T12:00:00Z"));
  });
  afterAll(async () => emulator.close());

  const period = ["--from", "2026-12-05", "--to", "2026-12-07"];
  const both = ["--repo", "acme/website", "--repo", "glenmore/shop"];

  it("counts the claims of the people on call when each alert came in, groups them and refuses anyone else's", async () => {
    const result = await run(emulator, ["toil", "--config", CONFIG, ...both, ...period, "--json"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const [siteDown, shop, inHours] = [numbers["siteDown"], numbers["shop"], numbers["inHours"]];
    expect(result.json()).toEqual({
      people: [
        {
          login: "alice-okafor",
          days: 0.75,
          groups: [
            {
              start: "2026-12-06T03:05:00Z",
              alerts: [`acme/website#${siteDown}`, `glenmore/shop#${shop}`],
              base: 0.5,
              extra: 0.25,
              days: 0.75,
              woke: true,
              workedMinutes: 70,
            },
          ],
        },
        {
          login: "sam-oduya",
          days: 0.25,
          groups: [
            {
              start: "2026-12-06T03:05:00Z",
              alerts: [`acme/website#${siteDown}`],
              base: 0.25,
              extra: 0,
              days: 0.25,
              woke: false,
              workedMinutes: 20,
            },
          ],
        },
      ],
      inHours: [`acme/website#${inHours}`],
      refused: [
        {
          issue: `acme/website#${siteDown}`,
          author: "carol-hughes",
          at: "2026-12-06T09:00:00Z",
          reason:
            "carol-hughes was not on call when this alert came in and was not paged for it, so it earns them no TOIL",
        },
      ],
    });
  });

  it("reads only the repositories given and the days from --from to --to", async () => {
    const one = await run(emulator, [
      "toil",
      "--config",
      CONFIG,
      "--repo",
      "acme/website",
      ...period,
      "--json",
    ]);
    const people = (one.json() as { people: { login: string; days: number }[] }).people;
    expect(people.map((p) => [p.login, p.days])).toEqual([
      ["alice-okafor", 0.5],
      ["sam-oduya", 0.25],
    ]);
    const later = await run(emulator, [
      "toil",
      "--config",
      CONFIG,
      "--repo",
      "acme/website",
      "--from",
      "2026-12-08",
      "--to",
      "2026-12-08",
      "--json",
    ]);
    expect(later.json()).toEqual({
      people: [
        {
          login: "alice-okafor",
          days: 0.5,
          groups: [
            {
              start: "2026-12-08T20:00:00Z",
              alerts: [`acme/website#${numbers["later"]}`],
              base: 0.5,
              extra: 0,
              days: 0.5,
              woke: true,
              workedMinutes: 60,
            },
          ],
        },
      ],
      inHours: [],
      refused: [],
    });
  });

  it("prints the same table as the local mode, then the claims not counted", async () => {
    const result = await run(emulator, ["toil", "--config", CONFIG, "--repo", "acme/website", ...period]);
    expect(result.code).toBe(0);
    const siteDown = numbers["siteDown"] ?? 0;
    expect(result.stdout).toBe(
      [
        "TOIL from 2 out-of-hours alerts; 1 alert in working hours not counted.",
        "",
        "alice-okafor: 0.5 days from 1 group",
        `  Sun 6 Dec 2026 03:05 GMT  1 alert (acme/website#${siteDown}), woke, worked 40m: 0.5 days`,
        "",
        "sam-oduya: 0.25 days from 1 group",
        `  Sun 6 Dec 2026 03:05 GMT  1 alert (acme/website#${siteDown}), awake, worked 20m: 0.25 days`,
        "",
        "Claims not counted:",
        `  acme/website#${siteDown}, carol-hughes at Sun 6 Dec 2026 09:00 GMT: carol-hughes was not on call when this alert came in and was not paged for it, so it earns them no TOIL`,
        "",
      ].join("\n"),
    );
  });

  it("prints the HR system's CSV on stdout and the claims not counted on stderr", async () => {
    const result = await run(emulator, ["toil", "--config", CONFIG, ...both, ...period, "--csv"]);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\r\n")).toEqual([
      "login,group_start,alerts,base,extra,days",
      "alice-okafor,2026-12-06T03:05:00Z,2,0.5,0.25,0.75",
      "sam-oduya,2026-12-06T03:05:00Z,1,0.25,0,0.25",
      "",
    ]);
    expect(result.stderr).toMatch(/^firstline toil: not counted: acme\/website#\d+, carol-hughes at /);
  });

  it.each([
    [
      ["--alerts", "test/fixtures/alerts/toil-log.json", "--repo", "acme/website"],
      /^firstline toil: --alerts and --repo cannot be used together/,
    ],
    [["--repo", "acme/website", "--to", "2026-12-07"], /^firstline toil: --from is required with --repo$/],
    [["--repo", "acme/website", "--from", "2026-12-05"], /^firstline toil: --to is required with --repo$/],
    [
      ["--repo", "acme/website", "--from", "2026-12-07", "--to", "2026-12-05"],
      /^firstline toil: --to 2026-12-05 is before --from 2026-12-07$/,
    ],
    [
      ["--repo", "acme/website", "--from", "5 Dec", "--to", "2026-12-05"],
      /^firstline toil: --from must be a date such as 2026-12-02$/,
    ],
    [["--repo", "website", ...period], /^firstline toil: --repo\[0\] must be a repository as OWNER\/NAME/],
    [
      ["--alerts", "test/fixtures/alerts/toil-log.json", ...period],
      /^firstline toil: --from, --to only go with --repo$/,
    ],
    [
      ["--repo", "acme/website", ...period, "--rota-dir", "no/rota"],
      /^no\/rota\/people\.yml: file not found$/,
    ],
    [["--repo", "acme/nothing-here", ...period], /^firstline toil: GitHub answered 404: /],
  ])("unusable options exit 2 with one line: %j", async (args, message) => {
    const result = await run(emulator, ["toil", "--config", CONFIG, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("runs from the built lib/cli.js with the token and API address from the environment", async () => {
    const { stdout } = await promisify(execFile)(
      "node",
      ["lib/cli.js", "toil", "--config", CONFIG, ...both, ...period, "--json"],
      {
        encoding: "utf8",
        env: { ...process.env, GITHUB_TOKEN: TOKEN, GITHUB_API_URL: emulator.url, GH_TOKEN: "" },
      },
    );
    const json = JSON.parse(stdout) as { people: { login: string; days: number }[]; refused: unknown[] };
    expect(json.people.map((p) => [p.login, p.days])).toEqual([
      ["alice-okafor", 0.75],
      ["sam-oduya", 0.25],
    ]);
    expect(json.refused).toHaveLength(1);
  });
});
