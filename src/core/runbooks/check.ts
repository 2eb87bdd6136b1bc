import { DateTime } from "luxon";
import { runbookSlug, type RunbookFile } from "./runbook-file.js";
import type { Finding } from "../finding.js";
import { classifyLink } from "./link-target.js";
import { outlineOf, type RunbookOutline } from "./outline.js";
import { readRunbooks, type RunbookText } from "./read-runbooks.js";
import { REVIEW_MONTHS, RUNBOOK_RULE, RUNBOOK_SECTIONS } from "./rule-ids.js";

/** The `runbooks check` answer: ok when there is no error. */
export interface RunbooksCheck {
  readonly ok: boolean;
  readonly findings: readonly Finding[];
}

type Outlined = { readonly runbook: RunbookFile; readonly outline: RunbookOutline };

function sectionFindings({ runbook, outline }: Outlined): Finding[] {
  const present = new Set(
    outline.headings.filter((h) => h.level <= 2).map((h) => h.text.trim().toLowerCase()),
  );
  return RUNBOOK_SECTIONS.filter((section) => !present.has(section.toLowerCase())).map((section) => ({
    rule: RUNBOOK_RULE.missingSection,
    severity: "warning",
    file: runbook.file,
    line: runbook.bodyLine,
    message: `no "## ${section}" section; a runbook has ${RUNBOOK_SECTIONS.join(", ")}`,
  }));
}

function linkFindings(
  { runbook, outline }: Outlined,
  slugs: ReadonlySet<string>,
  bySlug: ReadonlyMap<string, Outlined>,
): Finding[] {
  const findings: Finding[] = [];
  const at = (line: number) => ({ file: runbook.file, line });
  for (const link of outline.links) {
    const target = classifyLink(link.href);
    const what = link.kind === "image" ? "image" : "link";
    switch (target.kind) {
      case "web":
        if (link.kind === "image") {
          findings.push({
            rule: RUNBOOK_RULE.externalImage,
            severity: "warning",
            ...at(link.line),
            message: `image ${link.href} is on another site; the site loads nothing from outside, so it shows a link instead`,
          });
        }
        break;
      case "unsafe":
        findings.push({
          rule: RUNBOOK_RULE.unsafeLink,
          severity: "error",
          ...at(link.line),
          message: `${what} with a ${target.scheme}: address; only http, https, mailto and relative links are allowed, the site drops it`,
        });
        break;
      case "not-a-runbook":
        findings.push({
          rule: RUNBOOK_RULE.brokenLink,
          severity: "error",
          ...at(link.line),
          message: `${what} to ${target.path}, which is not a runbook in this folder (the site publishes only runbooks)`,
        });
        break;
      case "same-page":
        if (target.fragment !== "" && !outline.headings.some((h) => h.id === target.fragment)) {
          findings.push({
            rule: RUNBOOK_RULE.brokenLink,
            severity: "error",
            ...at(link.line),
            message: `${what} to #${target.fragment}, a heading this runbook does not have`,
          });
        }
        break;
      case "runbook": {
        const other = bySlug.get(target.slug);
        if (!slugs.has(target.slug)) {
          findings.push({
            rule: RUNBOOK_RULE.brokenLink,
            severity: "error",
            ...at(link.line),
            message: `${what} to ${target.slug}.md, which does not exist`,
          });
        } else if (
          other &&
          target.fragment !== undefined &&
          target.fragment !== "" &&
          !other.outline.headings.some((h) => h.id === target.fragment)
        ) {
          findings.push({
            rule: RUNBOOK_RULE.brokenLink,
            severity: "error",
            ...at(link.line),
            message: `${what} to ${target.slug}.md#${target.fragment}, a heading that runbook does not have`,
          });
        }
        break;
      }
    }
  }
  for (const line of outline.htmlLines) {
    findings.push({
      rule: RUNBOOK_RULE.rawHtml,
      severity: "warning",
      ...at(line),
      message: "raw HTML is shown as text on the site; write it in markdown",
    });
  }
  return findings;
}

function reviewFindings(runbook: RunbookFile, today: string): Finding[] {
  const reviewed = runbook.frontMatter.lastReviewed;
  const due = DateTime.fromISO(reviewed, { zone: "utc" }).plus({ months: REVIEW_MONTHS }).toISODate() ?? "";
  const at = {
    rule: RUNBOOK_RULE.stale,
    severity: "warning" as const,
    file: runbook.file,
    line: runbook.lineOf(["lastReviewed"]) ?? 1,
  };
  if (due < today) {
    return [
      {
        ...at,
        message: `last reviewed ${reviewed}, over ${REVIEW_MONTHS} months ago (a review was due by ${due}); check it against the systems and update lastReviewed`,
      },
    ];
  }
  if (reviewed > today) return [{ ...at, message: `lastReviewed ${reviewed} is after today (${today})` }];
  return [];
}

function duplicateAlertFindings(runbooks: readonly RunbookFile[]): Finding[] {
  const findings: Finding[] = [];
  const firstSeen = new Map<string, { file: string; line: number }>();
  for (const runbook of runbooks) {
    runbook.frontMatter.alerts.forEach((alert, index) => {
      const line = runbook.lineOf(["alerts", index]) ?? 1;
      const first = firstSeen.get(alert);
      if (first === undefined) {
        firstSeen.set(alert, { file: runbook.file, line });
        return;
      }
      const where =
        first.file === runbook.file
          ? `already listed on line ${first.line} of this runbook`
          : `also listed by ${first.file}:${first.line}`;
      findings.push({
        rule: RUNBOOK_RULE.duplicateAlert,
        severity: "error",
        file: runbook.file,
        line,
        message: `alert ${alert} is ${where}; an alert links to one runbook, so keep it in one of ${first.file === runbook.file ? "the lists" : `${first.file} and ${runbook.file}`}`,
      });
    });
  }
  return findings;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function byPlace(a: Finding, b: Finding): number {
  return compare(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || compare(a.rule, b.rule);
}

/**
 * Checks a folder of runbooks (DOMAIN section 7): front matter against its schema, the expected
 * sections, relative links and their headings, unsafe links, review dates against `today`
 * (`YYYY-MM-DD`), and alert names listed by more than one runbook.
 */
export function checkRunbooks(params: {
  readonly files: readonly RunbookText[];
  readonly today: string;
}): RunbooksCheck {
  const { runbooks, findings } = readRunbooks(params.files);
  const outlined: Outlined[] = runbooks.map((runbook) => ({ runbook, outline: outlineOf(runbook) }));
  // A link to a file whose front matter is broken still resolves: that file is reported on its own.
  const slugs = new Set(params.files.map((file) => runbookSlug(file.file)));
  const bySlug = new Map(outlined.map((entry) => [entry.runbook.slug, entry]));
  for (const entry of outlined) {
    findings.push(
      ...sectionFindings(entry),
      ...linkFindings(entry, slugs, bySlug),
      ...reviewFindings(entry.runbook, params.today),
    );
  }
  findings.push(...duplicateAlertFindings(runbooks));
  findings.sort(byPlace);
  return { ok: !findings.some((finding) => finding.severity === "error"), findings };
}
