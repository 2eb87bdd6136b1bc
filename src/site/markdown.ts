import MarkdownIt, {
  type Env,
  type MarkdownIt as MarkdownItInstance,
  type StateCore,
  type Token,
} from "markdown-it";
import { uniqueHeadingIds } from "../core/runbooks/heading-ids.js";
import { classifyLink } from "../core/runbooks/link-target.js";
import { inlineText } from "../core/runbooks/outline.js";

/** Where a link to another runbook goes on the site, or undefined when there is no such runbook. */
export type RunbookHref = (slug: string, fragment: string | undefined) => string | undefined;

/** A heading of the rendered body, for the page's "on this page" list. */
export interface RenderedHeading {
  readonly level: number;
  readonly text: string;
  readonly id: string;
}

/**
 * A markdown renderer that cannot emit script: raw HTML is shown as text (`html: false`), and a
 * link or image whose scheme is not http, https or mailto never becomes one (`javascript:`,
 * `data:`, `vbscript:`...).
 */
function createRenderer(): MarkdownItInstance {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.validateLink = (url) => classifyLink(url).kind !== "unsafe";
  const defaultFence = md.renderer.rules.fence;
  const defaultCode = md.renderer.rules.code_block;
  // A long command scrolls sideways, so keyboard users must be able to focus and scroll it.
  md.renderer.rules.fence = (tokens, idx, options, env, self) =>
    (defaultFence?.(tokens, idx, options, env, self) ?? "").replace(/^<pre>/, '<pre tabindex="0">');
  md.renderer.rules.code_block = (tokens, idx, options, env, self) =>
    (defaultCode?.(tokens, idx, options, env, self) ?? "").replace(/^<pre>/, '<pre tabindex="0">');
  md.renderer.rules.table_open = () =>
    '<div class="table-wrap" tabindex="0" role="region" aria-label="Table">\n<table>\n';
  md.renderer.rules.table_close = () => "</table>\n</div>\n";
  return md;
}

const renderer = createRenderer();

interface RenderEnv extends Env {
  readonly runbookHref: RunbookHref;
  headings: RenderedHeading[];
}

/** Rewrites an inline token's children: safe links, runbook links to pages, images never fetched. */
function rewriteInline(children: Token[], env: RenderEnv, TokenClass: typeof Token): Token[] {
  const out: Token[] = [];
  const dropped: boolean[] = [];
  for (const child of children) {
    if (child.type === "link_open") {
      const href = resolveHref(String(child.attrGet("href") ?? ""), env);
      dropped.push(href === undefined);
      if (href === undefined) continue;
      child.attrSet("href", href);
      out.push(child);
    } else if (child.type === "link_close") {
      if (dropped.pop() !== true) out.push(child);
    } else if (child.type === "image") {
      // The site loads nothing from outside and publishes only runbooks: an image on the web
      // becomes a link to it, any other image just its description.
      const src = String(child.attrGet("src") ?? "");
      const alt = child.children?.length ? inlineText(child) : child.content;
      const text = Object.assign(new TokenClass("text", "", 0), { content: alt || src });
      if (classifyLink(src).kind === "web" && dropped.length === 0) {
        const open = new TokenClass("link_open", "a", 1);
        open.attrSet("href", src);
        out.push(open, text, new TokenClass("link_close", "a", -1));
      } else {
        out.push(text);
      }
    } else {
      out.push(child);
    }
  }
  return out;
}

function resolveHref(href: string, env: RenderEnv): string | undefined {
  const target = classifyLink(href);
  switch (target.kind) {
    case "web":
      return href;
    case "same-page":
      return `#${encodeURIComponent(target.fragment)}`;
    case "runbook":
      return env.runbookHref(target.slug, target.fragment);
    case "unsafe":
    case "not-a-runbook":
      return undefined;
  }
}

function rewrite(state: StateCore): void {
  const env = state.env as RenderEnv;
  const headingTokens: { open: Token; text: string }[] = [];
  state.tokens.forEach((token, index) => {
    if (token.type === "heading_open" || token.type === "heading_close") {
      // The page's own h1 is the runbook's title: headings in the body start at h2.
      if (token.tag === "h1") token.tag = "h2";
    }
    if (token.type === "heading_open") {
      const inline = state.tokens[index + 1];
      headingTokens.push({ open: token, text: inline ? inlineText(inline) : "" });
    }
    if ((token.type === "th_open" || token.type === "td_open") && token.attrGet("style")) {
      const align = /text-align:(\w+)/.exec(String(token.attrGet("style")))?.[1];
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== "style");
      if (align === "center" || align === "right") token.attrJoin("class", `align-${align}`);
    }
    if (token.type === "inline" && token.children)
      token.children = rewriteInline(token.children, env, state.Token);
  });
  const ids = uniqueHeadingIds(headingTokens.map((heading) => heading.text));
  env.headings = headingTokens.map(({ open, text }, i) => {
    const id = ids[i] ?? "";
    open.attrSet("id", id);
    return { level: Number(open.tag.slice(1)), text, id };
  });
}

renderer.core.ruler.push("firstline_rewrite", rewrite);

/**
 * Renders a runbook's markdown body to safe HTML. Links to other runbooks (`site-down.md#diagnosis`)
 * go where `runbookHref` says; links to anything else relative, and unsafe links, keep only their
 * text. Headings get GitHub's anchors, and are returned for a table of contents.
 */
export function renderRunbookMarkdown(params: {
  readonly markdown: string;
  readonly runbookHref: RunbookHref;
}): {
  readonly html: string;
  readonly headings: readonly RenderedHeading[];
} {
  const env: RenderEnv = { runbookHref: params.runbookHref, headings: [] };
  const rendered = renderer.render(params.markdown, env);
  return { html: rendered, headings: env.headings };
}

/** The plain text of a markdown body, for the search index: no markup, single spaces. */
export function markdownText(markdown: string): string {
  const parts: string[] = [];
  for (const token of renderer.parse(markdown, { runbookHref: () => undefined, headings: [] })) {
    if (token.type === "inline") parts.push(inlineText(token));
    else if (token.type === "fence" || token.type === "code_block") parts.push(token.content);
  }
  return parts.join(" ").replace(/\s+/g, " ").trim();
}
