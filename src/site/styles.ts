/**
 * The site's one stylesheet, inlined in every page (no outside assets, and a hash in the
 * Content-Security-Policy). Colours meet WCAG AA contrast; focus is always visible; the layout is a
 * single column that reads on a 320px phone.
 */
export const SITE_CSS = `
:root { --text: #1b1b1f; --muted: #4a4f57; --bg: #ffffff; --panel: #f3f4f6; --line: #c9ccd1; --link: #1a4fb5; --visited: #5b2a86;
  --head: #14213d; --head-text: #ffffff; --focus: #ffbf47; --critical: #a4161a; --warning: #7a4a00; --info: #1f5f3a; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--text); background: var(--bg); font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.wrap { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
a { color: var(--link); text-underline-offset: 0.15em; }
a:visited { color: var(--visited); }
a:hover { text-decoration-thickness: 0.15em; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 5px var(--text); border-radius: 2px; }
.skip-link { position: absolute; left: 0.5rem; top: -3rem; padding: 0.5rem 0.75rem; background: var(--focus); color: #000; z-index: 10; }
.skip-link:focus { top: 0.5rem; }
.site-header { background: var(--head); color: var(--head-text); }
.site-header .wrap { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem 1.5rem; padding-top: 0.75rem; padding-bottom: 0.75rem; }
.site-header a, .site-header a:visited { color: var(--head-text); }
.brand { font-weight: 700; text-decoration: none; }
.site-header ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0; padding: 0; list-style: none; }
.site-header nav a[aria-current="page"] { text-decoration-thickness: 0.2em; }
main.wrap { padding-top: 2rem; padding-bottom: 2.5rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 1rem; }
h2 { font-size: 1.4rem; line-height: 1.3; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
p, ul, ol, dl, table { margin: 0 0 1rem; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9em; background: var(--panel); padding: 0.1em 0.3em; border-radius: 3px; overflow-wrap: anywhere; }
pre { background: #0f172a; color: #f1f5f9; padding: 0.75rem 1rem; border-radius: 4px; overflow-x: auto; line-height: 1.45; }
pre code { background: none; padding: 0; color: inherit; overflow-wrap: normal; }
.table-wrap { overflow-x: auto; margin: 0 0 1rem; }
figure { margin: 0 0 1rem; } figure img { max-width: 100%; height: auto; border: 1px solid var(--line); } figcaption { color: var(--muted); font-size: 0.95rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--line); }
th { background: var(--panel); }
.align-center { text-align: center; } .align-right { text-align: right; }
.wide th, .wide td { white-space: nowrap; }
.wide tbody th { position: sticky; left: 0; background: var(--panel); }
caption { text-align: left; font-weight: 700; padding: 0 0 0.4rem; }
.muted { color: var(--muted); }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.lede { font-size: 1.1rem; }
.badge { display: inline-block; padding: 0.05rem 0.5rem; border-radius: 999px; font-size: 0.85rem; font-weight: 700; border: 1px solid currentColor; }
.badge-critical { color: var(--critical); } .badge-warning { color: var(--warning); } .badge-info { color: var(--info); } .badge-overdue { color: var(--critical); }
.search { background: var(--panel); padding: 1rem; border-radius: 6px; margin-bottom: 1.5rem; }
.search label { display: block; font-weight: 700; margin-bottom: 0.25rem; }
.search input { width: 100%; font: inherit; padding: 0.5rem 0.6rem; border: 2px solid var(--text); border-radius: 4px; background: #fff; color: var(--text); }
.search p { margin: 0.4rem 0 0; }
.runbook-list { list-style: none; padding: 0; }
.runbook-list li { border-top: 1px solid var(--line); padding: 0.75rem 0; }
.runbook-list h2 { font-size: 1.2rem; margin: 0 0 0.25rem; }
.runbook-list p { margin: 0.25rem 0 0; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; background: var(--panel); padding: 0.75rem 1rem; border-radius: 6px; }
.facts dt { font-weight: 700; } .facts dd { margin: 0; }
.duty { border-left: 4px solid var(--head); padding: 0.5rem 0 0.5rem 1rem; }
.toc ul { padding-left: 1.25rem; }
.site-footer { border-top: 1px solid var(--line); color: var(--muted); font-size: 0.9rem; }
.site-footer .wrap { padding-top: 1rem; padding-bottom: 1.5rem; }
@media (max-width: 40rem) {
  h1 { font-size: 1.6rem; }
  .facts { grid-template-columns: 1fr; }
  .facts dd { margin-bottom: 0.4rem; }
  ol, ul { padding-left: 1.5rem; }
  pre { margin-left: -0.25rem; margin-right: -0.25rem; padding: 0.6rem 0.75rem; }
}
@media print { .site-header nav, .search, .skip-link { display: none; } pre { white-space: pre-wrap; } }
`.trim();
