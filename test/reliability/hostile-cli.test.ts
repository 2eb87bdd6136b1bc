import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandIo } from "../../src/cli/command.js";
import { InputError } from "../../src/shell/input-error.js";
import { main } from "../../src/cli/main.js";
import { generatedInputs, hostileFiles, prototypeKeys, type HostileInput } from "./helpers/hostile-corpus.js";
import { reliabilityConfig, reliabilityRota } from "./helpers/seed.js";
import { RUNAWAY_MS } from "../helpers/time-limits.js";

const VALID_CONFIG = "valid/firstline.yml";
const VALID_ISSUE = JSON.stringify({
  title: "Site down",
  body: "Every page shows 502",
  repository: { full_name: "bigco/site-01" },
});

/** Runs a command line with files from memory only (a missing file is the CLI's "file not found"). */
async function run(argv: readonly string[], files: Record<string, string>) {
  let stdout = "";
  let stderr = "";
  const io: CommandIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readTextFile: (path) => {
      const text = files[path];
      if (text === undefined) throw InputError.of({ file: path, path: "", message: "file not found" });
      return text;
    },
    writeTextFile: () => undefined,
    env: {},
    now: () => new Date("2026-12-02T12:00:00Z"),
    repositoryRoot: () => null,
  };
  const started = performance.now();
  const code = await main(argv, io);
  return { code, stdout, stderr, ms: performance.now() - started };
}

