import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMAND_HELP } from "../../src/cli/command-help.js";
import { groupOf } from "../../src/cli/help.js";
import { findRepositoryRoot } from "../../src/shell/node-io.js";
import { commands } from "../../src/cli/registry.js";
import { runCliWith } from "../helpers/memory-io.js";
import packageJson from "../../package.json" with { type: "json" };
import { emulatorCommand } from "../../dev/emulator/command.js";

const run = (argv: readonly string[], repositoryRoot: string | null = ".") =>
  runCliWith({ argv, repositoryRoot });
const groups = [...new Set(commands.map(groupOf))];

describe("a command line that guides", () => {
  it.each([["--help"], ["-h"], ["help"]])(
    "firstline %s lists every command and how to ask about one (exit 0)",
    async (flag) => {
      const result = await run([flag]);
      expect(result.code).toBe(0);
      for (const command of commands) expect(result.stdout).toContain(`  ${command.name} `);
      expect(result.stdout).toContain(
        "firstline <group> --help (sla, triage, rota, runbooks, site, toil, alert, maintenance)",
      );
      expect(result.stdout).not.toContain("emulator");
    },
  );

  it("firstline alone shows the same help but exits 2: there was nothing to do", async () => {
    const result = await run([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("Usage: firstline <command>");
  });

  it("--version prints the package's version", async () => {
    expect(await run(["--version"])).toMatchObject({ code: 0, stdout: `${packageJson.version}\n` });
  });

  it.each(groups.filter((group) => commands.filter((c) => groupOf(c) === group).length > 1))(
    "firstline %s --help lists the group's commands with an example each",
    async (group) => {
      const result = await run([group, "--help"]);
      expect(result.code).toBe(0);
      for (const command of commands.filter((c) => groupOf(c) === group)) {
        expect(result.stdout).toContain(`  ${command.name} `);
        expect(result.stdout).toContain(`  ${COMMAND_HELP[command.name]?.example ?? "?"}`);
      }
    },
  );

  it("a group without a command, or with an unknown one, shows the group's help on stderr (exit 2)", async () => {
    const bare = await run(["rota"]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(/^firstline: "rota" needs a command\nUsage: firstline rota <command>/);
    const unknown = await run(["sla", "nope"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^firstline: unknown command "sla nope"\n/);
  });

  it.each(commands.map((command) => [command.name, command] as const))(
    "firstline %s --help lists each option with what it is, its default and one example",
    async (name, command) => {
      for (const flag of ["--help", "-h"]) {
        const result = await run([...name.split(" "), flag]);
        expect(result.code).toBe(0);
        for (const option of Object.keys(command.options))
          expect(result.stdout).toMatch(new RegExp(`\\n  --${option}\\b.*\\S`));
        expect(result.stdout).toContain(`Example:\n  firstline ${name}`);
      }
    },
  );

  it("every command and every option has help, and each example uses only the command's options", () => {
    // The emulator's own program (npm run emulator) shares the help texts.
    const all = [...commands, emulatorCommand];
    expect(Object.keys(COMMAND_HELP).sort()).toEqual(all.map((c) => c.name).sort());
    for (const command of all) {
      const help = COMMAND_HELP[command.name];
      expect(Object.keys(help?.options ?? {}).sort(), command.name).toEqual(
        Object.keys(command.options).sort(),
      );
      const used = [...(help?.example ?? "").matchAll(/--([a-z-]+)/g)].map((m) => m[1]);
      for (const option of used)
        expect([...Object.keys(command.options), "json"], `${command.name}: --${option}`).toContain(option);
    }
  });

  it("a default that the option schema holds is shown", async () => {
    const result = await run(["sla", "due", "--help"]);
    expect(result.stdout).toMatch(
      /--metric METRIC +firstResponse, nextResponse or resolution \(default: firstResponse\)/,
    );
    expect(result.stdout).toMatch(/--client CLIENT +.*\(required\)/);
  });
});

describe("rota and runbook commands find their files in the current git repository", () => {
  it.each([
    [["rota", "check", "--today", "2026-11-26"], 0],
    [["rota", "who", "--at", "2026-12-05T02:00:00Z"], 0],
    [["runbooks", "check", "--today", "2026-11-26"], 0],
  ])("firstline %j with no --dir reads this repository's folders", async (argv, code) => {
    const result = await run(argv);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(code);
  });

  it("site build reads rota/, runbooks/ and .github/firstline.yml of the repository", async () => {
    const result = await run(["site", "build", "--out", "site-out", "--today", "2026-11-26"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(Object.keys(result.written)).toContain(join("site-out", "index.html"));
  });

  it.each([
    [["rota", "check"], "pass --dir DIR"],
    [["rota", "plan", "--from", "2026-12-02", "--weeks", "2"], "pass --dir DIR"],
    [["runbooks", "check"], "pass --dir DIR"],
    [["site", "build", "--out", "x"], "pass --rota-dir DIR"],
    [["site", "build", "--out", "x", "--rota-dir", "rota"], "pass --runbooks-dir DIR"],
  ])("outside a repository, firstline %j says which option to pass (exit 2)", async (argv, hint) => {
    const result = await run(argv, null);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("not inside a git repository");
    expect(result.stderr).toContain(hint);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("the repository is the nearest folder up that holds .git", () => {
    const top = mkdtempSync(join(tmpdir(), "firstline-repo-"));
    mkdirSync(join(top, "project", ".git"), { recursive: true });
    mkdirSync(join(top, "project", "docs", "deep"), { recursive: true });
    mkdirSync(join(top, "worktree"), { recursive: true });
    writeFileSync(join(top, "worktree", ".git"), "gitdir: elsewhere\n");
    expect(findRepositoryRoot(join(top, "project"))).toBe(".");
    expect(findRepositoryRoot(join(top, "project", "docs", "deep"))).toBe(join("..", ".."));
    expect(findRepositoryRoot(join(top, "worktree"))).toBe(".");
    expect(findRepositoryRoot(top)).toBeNull();
  });
});
