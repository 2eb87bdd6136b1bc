import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/memory-io.js";

const TEAM = ["--runbooks-dir", "test/fixtures/runbooks/team", "--rota-dir", "test/fixtures/rota/team"];

describe("firstline site build", () => {
  it("writes the site under --out and says what it wrote", async () => {
    const result = await runCli(["site", "build", "--out", "public", ...TEAM, "--today", "2026-11-26"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("Wrote 25 files to public (2 runbooks, 9 people, as of 2026-11-26)\n");
    expect(Object.keys(result.written)).toContain("public/runbooks/web-down.html");
    expect(Object.keys(result.written)).toContain("public/rota/people/ada.ics");
    expect(JSON.parse(result.written["public/alerts.json"] ?? "")).toEqual({
      DiskFull: "runbooks/disk-full.html",
      InodesLow: "runbooks/disk-full.html",
      WebDown: "runbooks/web-down.html",
    });
  });

  it("builds the repository's own site from rota/, runbooks/ and .github/firstline.yml by default", async () => {
    const result = await runCli(["site", "build", "--out", "_site", "--today", "2026-11-26", "--json"]);
    expect(result.code).toBe(0);
    const json = result.json() as { out: string; today: string; files: string[] };
    expect(json.out).toBe("_site");
    expect(json.files).toContain("runbooks/site-down.html");
    expect(json.files).toContain("rota/people/grace-kowalski.ics");
    expect(result.written["_site/index.html"]).toContain("Firstline · northgate/support");
    expect(result.written["_site/runbooks/site-down.html"]).toContain(
      'href="https://github.com/northgate/support/blob/HEAD/runbooks/site-down.md"',
    );
  });

  it("gives the same bytes on every run, and dates only from --today or the clock in the configured zone", async () => {
    const first = await runCli(
      ["site", "build", "--out", "a", ...TEAM, "--today", "2026-11-26"],
      {},
      "2026-01-01T00:00:00Z",
    );
    const second = await runCli(
      ["site", "build", "--out", "a", ...TEAM, "--today", "2026-11-26"],
      {},
      "2027-06-30T12:00:00Z",
    );
    expect(second.written).toEqual(first.written);
    // 2026-12-01 23:30 UTC is still 1 December in London (GMT), so the week is the one of 25 November.
    const fromClock = await runCli(["site", "build", "--out", "a", ...TEAM], {}, "2026-12-01T23:30:00Z");
    expect(fromClock.written["a/rota/index.html"]).toContain(
      'As of <time datetime="2026-12-01">Tue 1 Dec 2026</time>',
    );
    expect(fromClock.written["a/rota/index.html"]).toContain("This week: week of Wed 25 Nov 2026");
  });

  it("exits 2 naming file, key and line when a runbook's front matter is unusable", async () => {
    const result = await runCli([
      "site",
      "build",
      "--out",
      "x",
      "--runbooks-dir",
      "test/fixtures/runbooks/bad-front-matter",
      "--rota-dir",
      "test/fixtures/rota/team",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "test/fixtures/runbooks/bad-front-matter/web-down.md:2: lastReviewed: is required (and 1 more problem; run firstline runbooks check)\n",
    );
    expect(result.written).toEqual({});
  });

  it("exits 2 with one line for a missing runbooks folder or rota file", async () => {
    const noRunbooks = await runCli([
      "site",
      "build",
      "--out",
      "x",
      "--runbooks-dir",
      "nowhere",
      "--rota-dir",
      "test/fixtures/rota/team",
    ]);
    expect(noRunbooks.code).toBe(2);
    expect(noRunbooks.stderr).toBe("nowhere: folder not found\n");
    const noRota = await runCli(["site", "build", "--out", "x", "--rota-dir", "nowhere"]);
    expect(noRota.stderr).toBe("nowhere/people.yml: file not found\n");
  });

  it("exits 2 naming the flag when --out is missing", async () => {
    const result = await runCli(["site", "build"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("firstline site build: --out is required\n");
  });
});
