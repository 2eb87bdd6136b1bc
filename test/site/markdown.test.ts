import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { markdownText, renderRunbookMarkdown } from "../../src/site/markdown.js";

const render = (markdown: string) =>
  renderRunbookMarkdown({
    markdown,
    runbookHref: (slug, fragment) =>
      slug === "disk-full" ? `disk-full.html${fragment ? `#${fragment}` : ""}` : undefined,
  }).html;

describe("renderRunbookMarkdown", () => {
  it.each([
    ["a script block", "<script>alert(1)</script>"],
    ["an inline event handler", 'Text <img src=x onerror="alert(1)"> more'],
    ["a javascript: link", "[x](javascript:alert(1))"],
    ["a mixed-case scheme", "[x](JaVaScRiPt:alert(1))"],
    ["an entity-encoded scheme", "[x](java&#115;cript:alert(1))"],
    ["a percent-encoded colon", "[x](javascript%3Aalert(1))"],
    ["an autolink", "<javascript:alert(1)>"],
    ["a data: link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
    ["a vbscript: link", "[x](vbscript:msgbox(1))"],
    ["a reference definition", "[x][r]\n\n[r]: javascript:alert(1)"],
    ["a javascript: image", "![x](javascript:alert(1))"],
    ["a data: image", "![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)"],
    ["an iframe", '<iframe src="https://evil.example"></iframe>'],
    ["a style block", "<style>body{display:none}</style>"],
  ])("renders %s as harmless text", (_name, markdown) => {
    const html = render(markdown);
    expect(html).not.toMatch(/<(script|img|iframe|style|object|embed|svg)\b/i);
    expect(html).not.toMatch(/href="(?!#|https?:|mailto:|disk-full\.html)/i);
    expect(html).not.toMatch(/<[a-z][^>]*\son\w+=/i);
  });

  it("keeps safe links, turns runbook links into pages and drops links the site cannot serve", () => {
    const html = render(
      "[a](https://example.org) [b](mailto:ops@example.org) [c](disk-full.md#resolution) [d](#symptoms) [e](missing.md) [f](../README.md)",
    );
    expect(html).toBe(
      '<p><a href="https://example.org">a</a> <a href="mailto:ops@example.org">b</a> <a href="disk-full.html#resolution">c</a> <a href="#symptoms">d</a> e f</p>\n',
    );
  });

  it("shows an image from the web as a link to it, and a local one as its description", () => {
    expect(render("![graph](https://grafana.example.org/g.png) ![diagram](diagram.png)")).toBe(
      '<p><a href="https://grafana.example.org/g.png">graph</a> diagram</p>\n',
    );
  });

  it("gives headings GitHub's anchors, starts them at h2 and lists them", () => {
    const { html, headings } = renderRunbookMarkdown({
      markdown: "# Top\n\n## Symptoms\n\n## Symptoms\n\n### What `df` says\n",
      runbookHref: () => undefined,
    });
    expect(html).toBe(
      '<h2 id="top">Top</h2>\n<h2 id="symptoms">Symptoms</h2>\n<h2 id="symptoms-1">Symptoms</h2>\n<h3 id="what-df-says">What <code>df</code> says</h3>\n',
    );
    expect(headings.map((h) => `${h.level} ${h.id}`)).toEqual([
      "2 top",
      "2 symptoms",
      "2 symptoms-1",
      "3 what-df-says",
    ]);
  });

  it("makes code blocks and tables keyboard-scrollable", () => {
    expect(render("```sh\ndf -h\n```")).toBe(
      '<pre tabindex="0"><code class="language-sh">df -h\n</code></pre>\n',
    );
    expect(render("| a |\n|---|\n| 1 |")).toContain(
      '<div class="table-wrap" tabindex="0" role="region" aria-label="Table">',
    );
  });

  it("renders the poisoned fixture with no markup from its author beyond markdown", () => {
    const html = render(
      readFileSync("test/fixtures/runbooks/unsafe/poisoned.md", "utf8").split("---\n").slice(2).join("---\n"),
    );
    expect(html).not.toMatch(/<(script|img|iframe|style)\b/i);
    expect(html).not.toMatch(/href="(javascript|vbscript|data):/i);
    expect(html).toContain('<a href="#symptoms">safe link</a>');
  });
});

describe("markdownText", () => {
  it("is the words of a runbook, code included, for search", () => {
    expect(markdownText("## Fix\n\nRun\n`df -h` now.\n\n```sh\nsudo du -xh /\n```\n")).toBe(
      "Fix Run df -h now. sudo du -xh /",
    );
  });
});
