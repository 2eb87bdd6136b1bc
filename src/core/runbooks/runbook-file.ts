import type { InputProblem, Parsed } from "../finding.js";
import { parseYaml } from "../config/parse-yaml.js";
import { runbookFrontMatterSchema, type RunbookFrontMatter } from "./runbook-schema.js";

/** A runbook file read into its front matter and markdown body. */
export interface RunbookFile {
  /** The path findings name, such as `runbooks/site-down.md`. */
  readonly file: string;
  /** The file name without `.md`: the page's name on the site. */
  readonly slug: string;
  readonly frontMatter: RunbookFrontMatter;
  /** The markdown after the closing `---`. */
  readonly body: string;
  /** The 1-based line of the file where the body's first line stands. */
  readonly bodyLine: number;
  /** The 1-based line in the file of the front matter node at a key path (such as `["alerts", 1]`). */
  readonly lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

/** The file name of a path, without folders and without `.md`. */
export function runbookSlug(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.md$/i, "");
}

/** The front matter's YAML text and where the body starts, or undefined when the file has none. */
function splitFrontMatter(text: string): { yaml: string; bodyLine: number; body: string } | undefined {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines[0]?.trimEnd() !== "---") return undefined;
  const close = lines.findIndex(
    (line, index) => index > 0 && (line.trimEnd() === "---" || line.trimEnd() === "..."),
  );
  if (close < 0) return undefined;
  return {
    yaml: lines.slice(1, close).join("\n"),
    bodyLine: close + 2,
    body: lines.slice(close + 1).join("\n"),
  };
}

/**
 * Reads a runbook: YAML front matter between `---` lines, validated with zod, then the markdown
 * body. Never throws on bad input: every problem names the file, the key path and the line in the
 * file (not in the front matter).
 */
export function parseRunbookFile(params: {
  readonly file: string;
  readonly text: string;
}): Parsed<RunbookFile> {
  const { file, text } = params;
  const split = splitFrontMatter(text);
  if (!split) {
    const problem: InputProblem = {
      file,
      path: "",
      line: 1,
      message: "no front matter: start the file with a --- line, the YAML keys, and a closing --- line",
    };
    return { ok: false, problems: [problem] };
  }
  const parsed = parseYaml({ file, text: split.yaml, schema: runbookFrontMatterSchema });
  // The YAML starts on the file's second line, after the opening ---.
  const shift = (line: number | undefined) => (line === undefined ? 1 : line + 1);
  if (!parsed.ok) {
    return {
      ok: false,
      problems: parsed.problems.map((problem) => ({ ...problem, line: shift(problem.line) })),
    };
  }
  const { lineOf } = parsed.value;
  return {
    ok: true,
    value: {
      file,
      slug: runbookSlug(file),
      frontMatter: parsed.value.value,
      body: split.body,
      bodyLine: split.bodyLine,
      lineOf: (path) => shift(lineOf(path)),
    },
  };
}
