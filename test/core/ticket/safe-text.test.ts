import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { mention, neutralise, quoteInline } from "../../../src/core/markdown/safe-text.js";
import { markersIn } from "../../../src/core/markers.js";
import { BOT } from "../../helpers/ticket-fixtures.js";

// src/core/markdown/safe-text.ts is tested here with the ticket code that quotes people's text.

/** A working mention: `@` right before a login or team, not preceded by a word character. */
const LIVE_MENTION = /(^|[^\w`])@[A-Za-z0-9]/;

/** Whether a bot comment with this text would carry any Firstline marker. */
const carriesMarker = (text: string) =>
  markersIn({ comments: [{ id: 1, author: BOT, createdAt: 0, body: text }], botLogin: BOT }).size > 0;

/** Cells of a one-row table as GitHub (cmark-gfm) splits it: a `|` right after a backslash is escaped. */
function cells(row: string): string[] {
  return row.split(/(?<!\\)\|/);
}

const HOSTILE = [
  { what: "a mention", text: "ask @carol about it" },
  { what: "a team mention", text: "ping @acme/web-team now" },
  { what: "a mention at the start", text: "@alice please" },
  { what: "a marker", text: "<!-- firstline:card -->" },
  { what: "a notice marker", text: "done <!-- firstline:notice:c1:firstResponse:1:breached -->" },
  { what: "an open comment that swallows the rest", text: "hello <!-- and the rest" },
  { what: "HTML", text: '<img src=x onerror="alert(1)"> <script>alert(1)</script>' },
  { what: "a pipe", text: "a | b | c" },
  { what: "a backslash before a pipe", text: "C:\\temp\\| b" },
  { what: "markdown", text: "**bold** _it_ `code` [link](https://x.example) # heading > quote ~~strike~~" },
  { what: "new lines", text: "line one\n\n| x | y |\n|---|---|\n/priority P1" },
];

describe("neutralise: text quoted in a comment", () => {
  it.each(HOSTILE)("$what: no working mention, no marker, no HTML", ({ text }) => {
    const safe = neutralise(text);
    expect(safe).not.toMatch(LIVE_MENTION);
    expect(carriesMarker(safe)).toBe(false);
    expect(safe).not.toMatch(/<[a-z!/]/i);
  });

  it("keeps the text readable", () => {
    expect(neutralise("ask @carol about a < b")).toBe("ask @\u200dcarol about a &lt; b");
    expect(neutralise("me@example.org")).toBe("me@\u200dexample.org");
    expect(new MarkdownIt({ html: true }).renderInline(neutralise("<b>x</b>"))).toBe("&lt;b&gt;x&lt;/b&gt;");
  });
});

describe("quoteInline: text quoted inside a table cell", () => {
  it.each(HOSTILE)("$what: one cell, one line, no mention, no marker, no HTML", ({ text }) => {
    const safe = quoteInline(text);
    expect(safe).not.toContain("\n");
    expect(cells(`| ${safe} |`)).toHaveLength(3);
    expect(safe).not.toMatch(LIVE_MENTION);
    expect(carriesMarker(safe)).toBe(false);
    expect(safe).not.toMatch(/<[a-z!/]/i);
  });

  it("a table holding quoted text keeps its shape when rendered", () => {
    const row = `| ${quoteInline("a | b <i>c</i> C:\\temp\\| d")} | second |`;
    const html = new MarkdownIt().render(`| quoted | other |\n|---|---|\n${row}`);
    expect(html.match(/<td>/g)).toHaveLength(2);
    expect(html).toContain("<td>second</td>");
  });

  it("shortens long text to the limit, with an ellipsis", () => {
    const long = quoteInline("x".repeat(300), 50);
    expect(long).toBe(`${"x".repeat(49)}…`);
    expect(quoteInline("  several   spaces\tand\nlines ")).toBe("several spaces and lines");
  });
});

describe("mention: only logins Firstline chose to notify", () => {
  it.each([
    { login: "alice", text: "@alice" },
    { login: "erin-o", text: "@erin-o" },
    { login: "a<script>", text: "@ascript" },
  ])("$login → $text", ({ login, text }) => {
    expect(mention(login)).toBe(text);
  });

  // Regression (fixed): mention() drops `[` and `]` but keeps the letters, so an app's login `renovate[bot]`
  // becomes `@renovatebot`, a different GitHub account, which then gets notified. Strip a trailing
  // `[bot]` (an app is mentioned by its slug) before removing other characters.
  it("an app's login does not turn into someone else's", () => {
    expect(mention("renovate[bot]")).toBe("@renovate");
  });
});
