import { isNode, isPair, isScalar, LineCounter, parseDocument, visit, type Document } from "yaml";
import type { z } from "zod";
import { formatKeyPath, type InputProblem, type Parsed } from "../finding.js";

/** Files larger than this are refused before parsing: no config, rota or runbook is this big. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** A parsed YAML file that can still say on which line a key stands. */
export interface YamlSource<T> {
  readonly file: string;
  readonly value: T;
  /** The 1-based line of the node at `path`, or of its nearest existing parent. */
  readonly lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

function lineLocator(doc: Document, counter: LineCounter) {
  return (path: readonly PropertyKey[]): number | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
      if (isPair(node) && isScalar(node.key) && node.key.range)
        return counter.linePos(node.key.range[0]).line;
    }
    return undefined;
  };
}

/**
 * The line of a mapping key itself (for example a week key), rather than of its value. The text is
 * parsed again only when a line is first asked for: most files have nothing to report.
 */
export function keyLineLocator(source: { text: string }) {
  let parsed: { readonly doc: Document; readonly counter: LineCounter } | undefined;
  return (path: readonly PropertyKey[]): number | undefined => {
    if (!parsed) {
      const counter = new LineCounter();
      parsed = { doc: parseDocument(source.text, { lineCounter: counter }), counter };
    }
    const { doc, counter } = parsed;
    const parentPath = path.slice(0, -1) as unknown[];
    const parent = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true);
    const key = path[path.length - 1];
    if (parent && typeof parent === "object" && "items" in parent && Array.isArray(parent.items)) {
      for (const item of parent.items as unknown[]) {
        if (isPair(item) && isScalar(item.key) && String(item.key.value) === String(key) && item.key.range) {
          return counter.linePos(item.key.range[0]).line;
        }
      }
    }
    return undefined;
  };
}

/** YAML text read into plain data, before any schema: what `_extends` merging works on. */
export interface RawYaml {
  readonly file: string;
  readonly raw: unknown;
  /** The line of the node at a key path, or of its nearest existing parent. */
  readonly lineOf: (path: readonly PropertyKey[]) => number | undefined;
  /** Whether the key path exists in this file (not just a parent of it). */
  readonly has: (path: readonly PropertyKey[]) => boolean;
}

/**
 * Reads YAML text into plain data. Never throws on bad input: syntax errors, alias bombs,
 * duplicate keys, binary and oversized files come back as problems with the file and line. Dates
 * stay strings (YAML 1.2 core schema).
 */
export function readYaml(params: { readonly file: string; readonly text: string }): Parsed<RawYaml> {
  const { file, text } = params;
  if (Buffer.byteLength(text, "utf8") > MAX_FILE_BYTES) {
    return fail({ file, path: "", message: `file is larger than ${MAX_FILE_BYTES / 1024} KiB` });
  }
  if (text.includes("\u0000")) return fail({ file, path: "", message: "file is binary, not YAML text" });
  const counter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: counter,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => ({
        file,
        path: "",
        line: counter.linePos(error.pos[0]).line,
        message: `invalid YAML: ${firstLine(error.message)}`,
      })),
    };
  }
  // `__proto__` as a key would be dropped silently by the schemas (or worse): report it.
  const proto: InputProblem[] = [];
  visit(doc, {
    Pair(_key, pair) {
      if (
        isScalar(pair.key) &&
        ["__proto__", "constructor", "prototype"].includes(String(pair.key.value)) &&
        pair.key.range
      ) {
        proto.push({
          file,
          path: "",
          line: counter.linePos(pair.key.range[0]).line,
          message: `the key "${String(pair.key.value)}" is not allowed`,
        });
      }
    },
  });
  if (proto.length > 0) return { ok: false, problems: proto };
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return fail({ file, path: "", message: `invalid YAML: ${firstLine((error as Error).message)}` });
  }
  const has = (path: readonly PropertyKey[]) => path.length === 0 || doc.hasIn(path as unknown[]);
  return { ok: true, value: { file, raw: raw ?? {}, lineOf: lineLocator(doc, counter), has } };
}

/** Validates data read from YAML with a zod schema, with problems placed on the lines of `sources` (first that has the key). */
export function validateYaml<S extends z.ZodType>(params: {
  readonly raw: unknown;
  readonly schema: S;
  readonly sources: readonly RawYaml[];
}): Parsed<z.output<S>> {
  const result = params.schema.safeParse(params.raw);
  if (result.success) return { ok: true, value: result.data };
  const [primary] = params.sources;
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const path = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0] ?? ""] : issue.path;
      const source = params.sources.find((s) => s.has(path)) ?? primary;
      return problemFromIssue({
        file: source?.file ?? "",
        issue,
        lineOf: source?.lineOf ?? (() => undefined),
      });
    }),
  };
}

/**
 * Parses YAML text and validates it with a zod schema. Never throws on bad input: every problem
 * names the file, the key path and the line.
 */
export function parseYaml<S extends z.ZodType>(params: {
  readonly file: string;
  readonly text: string;
  readonly schema: S;
}): Parsed<YamlSource<z.output<S>>> {
  const read = readYaml(params);
  if (!read.ok) return read;
  const validated = validateYaml({ raw: read.value.raw, schema: params.schema, sources: [read.value] });
  if (!validated.ok) return validated;
  return { ok: true, value: { file: params.file, value: validated.value, lineOf: read.value.lineOf } };
}

/** Validates already-parsed JSON (an alert payload, a ticket timeline) with the same error shape. */
export function parseJson<S extends z.ZodType>(params: {
  readonly file: string;
  readonly text: string;
  readonly schema: S;
}): Parsed<z.output<S>> {
  const { file, text, schema } = params;
  if (Buffer.byteLength(text, "utf8") > 10 * MAX_FILE_BYTES) {
    return fail({ file, path: "", message: "file is larger than 10 MiB" });
  }
  let raw: unknown;
  try {
    // A byte order mark (Windows editors write one) is not part of the JSON.
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return fail({ file, path: "", message: `invalid JSON: ${firstLine((error as Error).message)}` });
  }
  return validate({ file, raw, schema });
}

/** Validates a value against a schema, turning zod issues into problems without lines. */
export function validate<S extends z.ZodType>(params: {
  readonly file: string;
  readonly raw: unknown;
  readonly schema: S;
}): Parsed<z.output<S>> {
  const result = params.schema.safeParse(params.raw);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) =>
      problemFromIssue({ file: params.file, issue, lineOf: () => undefined }),
    ),
  };
}

function problemFromIssue(params: {
  file: string;
  issue: z.core.$ZodIssue;
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
}): InputProblem {
  const { file, issue, lineOf } = params;
  let path = issue.path;
  let message = issue.message;
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    path = [...issue.path, key];
    message =
      issue.keys.length === 1
        ? `unknown key "${key}"`
        : `unknown keys ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  }
  const line = lineOf(path);
  return line === undefined
    ? { file, path: formatKeyPath(path), message }
    : { file, path: formatKeyPath(path), line, message };
}

function fail(problem: InputProblem): { ok: false; problems: InputProblem[] } {
  return { ok: false, problems: [problem] };
}

function firstLine(text: string): string {
  return (text.split("\n")[0] ?? text).trim();
}
