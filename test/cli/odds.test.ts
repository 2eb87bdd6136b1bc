import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, runCliWith } from "../helpers/memory-io.js";

const CONFIG = ".github/firstline.yml";

describe("command-line odds: exit 2 with one clear line", () => {
  it.each([
    ["an offset past +14:00", "2026-12-24T17:30:00+25:00", "impossible offset"],
    ["an offset with 75 minutes", "2026-12-24T17:30:00+01:75", "impossible offset"],
    ["a year far in the future", "9999-12-24T17:30:00Z", "out of range"],
    ["a year before 1970", "0001-01-01T00:00:00Z", "out of range"],
    ["an expanded year", "+275760-09-13T00:00:00Z", "not an ISO 8601 instant"],
  ])("an instant with %s", async (_what, opened, message) => {
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
      opened,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain("internal error");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("an output path that is a file, from the built command line", () => {
    const dir = mkdtempSync(join(tmpdir(), "firstline-odds-"));
    const file = join(dir, "site");
    writeFileSync(file, "not a folder");
    const result = spawnSync(
      process.execPath,
      ["lib/cli.js", "site", "build", "--out", file, "--today", "2026-12-02"],
      { encoding: "utf8" },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("a file stands where a folder is needed");
    expect(result.stderr).not.toContain("internal error");
  });

  it("rota check compares logins without case, as GitHub does", async () => {
    const people = `people:
  - { login: Alice, name: Alice, role: developer, vetted: true, deliveryLead: dana, onCall: true }
  - { login: bob, name: Bob, role: operations, vetted: true, deliveryLead: dana, onCall: true, secondLine: true }
  - { login: dana, name: Dana, role: operations, vetted: true, deliveryLead: dana, secondLine: true }
`;
    const weeks = Array.from({ length: 16 }, (_, i) => {
      const date = new Date(Date.UTC(2026, 11, 2 + 7 * i)).toISOString().slice(0, 10);
      return { date, even: i % 2 === 0 };
    });
    const support = `weeks:\n${weeks.map((w) => `  ${w.date}: { developer: ${w.even ? "alice" : "ALICE"}, operations: ${w.even ? "bob" : "dana"} }`).join("\n")}\n`;
    const onCall = `weeks:\n${weeks.map((w) => `  ${w.date}: { primary: ${w.even ? "ALICE" : "Bob"}, secondLine: [${w.even ? "dana" : "DANA"}] }`).join("\n")}\n`;
    const result = await runCliWith({
      argv: ["rota", "check", "--dir", "r", "--today", "2026-12-02", "--json"],
      files: { "r/people.yml": people, "r/support.yml": support, "r/on-call.yml": onCall },
    });
    const findings = (result.json() as { findings: { rule: string; message: string }[] }).findings;
    expect(findings.filter((f) => /not in people\.yml/.test(f.message))).toEqual([]);
  });
});
