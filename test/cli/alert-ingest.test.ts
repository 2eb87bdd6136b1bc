import { runCliWith } from "../helpers/memory-io.js";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { startEmulator, type Emulator } from "../../dev/emulator/index.js";

const TOKEN = "user-northgate-ops";
const BOT = "northgate-ops";

/** Runs a command line in-process against the emulator: files from memory or disk, the emulator's clock. */
async function run(
  emulator: Emulator,
  argv: readonly string[],
  params: { files?: Record<string, string>; env?: Record<string, string | undefined> } = {},
) {
  const result = await runCliWith({
    argv,
    files: params.files ?? {},
    env: params.env ?? { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: emulator.url },
    now: () => emulator.clock.now(),
  });
  return {
    ...result,
    json: () =>
      result.json() as {
        format: string;
        alerts: {
          name: string;
          outcome: string;
          repo: string | null;
          number: number | null;
          reason?: string;
          page: { logins: string[]; at: string } | null;
        }[];
        warnings: string[];
      },
  };
}

const siteDown = (status: "firing" | "resolved") => ({
  version: "4",
  groupKey: '{}:{alertname="SiteDown"}',
  truncatedAlerts: 0,
  status,
  receiver: "firstline",
  groupLabels: { alertname: "SiteDown" },
  commonLabels: { alertname: "SiteDown", severity: "critical", client: "acme" },
  commonAnnotations: {},
  externalURL: "http://alertmanager.example:9093",
  alerts: [
    {
      status,
      labels: { alertname: "SiteDown", severity: "critical", client: "acme", instance: "web-1" },
      annotations: { summary: "acme.example is not answering" },
      startsAt: "2026-12-06T03:04:00Z",
      endsAt: status === "resolved" ? "2026-12-06T03:40:00Z" : "0001-01-01T00:00:00Z",
      generatorURL: "http://prometheus.example:9090/graph",
      fingerprint: "5f2c1a9e0b7d3c41",
    },
  ],
});

const ingest = [
  "alert",
  "ingest",
  "--config",
  ".github/firstline.yml",
  "--repo",
  "northgate/support",
  "--bot-login",
  BOT,
];

