import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ACTION_INPUTS } from "../../src/action/inputs.js";
import { actionRuntimes } from "../helpers/node24.js";
import { resultOutput, runAction as runActionOn } from "../helpers/run-action.js";

describe("action.yml", () => {
  it("declares exactly the inputs of the typed registry, with the same descriptions and defaults", () => {
    const manifest = parse(readFileSync("action.yml", "utf8")) as {
      inputs: Record<string, { description: string; required: boolean; default?: string }>;
      runs: { using: string; main: string };
    };
    expect(Object.keys(manifest.inputs)).toEqual(Object.keys(ACTION_INPUTS));
    for (const [name, spec] of Object.entries(ACTION_INPUTS)) {
      const declared = manifest.inputs[name];
      expect(declared?.description, name).toBe(spec.description);
      expect(declared?.required, name).toBe(spec.required);
      expect(declared?.default, name).toBe("default" in spec ? spec.default : undefined);
    }
    expect(manifest.runs).toEqual({ using: "node24", main: "dist/index.js" });
  });
});

describe.each(actionRuntimes())("the Action run as a runner runs it, on $name", ({ path }) => {
  const runAction = (params: Parameters<typeof runActionOn>[0]) => runActionOn({ ...params, node: path });

  it("rota-check passes on this repository's rota, with a job summary and a result output", async () => {
    const run = await runAction({
      inputs: { command: "rota-check", "rota-dir": "rota" },
      env: { FIRSTLINE_NOW: "2026-11-26T12:00:00Z" },
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.summary).toContain("## Rota check for 2026-11-26: passed");
    expect(resultOutput(run.output)).toMatchObject({ ok: true, findings: [] });
  });

  it("rota-check fails with an annotation on the file and line of a broken rule", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rota-"));
    cpSync("rota", dir, { recursive: true });
    const support = readFileSync(join(dir, "support.yml"), "utf8").replace(
      /developer: [a-z-]+/,
      "developer: nobody-here",
    );
    writeFileSync(join(dir, "support.yml"), support);
    const run = await runAction({
      inputs: { command: "rota-check", "rota-dir": dir },
      env: { FIRSTLINE_NOW: "2026-11-26T12:00:00Z" },
    });
    expect(run.code).toBe(1);
    const annotation =
      run.stdout.split("\n").find((l) => l.startsWith("::error ") && l.includes("nobody-here")) ?? "";
    expect(annotation).toContain(`file=${dir}/support.yml`);
    expect(annotation).toMatch(/line=\d+/);
    expect(run.stdout).toContain("::error::the rota has errors");
  });

  it("unusable input fails with the file and line, never a stack trace", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rota-"));
    cpSync("rota", dir, { recursive: true });
    writeFileSync(join(dir, "people.yml"), "people:\n  - login: [unclosed\n");
    const run = await runAction({ inputs: { command: "rota-check", "rota-dir": dir } });
    expect(run.code).toBe(1);
    const annotation =
      run.stdout.split("\n").find((l) => l.startsWith("::error ") && l.includes("invalid YAML")) ?? "";
    expect(annotation).toContain(`file=${dir}/people.yml`);
    expect(annotation).toMatch(/line=[23]/); // the parser reports where the unclosed list ends
    expect(run.stdout).not.toMatch(/\n\s+at /);
  });

  it("an unknown command is refused with the list of commands", async () => {
    const run = await runAction({ inputs: { command: "make-coffee" } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("::error::invalid input:");
    expect(run.stdout).toContain("must be one of sla-sweep, rota-check");
  });
});
