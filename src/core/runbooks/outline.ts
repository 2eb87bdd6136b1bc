import MarkdownIt, { type Token } from "markdown-it";
import { uniqueHeadingIds } from "./heading-ids.js";

/** A heading of a runbook's body. */
export interface OutlineHeading {
  readonly level: number;
  readonly text: string;
  /** The anchor GitHub and the site give it. */
  readonly id: string;
  readonly line: number;
}

/** A link or image destination, exactly as written (before any safety check). */
export interface OutlineLink {
  readonly kind: "link" | "image";
  readonly href: string;
  readonly line: number;
}

/** What the checks need from a runbook's markdown, with 1-based lines of the file. */
export interface RunbookOutline {
  readonly headings: readonly OutlineHeading[];
  readonly links: readonly OutlineLink[];
  /** Lines holding raw HTML (shown as text on the site). */
  readonly htmlLines: readonly number[];
}

// Parses everything as written: raw HTML is recognised and no link is rejected, so the checks can
// report what the site's safe renderer would drop.
const scanner = new MarkdownIt({ html: true, linkify: false });
scanner.validateLink = () => true;

/** The plain text of an inline token: what a heading reads as. */
export function inlineText(token: Token): string {
  return (token.children ?? [])
    .map((child) => {
      if (child.type === "text" || child.type === "code_inline") return child.content;
      return child.type === "softbreak" || child.type === "hardbreak" ? " " : "";
    })
    .join("");
}

/**
 * Reads headings, links, images and raw HTML from a runbook's markdown body. `bodyLine` is the
 * file line of the body's first line, so every line reported is a line of the file.
 */
export function outlineOf(params: { readonly body: string; readonly bodyLine: number }): RunbookOutline {
  const tokens = scanner.parse(params.body, {});
  const offset = params.bodyLine;
  const headings: { level: number; text: string; line: number }[] = [];
  const links: OutlineLink[] = [];
  const htmlLines: number[] = [];
  tokens.forEach((token, index) => {
    const blockLine = (token.map?.[0] ?? 0) + offset;
    if (token.type === "heading_open") {
      const inline = tokens[index + 1];
      headings.push({
        level: Number(token.tag.slice(1)),
        text: inline ? inlineText(inline) : "",
        line: blockLine,
      });
    } else if (token.type === "html_block") {
      htmlLines.push(blockLine);
    } else if (token.type === "inline") {
      let line = blockLine;
      for (const child of token.children ?? []) {
        if (child.type === "softbreak" || child.type === "hardbreak") line += 1;
        else if (child.type === "link_open")
          links.push({ kind: "link", href: String(child.attrGet("href") ?? ""), line });
        else if (child.type === "image")
          links.push({ kind: "image", href: String(child.attrGet("src") ?? ""), line });
        else if (child.type === "html_inline") htmlLines.push(line);
      }
    }
  });
  const ids = uniqueHeadingIds(headings.map((heading) => heading.text));
  return {
    headings: headings.map((heading, i) => ({ ...heading, id: ids[i] ?? "" })),
    links,
    htmlLines: [...new Set(htmlLines)],
  };
}
