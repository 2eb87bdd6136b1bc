import { parseRunbookFile, type RunbookFile } from "./runbook-file.js";
import type { Finding } from "../finding.js";
import { RUNBOOK_RULE } from "./rule-ids.js";

/** A runbook file's path and text, as the shell read it. */
export interface RunbookText {
  readonly file: string;
  readonly text: string;
}

/** `lowercase-words.md`: a name that is also a page name on the site. */
const SLUG_FILE = /(^|[\\/])[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;

/**
 * Parses every runbook. Files whose front matter is unusable become error findings (file, key
 * path and line) instead of runbooks; the others are returned sorted by file name.
 */
export function readRunbooks(files: readonly RunbookText[]): {
  readonly runbooks: RunbookFile[];
  readonly findings: Finding[];
} {
  const runbooks: RunbookFile[] = [];
  const findings: Finding[] = [];
  for (const { file, text } of [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    if (!SLUG_FILE.test(file)) {
      findings.push({
        rule: RUNBOOK_RULE.fileName,
        severity: "error",
        file,
        line: 1,
        message:
          "a runbook's file name is its page name: lowercase letters, digits and single hyphens, ending .md (site-down.md)",
      });
    }
    const parsed = parseRunbookFile({ file, text });
    if (parsed.ok) {
      runbooks.push(parsed.value);
      continue;
    }
    for (const problem of parsed.problems) {
      const message = problem.path === "" ? problem.message : `${problem.path}: ${problem.message}`;
      findings.push({
        rule: RUNBOOK_RULE.frontMatter,
        severity: "error",
        file,
        line: problem.line ?? 1,
        message,
      });
    }
  }
  return { runbooks, findings };
}
