import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/memory-io.js";

const BROKEN = "test/fixtures/runbooks/broken";

describe("firstline runbooks check", () => {
  it("passes the repository's own runbooks on 2026-12-07 with no findings at all", async () => {
    const result = await runCli([
      "runbooks",
      "check",
      "--dir",
      "runbooks",
      "--today",
      "2026-12-07",
      "--json",
    ]);
    expect(result.code).toBe(0);
    expect(result.json()).toEqual({ ok: true, findings: [] });
  });

  it("prints exactly {ok, findings: [{rule, severity, file, line, message}]} and exits 1 on errors", async () => {
    const result = await runCli(["runbooks", "check", "--dir", BROKEN, "--today", "2026-11-26", "--json"]);
    expect(result.code).toBe(1);
    const json = result.json() as { ok: boolean; findings: Record<string, unknown>[] };
    expect(json.ok).toBe(false);
    expect(json.findings.map(({ message: _message, ...where }) => where)).toEqual([
      { rule: "runbooks/stale", severity: "warning", file: `${BROKEN}/db-full.md`, line: 6 },
      { rule: "runbooks/missing-section", severity: "warning", file: `${BROKEN}/db-full.md`, line: 8 },
      { rule: "runbooks/missing-section", severity: "warning", file: `${BROKEN}/db-full.md`, line: 8 },
      { rule: "runbooks/broken-link", severity: "error", file: `${BROKEN}/db-full.md`, line: 11 },
      { rule: "runbooks/duplicate-alert", severity: "error", file: `${BROKEN}/disk-full.md`, line: 3 },
      { rule: "runbooks/broken-link", severity: "error", file: `${BROKEN}/disk-full.md`, line: 23 },
    ]);
    expect(json.findings[4]?.["message"]).toContain(`${BROKEN}/db-full.md:3`);
  });

  it("prints file:line, severity and rule, then a summary line", async () => {
    const result = await runCli(["runbooks", "check", "--dir", BROKEN, "--today", "2026-11-26"]);
    expect(result.stdout).toContain(
      `${BROKEN}/db-full.md:11: error [runbooks/broken-link] link to queue.md, which does not exist\n`,
    );
    expect(result.stdout.trimEnd().split("\n").pop()).toBe(
      "runbooks check (today 2026-11-26): failed, 2 runbooks, 3 errors, 3 warnings",
    );
  });

  it("takes today from the clock in Europe/London when --today is absent", async () => {
    const dueDay = await runCli(["runbooks", "check", "--dir", BROKEN, "--json"], {}, "2026-09-01T22:59:00Z");
    const dayAfter = await runCli(
      ["runbooks", "check", "--dir", BROKEN, "--json"],
      {},
      "2026-09-01T23:00:00Z",
    );
    const stale = (result: { json: () => unknown }) =>
      (result.json() as { findings: { file: string; rule: string }[] }).findings.filter(
        (f) => f.rule === "runbooks/stale" && f.file.endsWith("db-full.md"),
      ).length;
    // Reviewed 2026-03-01, so current through 2026-09-01; 23:00 UTC that day is already 2 September in London.
    expect(stale(dueDay)).toBe(0);
    expect(stale(dayAfter)).toBe(1);
  });

  it("exits 2 with one line for a missing folder", async () => {
    const result = await runCli(["runbooks", "check", "--dir", "no-such-runbooks"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("no-such-runbooks: folder not found\n");
  });

  it("exits 2 naming the flag for a date that is not one", async () => {
    const result = await runCli(["runbooks", "check", "--dir", BROKEN, "--today", "26/11/2026"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("firstline runbooks check: --today must be a date such as 2026-12-02\n");
  });
});
