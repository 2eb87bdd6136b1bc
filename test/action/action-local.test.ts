import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resultOutput, runAction } from "../helpers/run-action.js";

/** The Action's commands that need only the checkout, run as a runner runs them. */
describe("runbooks-check in the Action", () => {
  const now = { FIRSTLINE_NOW: "2026-12-02T11:00:00Z" };

  it("passes on this repository's runbooks, with a job summary and a result output", async () => {
    const run = await runAction({ inputs: { command: "runbooks-check" }, env: now });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain("::error");
    expect(run.summary).toContain("## Runbooks check for 2026-12-02: passed");
    expect(run.summary).toContain("9 runbooks in `runbooks`; 0 errors, 0 warnings.");
    expect(resultOutput(run.output)).toMatchObject({
      ok: true,
      findings: [],
      runbooks: 9,
      today: "2026-12-02",
    });
  });

  it("fails with an annotation on the line of a broken link, and warns about an old review", async () => {
    const dir = mkdtempSync(join(tmpdir(), "runbooks-"));
    cpSync("runbooks", dir, { recursive: true });
    appendFileSync(join(dir, "site-down.md"), "\nSee [the old notes](old-notes.md).\n");
    const lines = readFileSync(join(dir, "site-down.md"), "utf8").split("\n");
    const brokenLine = lines.findIndex((l) => l.includes("old-notes.md")) + 1;
    const run = await runAction({
      inputs: { command: "runbooks-check", "runbooks-dir": dir },
      env: { FIRSTLINE_NOW: "2027-03-01T11:00:00Z" },
    });
    expect(run.code).toBe(1);
    const annotation =
      run.stdout.split("\n").find((l) => l.startsWith("::error ") && l.includes("old-notes.md")) ?? "";
    expect(annotation).toContain(`file=${dir}/site-down.md`);
    expect(annotation).toContain(`line=${brokenLine}`);
    expect(run.stdout).toContain(
      `::warning title=runbooks/stale,file=${dir}/disk-nearly-full.md,line=7::last reviewed 2026-08-19`,
    );
    expect(run.stdout).toContain("::error::the runbooks have errors: 1 error, 1 warning");
    expect(run.summary).toContain("## Runbooks check for 2027-03-01: failed");
    expect(resultOutput(run.output)).toMatchObject({ ok: false });
  });

  it("a missing folder is unusable input naming the folder", async () => {
    const run = await runAction({
      inputs: { command: "runbooks-check", "runbooks-dir": "no-such-folder" },
      env: now,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("::error::no-such-folder: folder not found");
  });
});

describe("site-build in the Action", () => {
  it("writes the site to site-dir, with the page count in the job summary", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "site-")), "_site");
    const run = await runAction({
      inputs: { command: "site-build", "site-dir": out },
      env: { FIRSTLINE_NOW: "2026-12-02T11:00:00Z" },
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    for (const file of ["index.html", "rota/index.html", "runbooks/site-down.html", "alerts.json"])
      expect(existsSync(join(out, file)), file).toBe(true);
    const result = resultOutput(run.output) as { out: string; today: string; pages: number; files: string[] };
    expect(result).toMatchObject({ out, today: "2026-12-02" });
    expect(result.pages).toBe(result.files.filter((f) => f.endsWith(".html")).length);
    expect(result.pages).toBeGreaterThanOrEqual(10);
    expect(run.summary).toContain(
      `## Site built for 2026-12-02\n\n${result.pages} pages (${result.files.length} files) written to \`${out}\`: 9 runbooks`,
    );
    expect(readFileSync(join(out, "index.html"), "utf8")).toContain("Site down");
  });

  it("stops at a runbook whose front matter cannot be read, naming its file and line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "runbooks-"));
    cpSync("runbooks", dir, { recursive: true });
    writeFileSync(join(dir, "broken.md"), "---\ntitle: Broken\nseverity: [unclosed\n---\n\n## Symptoms\n");
    const out = join(dir, "_site");
    const run = await runAction({
      inputs: { command: "site-build", "runbooks-dir": dir, "site-dir": out },
      env: { FIRSTLINE_NOW: "2026-12-02T11:00:00Z" },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`::error title=unusable input,file=${dir}/broken.md,line=3::invalid YAML`);
    expect(existsSync(out)).toBe(false);
  });
});
