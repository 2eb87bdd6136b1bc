import { describe, expect, it } from "vitest";
import { checkRunbooks } from "../../../src/core/runbooks/check.js";
import type { RunbookText } from "../../../src/core/runbooks/read-runbooks.js";
import { runbookText, SECTIONS } from "./runbook-texts.js";

const TODAY = "2026-11-26";

interface Expected {
  readonly rule: string;
  readonly severity: "error" | "warning";
  readonly file: string;
  readonly line: number;
  readonly message: RegExp;
}

interface Case {
  readonly name: string;
  readonly files: readonly RunbookText[];
  readonly today?: string;
  readonly expected: readonly Expected[];
}

const OTHER: RunbookText = {
  file: "runbooks/disk-nearly-full.md",
  text: runbookText({ frontMatter: { title: "Disk", alerts: "[DiskSpaceLow]" } }),
};
const withBody = (body: string): RunbookText => ({
  file: "runbooks/site-down.md",
  text: runbookText({ body }),
});

const cases: readonly Case[] = [
  {
    name: "a clean runbook and a link to another's heading",
    files: [
      withBody(`${SECTIONS}\nSee [disk](disk-nearly-full.md#resolution) and [here](#diagnosis).\n`),
      OTHER,
    ],
    expected: [],
  },
  {
    name: "no front matter at all",
    files: [{ file: "runbooks/site-down.md", text: "# Site down\n\n## Symptoms\n" }],
    expected: [
      {
        rule: "runbooks/front-matter",
        severity: "error",
        file: "runbooks/site-down.md",
        line: 1,
        message: /no front matter/,
      },
    ],
  },
  {
    name: "an unknown key, with its line in the file",
    files: [{ file: "runbooks/site-down.md", text: runbookText({ frontMatter: { colour: "red" } }) }],
    expected: [
      {
        rule: "runbooks/front-matter",
        severity: "error",
        file: "runbooks/site-down.md",
        line: 8,
        message: /^colour: unknown key "colour"$/,
      },
    ],
  },
  {
    name: "a bad severity and a bad alert name, each on its line",
    files: [
      {
        file: "runbooks/site-down.md",
        text: runbookText({ frontMatter: { alerts: "\n  - SiteDown\n  - site down", severity: "urgent" } }),
      },
    ],
    expected: [
      {
        rule: "runbooks/front-matter",
        severity: "error",
        file: "runbooks/site-down.md",
        line: 5,
        message: /^alerts\[1\]: must be an alert name/,
      },
      {
        rule: "runbooks/front-matter",
        severity: "error",
        file: "runbooks/site-down.md",
        line: 7,
        message: /^severity: must be one of critical, warning, info$/,
      },
    ],
  },
  {
    name: "a missing title",
    files: [{ file: "runbooks/site-down.md", text: runbookText({ frontMatter: { title: "" } }) }],
    expected: [
      {
        rule: "runbooks/front-matter",
        severity: "error",
        file: "runbooks/site-down.md",
        line: 2,
        message: /^title: is required$/,
      },
    ],
  },
  {
    name: "YAML that does not parse",
    files: [{ file: "runbooks/site-down.md", text: "---\ntitle: [unclosed\n---\n" }],
    expected: [
      {
        rule: "runbooks/front-matter",
        severity: "error",
        file: "runbooks/site-down.md",
        line: 2,
        message: /invalid YAML/,
      },
    ],
  },
  {
    name: "a file name that is not a slug",
    files: [{ file: "runbooks/Site Down.md", text: runbookText() }],
    expected: [
      {
        rule: "runbooks/file-name",
        severity: "error",
        file: "runbooks/Site Down.md",
        line: 1,
        message: /lowercase letters/,
      },
    ],
  },
  {
    name: "missing sections are warnings on the body's first line",
    files: [withBody("\n## Symptoms\n\nDown.\n\n## Fix\n")],
    expected: ["Diagnosis", "Resolution", "Escalation"].map((section) => ({
      rule: "runbooks/missing-section",
      severity: "warning" as const,
      file: "runbooks/site-down.md",
      line: 9,
      message: new RegExp(`no "## ${section}" section`),
    })),
  },
  {
    name: "a link to a runbook that does not exist, on the link's own line of a paragraph",
    files: [withBody(`${SECTIONS}\nFirst line of a paragraph\nthen [the disk runbook](disk-full.md).\n`)],
    expected: [
      {
        rule: "runbooks/broken-link",
        severity: "error",
        file: "runbooks/site-down.md",
        line: 29,
        message: /disk-full\.md, which does not exist/,
      },
    ],
  },
  {
    name: "links to headings that do not exist, here and in another runbook",
    files: [withBody(`${SECTIONS}\n- [a](#nowhere)\n- [b](./disk-nearly-full.md#nowhere)\n`), OTHER],
    expected: [
      {
        rule: "runbooks/broken-link",
        severity: "error",
        file: "runbooks/site-down.md",
        line: 28,
        message: /#nowhere, a heading this runbook does not have/,
      },
      {
        rule: "runbooks/broken-link",
        severity: "error",
        file: "runbooks/site-down.md",
        line: 29,
        message: /disk-nearly-full\.md#nowhere, a heading that runbook does not have/,
      },
    ],
  },
  {
    name: "links out of the folder and to files the site does not publish",
    files: [withBody(`${SECTIONS}\n[up](../README.md) [pic](diagram.png)\n`)],
    expected: [
      {
        rule: "runbooks/broken-link",
        severity: "error",
        file: "runbooks/site-down.md",
        line: 28,
        message: /\.\.\/README\.md, which is not a runbook/,
      },
      {
        rule: "runbooks/broken-link",
        severity: "error",
        file: "runbooks/site-down.md",
        line: 28,
        message: /diagram\.png, which is not a runbook/,
      },
    ],
  },
  {
    name: "javascript:, data: and vbscript: links are errors; raw HTML a warning",
    files: [
      withBody(
        `${SECTIONS}\n[a](javascript:alert(1)) [b](DATA:text/html,x)\n<script>alert(1)</script>\n\n[c](vbscript:msgbox)\n`,
      ),
    ],
    expected: [
      {
        rule: "runbooks/unsafe-link",
        severity: "error",
        file: "runbooks/site-down.md",
        line: 28,
        message: /javascript: address/,
      },
      {
        rule: "runbooks/unsafe-link",
        severity: "error",
        file: "runbooks/site-down.md",
        line: 28,
        message: /data: address/,
      },
      {
        rule: "runbooks/raw-html",
        severity: "warning",
        file: "runbooks/site-down.md",
        line: 29,
        message: /shown as text/,
      },
      {
        rule: "runbooks/unsafe-link",
        severity: "error",
        file: "runbooks/site-down.md",
        line: 31,
        message: /vbscript: address/,
      },
    ],
  },
  {
    name: "web links pass; an image from the web is a warning",
    files: [
      withBody(
        `${SECTIONS}\n[docs](https://wordpress.org/) <mailto:ops@example.org> ![graph](https://grafana.example.org/x.png)\n`,
      ),
    ],
    expected: [
      {
        rule: "runbooks/external-image",
        severity: "warning",
        file: "runbooks/site-down.md",
        line: 28,
        message: /another site/,
      },
    ],
  },
  {
    name: "reviewed over 6 months ago",
    files: [
      { file: "runbooks/site-down.md", text: runbookText({ frontMatter: { lastReviewed: "2026-05-25" } }) },
    ],
    expected: [
      {
        rule: "runbooks/stale",
        severity: "warning",
        file: "runbooks/site-down.md",
        line: 7,
        message: /last reviewed 2026-05-25, over 6 months ago \(a review was due by 2026-11-25\)/,
      },
    ],
  },
  {
    name: "reviewed exactly 6 months ago is still current",
    files: [
      { file: "runbooks/site-down.md", text: runbookText({ frontMatter: { lastReviewed: "2026-05-26" } }) },
    ],
    expected: [],
  },
  {
    name: "the review age follows today",
    today: "2027-04-02",
    files: [
      { file: "runbooks/site-down.md", text: runbookText({ frontMatter: { lastReviewed: "2026-10-01" } }) },
    ],
    expected: [
      {
        rule: "runbooks/stale",
        severity: "warning",
        file: "runbooks/site-down.md",
        line: 7,
        message: /due by 2027-04-01/,
      },
    ],
  },
  {
    name: "a review date in the future",
    files: [
      { file: "runbooks/site-down.md", text: runbookText({ frontMatter: { lastReviewed: "2026-12-01" } }) },
    ],
    expected: [
      {
        rule: "runbooks/stale",
        severity: "warning",
        file: "runbooks/site-down.md",
        line: 7,
        message: /after today/,
      },
    ],
  },
  {
    name: "an alert listed by two runbooks names both files",
    files: [
      OTHER,
      {
        file: "runbooks/site-down.md",
        text: runbookText({ frontMatter: { alerts: "\n  - SiteDown\n  - DiskSpaceLow" } }),
      },
    ],
    expected: [
      {
        rule: "runbooks/duplicate-alert",
        severity: "error",
        file: "runbooks/site-down.md",
        line: 5,
        message:
          /alert DiskSpaceLow is also listed by runbooks\/disk-nearly-full\.md:3; .* runbooks\/disk-nearly-full\.md and runbooks\/site-down\.md/,
      },
    ],
  },
  {
    name: "an alert listed twice in one runbook",
    files: [
      {
        file: "runbooks/site-down.md",
        text: runbookText({ frontMatter: { alerts: "\n  - SiteDown\n  - SiteDown" } }),
      },
    ],
    expected: [
      {
        rule: "runbooks/duplicate-alert",
        severity: "error",
        file: "runbooks/site-down.md",
        line: 5,
        message: /already listed on line 4 of this runbook/,
      },
    ],
  },
];