// Every input here once showed a bug (several stderr lines, a silently dropped `__proto__` key, an
// impossible week key crashing later, "Invalid input" for a wrong issue shape, a BOM refused in
// JSON); all were fixed in ffc97d2. The cases stay as they are, strict.
type CliKind = "config" | "rota" | "tickets" | "webhooks";
const inputs = (kind: CliKind) => [...hostileFiles(kind), ...generatedInputs(kind)];
const label = (input: HostileInput) =>
  input.name.startsWith("generated:")
    ? `${input.kind}/${input.name}`
    : input.name.replace(/^test\/fixtures\/hostile\//, "");
/** The cases of a kind: the hostile ones, or those that must be `accepted`. */
const cases = (kind: CliKind, params: { accepted: boolean }) =>
  inputs(kind)
    .filter((i) => i.accepted === params.accepted)
    .map((input) => ({ name: label(input), input }));

/** The contract for unusable input: exit 2, one line on stderr that names the file, fast, no stack trace. */
function expectClearError(result: Awaited<ReturnType<typeof run>>, file: string) {
  expect(result.code).toBe(2);
  const lines = result.stderr.trimEnd().split("\n");
  expect(lines[0]?.startsWith(file)).toBe(true);
  // One line (a 10,000-deep YAML list may report its stack overflow once or twice, by stack size:
  // identical lines count once here).
  expect(new Set(lines).size).toBe(1);
  expect(result.stderr).not.toMatch(/\n\s+at |internal error/);
  expect(result.ms).toBeLessThan(RUNAWAY_MS);
  return lines;
}

describe("hostile and broken input on the command line", () => {
  let prototypeBefore: string[];
  beforeAll(() => {
    prototypeBefore = prototypeKeys();
  });
  afterAll(() => {
    expect(prototypeKeys()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("the corpus holds at least 50 committed files", () => {
    const all = (["config", "rota", "runbooks", "alerts", "webhooks", "tickets"] as const).flatMap((kind) =>
      hostileFiles(kind),
    );
    expect(all.length).toBeGreaterThanOrEqual(50);
  });

  const configCase = async ({ input, name }: { input: HostileInput; name: string }) => {
    const file = `hostile/${name}`;
    const result = await run(
      [
        "sla",
        "due",
        "--config",
        file,
        "--client",
        "acme",
        "--priority",
        "P3",
        "--opened",
        "2026-12-02T10:00:00Z",
      ],
      { [file]: input.text },
    );
    const [line] = expectClearError(result, file);
    // The error is the file's own, not the command's complaint about a client the file lacks.
    expect(line).not.toContain('no client "acme"');
  };
  it.each(cases("config", { accepted: false }))("config $name: exit 2, one line naming the file", configCase);

  const acceptedConfig = async ({ input }: { input: HostileInput }) => {
    const result = await run(
      [
        "sla",
        "due",
        "--config",
        "c.yml",
        "--client",
        "acme",
        "--priority",
        "P3",
        "--opened",
        "2026-12-02T10:00:00Z",
        "--json",
      ],
      { "c.yml": input.text },
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  };
  it.each(cases("config", { accepted: true }))("config $name (a BOM, CRLF) is accepted", acceptedConfig);

  const rotaCase = async ({ input, name }: { input: HostileInput; name: string }) => {
    const base = name.split("/").pop() ?? "";
    const kind = base.startsWith("support")
      ? "support.yml"
      : base.startsWith("on-call")
        ? "on-call.yml"
        : "people.yml";
    const files: Record<string, string> = { ...reliabilityRota(), [`rota/${kind}`]: input.text };
    const result = await run(["rota", "check", "--dir", "rota", "--today", "2026-12-02"], files);
    expectClearError(result, `rota/${kind}`);
  };
  it.each(cases("rota", { accepted: false }))("rota $name: exit 2, one line naming the file", rotaCase);

  const ticketCase = async ({ input, name }: { input: HostileInput; name: string }) => {
    const file = `hostile/${name}`;
    const result = await run(
      ["sla", "status", "--config", VALID_CONFIG, "--ticket", file, "--now", "2026-12-02T12:00:00Z"],
      { [VALID_CONFIG]: reliabilityConfig(1), [file]: input.text },
    );
    expectClearError(result, file);
  };
  it.each(cases("tickets", { accepted: false }))(
    "ticket timeline $name: exit 2, one line naming the file",
    ticketCase,
  );
  const acceptedTicket = async ({ input }: { input: HostileInput }) => {
    const result = await run(
      [
        "sla",
        "status",
        "--config",
        VALID_CONFIG,
        "--ticket",
        "t.json",
        "--now",
        "2026-12-02T12:00:00Z",
        "--json",
      ],
      { [VALID_CONFIG]: reliabilityConfig(1), "t.json": input.text },
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  };
  it.each(cases("tickets", { accepted: true }))("ticket timeline $name (a BOM) is accepted", acceptedTicket);

  const webhookCase = async ({ input, name }: { input: HostileInput; name: string }) => {
    const file = `hostile/${name}`;
    const result = await run(["triage", "--config", VALID_CONFIG, "--issue", file], {
      [VALID_CONFIG]: reliabilityConfig(1),
      [file]: input.text,
    });
    const [line] = expectClearError(result, file);
    expect(line).not.toMatch(/: Invalid input$/);
  };
  it.each(cases("webhooks", { accepted: false }))(
    "webhook body $name given to triage: exit 2, one clear line naming the file",
    webhookCase,
  );

  it("the valid inputs beside them work (the errors above are the input's, not the command's)", async () => {
    const files = { [VALID_CONFIG]: reliabilityConfig(1), "issue.json": VALID_ISSUE, ...reliabilityRota() };
    expect(
      (await run(["triage", "--config", VALID_CONFIG, "--issue", "issue.json", "--json"], files)).code,
    ).toBe(0);
    expect(
      (await run(["rota", "check", "--dir", "rota", "--today", "2026-12-02", "--json"], files)).code,
    ).not.toBe(2);
  });
});

describe("hostile runbooks on the command line", () => {
  const dir = mkdtempSync(join(tmpdir(), "firstline-hostile-runbooks-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(
    [...hostileFiles("runbooks"), ...generatedInputs("runbooks")].map((input) => ({
      name: label(input),
      input,
    })),
  )("runbook $name: the check fails naming the file, without crashing", async ({ input, name }) => {
    const folder = mkdtempSync(join(dir, "case-"));
    const file = join(folder, (name.split(/[/:]/).pop() ?? "runbook.md").replace(/\.md$/, "") + ".md");
    writeFileSync(file, input.text);
    const started = performance.now();
    let stdout = "";
    let stderr = "";
    const io: CommandIo = {
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
      readTextFile: (path) => (path === file ? input.text : ""),
      writeTextFile: () => undefined,
      env: {},
      now: () => new Date("2026-12-02T12:00:00Z"),
      repositoryRoot: () => null,
    };
    const code = await main(["runbooks", "check", "--dir", folder], io);
    expect(performance.now() - started).toBeLessThan(RUNAWAY_MS);
    // A runbook that cannot be read is an error finding of the check (exit 1) naming its file and line.
    expect(code).toBe(1);
    expect(stdout).toContain(`${file}:`);
    expect(`${stdout}${stderr}`).not.toMatch(/\n\s+at |internal error/);
  });
});
