import { cspHash, html, raw, type Html } from "./html.js";
import { hrefFrom, SITE_PATHS, type SiteFrame } from "./site-input.js";
import { SITE_CSS } from "./styles.js";

/** Which top-level section a page belongs to, for the navigation's `aria-current`. */
export type Section = "runbooks" | "rota" | "service";

export type { SiteFrame } from "./site-input.js";

/**
 * A whole page: landmarks (banner, navigation, main, contentinfo), one `h1` (the caller's), a skip
 * link, the inline stylesheet, and a Content-Security-Policy that allows only the page's own inline
 * style and script by hash: no outside requests, no other script.
 */
export function renderPage(params: {
  readonly frame: SiteFrame;
  readonly path: string;
  readonly title: string;
  readonly section: Section;
  readonly main: Html;
  readonly script?: string | undefined;
}): string {
  const { frame, path, title, section, main, script } = params;
  const scriptSource = script === undefined ? "'none'" : cspHash(script);
  const csp = `default-src 'none'; style-src ${cspHash(SITE_CSS)}; script-src ${scriptSource}; img-src 'self'; base-uri 'none'; form-action 'self'`;
  const current = (name: Section) => (name === section ? raw(' aria-current="page"') : raw(""));
  const page = html`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${raw(csp)}">
<meta name="referrer" content="no-referrer">
<title>${title === frame.name ? title : `${title} · ${frame.name}`}</title>
<style>${raw(SITE_CSS)}</style>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<div class="wrap">
<a class="brand" href="${hrefFrom(path, SITE_PATHS.index)}">${frame.name}</a>
<nav aria-label="Main">
<ul>
<li><a href="${hrefFrom(path, SITE_PATHS.index)}"${current("runbooks")}>Runbooks</a></li>
<li><a href="${hrefFrom(path, SITE_PATHS.rota)}"${current("rota")}>Rota</a></li>
${
  frame.service === undefined
    ? ""
    : html`<li><a href="${hrefFrom(path, SITE_PATHS.service)}"${current("service")}>Service</a></li>
`
}</ul>
</nav>
</div>
</header>
<main id="main" class="wrap" tabindex="-1">
${main}
</main>
<footer class="site-footer">
<div class="wrap">
<p>Built by Firstline for ${frame.today}. Works offline: this site loads nothing from other sites.</p>
</div>
</footer>
${script === undefined ? "" : raw(`<script>${script}</script>\n`)}</body>
</html>
`;
  return page.text;
}