describe("firstline alert ingest", () => {
  let emulator: Emulator;
  const issue = (repo: string, number: number | null) => {
    const found = emulator
      .dump()
      .repos.find((r) => r.fullName === repo)
      ?.issues.find((i) => i.number === number);
    if (!found) throw new Error(`no issue ${repo}#${number ?? "?"}`);
    return found;
  };
  beforeAll(async () => {
    emulator = await startEmulator({
      now: new Date("2026-12-06T03:05:00Z"),
      seed: agencySeed(),
      stderr: () => undefined,
    });
  });
  afterAll(async () => emulator.close());

  it("an Alertmanager webhook at night opens a P1 alert issue with its runbook that pages the on-call primary of the rota folder", async () => {
    emulator.clock.set(new Date("2026-12-06T03:05:00Z"));
    const result = await run(emulator, [...ingest, "--payload", "p.json", "--json"], {
      files: { "p.json": JSON.stringify(siteDown("firing")) },
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const { format, alerts, warnings } = result.json();
    expect(format).toBe("alertmanager");
    expect(warnings).toEqual([]);
    expect(alerts).toEqual([
      {
        fingerprint: "5f2c1a9e0b7d3c41",
        name: "SiteDown",
        outcome: "open",
        repo: "acme/website",
        number: expect.any(Number) as number,
        page: {
          logins: ["alice-okafor"],
          at: "2026-12-06T03:05:00Z",
          pagerUrl: null,
          message: "CRITICAL SiteDown (acme): acme.example is not answering",
        },
      },
    ]);
    const opened = issue("acme/website", alerts[0]?.number ?? null);
    expect(opened.author).toBe(BOT);
    expect(opened.labels).toEqual(expect.arrayContaining(["type: alert", "priority: P1", "client: acme"]));
    expect(opened.body).toContain("https://northgate.github.io/support/runbooks/site-down.html");
    expect(opened.body).toContain("@alice-okafor");
  });

  it("the same firing again changes nothing; its resolution comments and closes the issue, told in words", async () => {
    emulator.clock.set(new Date("2026-12-06T03:20:00Z"));
    const again = await run(emulator, [...ingest, "--payload", "p.json", "--json"], {
      files: { "p.json": JSON.stringify(siteDown("firing")) },
    });
    expect(again.json().alerts.map((a) => a.outcome)).toEqual(["ignore"]);
    emulator.clock.set(new Date("2026-12-06T03:41:00Z"));
    const resolved = await run(emulator, [...ingest, "--payload", "p.json"], {
      files: { "p.json": JSON.stringify(siteDown("resolved")) },
    });
    expect(resolved.code).toBe(0);
    const number = /closed acme\/website#(\d+)/.exec(resolved.stdout)?.[1];
    expect(resolved.stdout).toBe(
      `1 alert from p.json (alertmanager):\n  SiteDown (5f2c1a9e0b7d3c41): resolved: closed acme/website#${number ?? "?"}\n`,
    );
    const closed = issue("acme/website", Number(number));
    expect(closed.state).toBe("closed");
    expect(closed.comments.at(-1)?.body).toMatch(/\*\*SiteDown\*\* is resolved/);
  });

  it("a plain alert from a repository_dispatch payload pages the configured pager in GH_TOKEN's name", async () => {
    const pages: unknown[] = [];
    const pager: Server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => void (body += chunk.toString("utf8")));
      request.on("end", () => {
        pages.push(JSON.parse(body));
        response.end("{}");
      });
    });
    await new Promise<void>((resolve) => pager.listen(0, "127.0.0.1", resolve));
    const address = pager.address();
    const pagerUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/page`;
    try {
      const config = readFileSync(".github/firstline.yml", "utf8").replace(
        /^ {2}pagers: \[\].*$/m,
        `  pagerUrl: ${pagerUrl}`,
      );
      emulator.clock.set(new Date("2026-12-12T23:30:00Z"));
      const plain = {
        name: "DiskSpaceLow",
        severity: "critical",
        client: "glenmore",
        summary: "/var at 97%",
      };
      const result = await run(
        emulator,
        [
          "alert",
          "ingest",
          "--config",
          "c.yml",
          "--payload",
          "dispatch.json",
          "--repo",
          "northgate/support",
          "--bot-login",
          BOT,
          "--json",
        ],
        {
          files: { "c.yml": config, "dispatch.json": JSON.stringify(plain) },
          env: { GH_TOKEN: TOKEN, GITHUB_API_URL: `${emulator.url}/` },
        },
      );
      expect(result.code).toBe(0);
      const [alert] = result.json().alerts;
      expect(alert).toMatchObject({
        name: "DiskSpaceLow",
        outcome: "open",
        repo: "glenmore/shop",
        page: { logins: ["bob-adeyemi"], at: "2026-12-12T23:30:00Z" },
      });
      // The old alerts.pagerUrl is read as a webhook pager: the documented body, a superset of the old one.
      expect(pages).toEqual([
        {
          version: 1,
          source: "firstline",
          id: expect.any(String),
          action: "trigger",
          key: `firstline/glenmore/shop#${alert?.number ?? 0}`,
          message: "CRITICAL DiskSpaceLow (glenmore): /var at 97%",
          notify: ["bob-adeyemi"],
          by: null,
          client: "glenmore",
          repo: "glenmore/shop",
          issue: alert?.number ?? 0,
          url: `https://github.com/glenmore/shop/issues/${alert?.number ?? 0}`,
          at: "2026-12-12T23:30:00Z",
        },
      ]);
    } finally {
      await new Promise((resolve) => pager.close(resolve));
    }
  });

  it("a rota that cannot be read still opens the issue, mentions nobody and warns", async () => {
    emulator.clock.set(new Date("2026-12-13T02:00:00Z"));
    const plain = { name: "SiteDown", severity: "critical", client: "acme", fingerprint: "no-rota-1" };
    const result = await run(
      emulator,
      [...ingest, "--payload", "a.json", "--rota-dir", "no/such/rota", "--json"],
      { files: { "a.json": JSON.stringify(plain) } },
    );
    expect(result.code).toBe(0);
    expect(result.json().alerts).toMatchObject([{ outcome: "open", repo: "acme/website", page: null }]);
    expect(result.json().warnings).toEqual([
      "the rota could not be read, so nobody is mentioned or paged: no/such/rota/people.yml: file not found",
    ]);
    expect(result.stderr).toBe(
      "firstline alert ingest: warning: the rota could not be read, so nobody is mentioned or paged: no/such/rota/people.yml: file not found\n",
    );
  });

  it.each([
    ["invalid JSON", { "a.json": "{nope" }, {}, /^a\.json: invalid JSON: /],
    [
      "an Alertmanager payload of the wrong version",
      { "a.json": JSON.stringify({ ...siteDown("firing"), version: "3" }) },
      {},
      /^a\.json: version: must be "4"/,
    ],
    [
      "an alert with no alertname",
      {
        "a.json": JSON.stringify({
          ...siteDown("firing"),
          alerts: [{ status: "firing", labels: { severity: "critical" } }],
        }),
      },
      {},
      /^a\.json: alerts\[0\]\.labels: has no alertname label$/,
    ],
    [
      "a plain alert with an unknown key",
      { "a.json": JSON.stringify({ name: "X", severity: "critical", colour: "red" }) },
      {},
      /^a\.json: colour: unknown key "colour"$/,
    ],
    ["a missing payload file", {}, {}, /^a\.json: file not found$/],
    [
      "no token",
      { "a.json": JSON.stringify({ name: "X", severity: "info" }) },
      { GITHUB_API_URL: "http://127.0.0.1:9" },
      /^firstline alert ingest: no GitHub token: set GITHUB_TOKEN \(or GH_TOKEN\)/,
    ],
    [
      "a token GitHub refuses",
      { "a.json": JSON.stringify({ name: "X", severity: "info" }) },
      { GITHUB_TOKEN: "user-nobody-at-all" },
      /^firstline alert ingest: GitHub answered 401: Bad credentials/,
    ],
  ])("%s exits 2 with one line and opens nothing", async (_what, files, env, message) => {
    const before = emulator.dump().repos.reduce((n, r) => n + r.issues.length, 0);
    const result = await run(emulator, [...ingest, "--payload", "a.json"], {
      files,
      env: { GITHUB_API_URL: emulator.url, ...env },
    });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(emulator.dump().repos.reduce((n, r) => n + r.issues.length, 0)).toBe(before);
  });

  it.each([
    [
      ["--payload", "a.json", "--repo", "support"],
      /^firstline alert ingest: --repo must be a repository as OWNER\/NAME/,
    ],
    [["--repo", "northgate/support"], /^firstline alert ingest: --payload is required$/],
    [["--payload", "a.json"], /^firstline alert ingest: --repo is required$/],
  ])("bad options exit 2: %j", async (args, message) => {
    const result = await run(emulator, ["alert", "ingest", ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(message);
  });

  it("runs from the built lib/cli.js, as a repository_dispatch workflow step would", async () => {
    const dir = mkdtempSync(join(tmpdir(), "firstline-dispatch-"));
    try {
      const payload = join(dir, "payload.json");
      writeFileSync(
        payload,
        JSON.stringify({
          name: "QueueBacklog",
          severity: "warning",
          client: "riverside",
          summary: "2,000 jobs waiting",
        }),
      );
      emulator.clock.set(new Date("2026-12-07T11:00:00Z"));
      const { stdout } = await promisify(execFile)("node", ["lib/cli.js", ...ingest, "--payload", payload], {
        encoding: "utf8",
        env: {
          ...process.env,
          GITHUB_TOKEN: TOKEN,
          GITHUB_API_URL: emulator.url,
          FIRSTLINE_NOW: "2026-12-07T11:00:00Z",
        },
      });
      expect(stdout).toMatch(
        /^1 alert from .*payload\.json \(plain\):\n {2}QueueBacklog \([0-9a-z-]+\): opened riverside\/tenant-portal#\d+\n$/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
