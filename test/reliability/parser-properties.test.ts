import fc from "fast-check";
import { stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAlertPayload } from "../../src/config/alert-payload.js";
import { firstlineConfigSchema } from "../../src/core/config/firstline-config.js";
import { issueInputSchema } from "../../src/config/issue-input-schema.js";
import { parseConfig } from "../../src/config/load-config.js";
import { parseJson, validate } from "../../src/core/config/parse-yaml.js";
import { loadRota } from "../../src/config/rota-load.js";
import { parseRunbookFile } from "../../src/core/runbooks/runbook-file.js";
import { ticketTimelineSchema } from "../../src/config/ticket-schema.js";
import type { Parsed } from "../../src/core/finding.js";
import { prototypeKeys } from "./helpers/hostile-corpus.js";
import { reliabilityRota } from "./helpers/seed.js";

const SETTINGS = { seed: 20261202, numRuns: 250 };

/** Text built from the pieces YAML and JSON are made of, so random input reaches deep into the parsers. */
const YAMLISH_TOKENS = [
  ":",
  ": ",
  "- ",
  "-",
  "[",
  "]",
  "{",
  "}",
  ",",
  "\n",
  "\r\n",
  "  ",
  "\t",
  "#",
  "'",
  '"',
  "&a ",
  "*a",
  "!!str ",
  "!!js/function ",
  "<<: ",
  "---\n",
  "...\n",
  "|\n",
  ">\n",
  "?",
  "__proto__",
  "constructor",
  "prototype",
  "timezone",
  "clients",
  "id",
  "repos",
  "plans",
  "P1",
  "firstResponse",
  "1 hour",
  "weeks",
  "people",
  "login",
  "2026-02-30",
  "2026-13-01",
  "2026-12-02",
  "true",
  "null",
  "~",
  "1e400",
  "-1",
  "0x1F",
  ".nan",
  "\u0000",
  "\ufeff",
  "\u200b",
  "é",
  "😀",
  "@alice",
  "<!-- firstline:card -->",
];
const yamlish = fc
  .array(fc.constantFrom(...YAMLISH_TOKENS), { maxLength: 60 })
  .map((parts) => parts.join(""));
/** Any text: unicode strings, yaml-like token soup, and JSON or YAML renderings of arbitrary values. */
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  yamlish,
  fc.jsonValue().map((v) => JSON.stringify(v) ?? ""),
  fc.jsonValue().map((v) => stringify(v)),
);
/** Any JSON-ish value, `__proto__` and `constructor` keys included. */
const anyValue = fc.oneof(
  fc.jsonValue(),
  fc.anything({
    withObjectString: true,
    withNullPrototype: true,
    withBoxedValues: true,
    key: fc.oneof(
      fc.string(),
      fc.constantFrom("__proto__", "constructor", "prototype", "timezone", "events"),
    ),
  }),
);

/** A parse result is a value or a non-empty list of problems naming the file, never anything else. */
function expectParsed<T>(result: Parsed<T>, file: string): void {
  if (result.ok) return;
  expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of result.problems) {
    expect(problem.file).toBe(file);
    expect(typeof problem.path).toBe("string");
    expect(typeof problem.message).toBe("string");
    expect(problem.message.length).toBeGreaterThan(0);
    if (problem.line !== undefined) expect(Number.isInteger(problem.line) && problem.line >= 1).toBe(true);
  }
}

describe("parsers never throw: a value or a typed error for any input", () => {
  let before: string[];
  beforeAll(() => {
    before = prototypeKeys();
  });
  afterAll(() => {
    expect(prototypeKeys()).toEqual(before);
  });

  it("configuration text", () => {
    fc.assert(
      fc.property(anyText, (text) => expectParsed(parseConfig({ file: "c.yml", text }), "c.yml")),
      SETTINGS,
    );
  });

  it("configuration values", () => {
    fc.assert(
      fc.property(anyValue, (raw) =>
        expectParsed(validate({ file: "c.yml", raw, schema: firstlineConfigSchema }), "c.yml"),
      ),
      SETTINGS,
    );
  });

  it("rota files, any one of the three replaced", () => {
    const valid = reliabilityRota();
    fc.assert(
      fc.property(fc.constantFrom("people", "support", "onCall"), anyText, (kind, text) => {
        const texts = {
          people: { file: "rota/people.yml", text: valid["rota/people.yml"] ?? "" },
          support: { file: "rota/support.yml", text: valid["rota/support.yml"] ?? "" },
          onCall: { file: "rota/on-call.yml", text: valid["rota/on-call.yml"] ?? "" },
        };
        const result = loadRota({ ...texts, [kind]: { file: texts[kind].file, text } });
        if (!result.ok)
          for (const problem of result.problems)
            expect(Object.values(texts).map((t) => t.file)).toContain(problem.file);
        expectParsed(result, result.ok ? "" : (result.problems[0]?.file ?? ""));
      }),
      SETTINGS,
    );
  });

  it("runbooks: any text, and front matter rendered from any value", () => {
    const frontMatter = anyValue.map((value) => `---\n${stringify(value)}---\n\n## Symptoms\n`);
    fc.assert(
      fc.property(fc.oneof(anyText, frontMatter), (text) =>
        expectParsed(parseRunbookFile({ file: "runbooks/x.md", text }), "runbooks/x.md"),
      ),
      SETTINGS,
    );
  });

  it("ticket timelines: any text, and any value", () => {
    fc.assert(
      fc.property(anyText, (text) =>
        expectParsed(parseJson({ file: "t.json", text, schema: ticketTimelineSchema }), "t.json"),
      ),
      SETTINGS,
    );
    fc.assert(
      fc.property(anyValue, (raw) =>
        expectParsed(validate({ file: "t.json", raw, schema: ticketTimelineSchema }), "t.json"),
      ),
      SETTINGS,
    );
  });

  it("triage's issue input: any text, and any value", () => {
    fc.assert(
      fc.property(anyText, (text) =>
        expectParsed(parseJson({ file: "i.json", text, schema: issueInputSchema }), "i.json"),
      ),
      SETTINGS,
    );
    fc.assert(
      fc.property(anyValue, (raw) =>
        expectParsed(validate({ file: "i.json", raw, schema: issueInputSchema }), "i.json"),
      ),
      SETTINGS,
    );
  });

  it("alert payloads: any text, and any value", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, anyValue), (body) => {
        const result = parseAlertPayload({ body, clientLabel: "client" });
        if (result.ok) {
          expect(result.alerts.length).toBeGreaterThan(0);
          for (const alert of result.alerts) expect(typeof alert.fingerprint).toBe("string");
        } else {
          expect(typeof result.reason).toBe("string");
          expect(result.reason.length).toBeGreaterThan(0);
        }
      }),
      SETTINGS,
    );
  });
});