describe("checkRunbooks", () => {
  it.each(cases)("$name", ({ files, today, expected }) => {
    const result = checkRunbooks({ files, today: today ?? TODAY });
    expect(result.findings).toHaveLength(expected.length);
    result.findings.forEach((finding, index) => {
      const want = expected[index];
      expect({ ...finding, message: undefined }).toEqual({ ...want, message: undefined });
      expect(finding.message).toMatch(want?.message ?? /./);
    });
    expect(result.ok).toBe(!expected.some((finding) => finding.severity === "error"));
  });

  it("still resolves links to a runbook whose own front matter is broken, reporting only that file", () => {
    const broken: RunbookText = { file: "runbooks/disk-nearly-full.md", text: "---\ntitle: Disk\n---\n" };
    const result = checkRunbooks({
      files: [withBody(`${SECTIONS}\n[disk](disk-nearly-full.md#anything)\n`), broken],
      today: TODAY,
    });
    expect(result.findings.map((f) => `${f.file} ${f.rule}`)).toEqual([
      "runbooks/disk-nearly-full.md runbooks/front-matter",
      "runbooks/disk-nearly-full.md runbooks/front-matter",
      "runbooks/disk-nearly-full.md runbooks/front-matter",
    ]);
  });

  it("orders findings by file and line whatever order the files come in", () => {
    const a = {
      file: "runbooks/a.md",
      text: runbookText({ frontMatter: { alerts: "[A]" }, body: "\n[x](nope.md)\n" }),
    };
    const b = {
      file: "runbooks/b.md",
      text: runbookText({ frontMatter: { alerts: "[B]" }, body: "\n[x](nope.md)\n" }),
    };
    const forwards = checkRunbooks({ files: [a, b], today: TODAY });
    expect(checkRunbooks({ files: [b, a], today: TODAY })).toEqual(forwards);
    expect(forwards.findings.map((f) => f.file)).toEqual([...forwards.findings.map((f) => f.file)].sort());
  });
});
