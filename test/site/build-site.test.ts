import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { readRunbooks } from "../../src/core/runbooks/read-runbooks.js";
import { buildSite } from "../../src/site/build-site.js";
import type { SiteInput } from "../../src/site/site-input.js";
import { fixtureTexts, rotaOf } from "../core/rota/rota-texts.js";

function runbooksOf(dir: string) {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".md"))
    .map((name) => ({ file: `${dir}/${name}`, text: readFileSync(join(dir, name), "utf8") }));
  const { runbooks, findings } = readRunbooks(files);
  if (findings.length > 0) throw new Error(JSON.stringify(findings));
  return runbooks;
}

const input: SiteInput = {
  name: "Test team",
  today: "2026-11-26",
  runbooks: runbooksOf("test/fixtures/runbooks/team"),
  rota: rotaOf(fixtureTexts("team")),
  zone: "Europe/London",
  escalation: [
    { afterMinutes: 5, notify: "second-line" },
    { afterMinutes: 15, notify: ["dana"] },
  ],
  editBase: "https://github.com/example/support/blob/HEAD/",
};

const site = buildSite(input);
const page = (path: string) => site.get(path) ?? "";
const mainOf = (html: string) => html.slice(html.indexOf("<main"), html.indexOf("</main>"));

describe("buildSite", () => {
  it("makes every page, calendar and alerts.json, and nothing else", () => {
    const people = ["ada", "ben", "cat", "finn", "olga", "pete", "quinn", "rosa", "uma"];
    expect([...site.keys()]).toEqual(
      [
        ".nojekyll",
        "alerts.json",
        "index.html",
        "rota/index.html",
        ...people.flatMap((login) => [`rota/people/${login}.html`, `rota/people/${login}.ics`]),
        "rota/rota.ics",
        "runbooks/disk-full.html",
        "runbooks/web-down.html",
      ].sort(),
    );
  });

  it("gives the same bytes for the same inputs, whatever order the runbooks come in", () => {
    const again = buildSite({ ...input, runbooks: [...input.runbooks].reverse() });
    expect([...again]).toEqual([...site]);
  });

  it("maps each alert name to its runbook's page, relative to the site", () => {
    expect(JSON.parse(page("alerts.json"))).toEqual({
      DiskFull: "runbooks/disk-full.html",
      InodesLow: "runbooks/disk-full.html",
      WebDown: "runbooks/web-down.html",
    });
  });

  it("gives every page one h1, landmarks, a language and a viewport", () => {
    for (const [path, content] of site) {
      if (!path.endsWith(".html")) continue;
      expect(content.match(/<h1[ >]/g), path).toHaveLength(1);
      for (const landmark of [
        "<header",
        "<nav",
        "<main",
        "<footer",
        '<html lang="en-GB">',
        'name="viewport"',
      ])
        expect(content, path).toContain(landmark);
    }
  });

  it("loads nothing from anywhere: no src, no stylesheet links, no url() or @import, and a policy that forbids it", () => {
    for (const [path, content] of site) {
      if (!path.endsWith(".html")) continue;
      expect(content, path).not.toMatch(/\ssrc=|<link\b|url\(|@import/i);
      expect(content, path).toMatch(
        /http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-/,
      );
    }
  });

  it("allows exactly its own inline style and script by hash", () => {
    const index = page("index.html");
    const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
    const style = /<style>([\s\S]*?)<\/style>/.exec(index)?.[1] ?? "";
    const script = /<script>([\s\S]*?)<\/script>/.exec(index)?.[1] ?? "";
    expect(index).toContain(`style-src ${hash(style)}`);
    expect(index).toContain(`script-src ${hash(script)}`);
    expect(page("runbooks/web-down.html")).toContain("script-src 'none'");
  });

  it("turns links to other runbooks into links to their pages, headings and all", () => {
    const web = page("runbooks/web-down.html");
    expect(web).toContain('<a href="disk-full.html#resolution">Disk full</a>');
    expect(web).toContain('<h2 id="resolution">Resolution</h2>');
    expect(web).toContain('<a href="#diagnosis">Diagnosis</a>');
    expect(web).toContain('<a href="../rota/people/olga.html">Olga Tokarczuk</a>');
    expect(web).toContain(
      '<a href="https://github.com/example/support/blob/HEAD/test/fixtures/runbooks/team/web-down.md">Edit this runbook</a>',
    );
  });

  it("renders tables with alignment classes, never inline styles the policy would block", () => {
    const disk = page("runbooks/disk-full.html");
    expect(disk).toContain('<td class="align-right">space</td>');
    expect(disk).not.toContain("style=");
  });

  it("marks a review over 6 months old as overdue", () => {
    expect(page("runbooks/web-down.html")).not.toContain("review overdue");
    const later = buildSite({ ...input, today: "2027-05-02" });
    expect(later.get("runbooks/web-down.html")).toContain("review overdue");
  });

  it("shows this week's pair and on call on the rota page for a fixed date, and the weeks after", () => {
    const rota = mainOf(page("rota/index.html"));
    expect(rota).toContain('As of <time datetime="2026-11-26">Thu 26 Nov 2026</time>');
    expect(rota).toContain("This week: week of Wed 25 Nov 2026");
    expect(rota).toContain('<dt>Support developer</dt><dd><a href="people/ben.html">Ben Okri</a></dd>');
    expect(rota).toContain('<dt>Support operations</dt><dd><a href="people/pete.html">Pete Best</a></dd>');
    expect(rota).toContain('<dt>On call</dt><dd><a href="people/ada.html">Ada Lovelace</a></dd>');
    expect(rota).toContain('<dt>Second line</dt><dd><a href="people/rosa.html">Rosa Parks</a></dd>');
    expect(rota).toContain("After 15 minutes without acknowledgement: <code>dana</code>.");
    expect(rota).not.toContain('datetime="2026-11-18"');
    expect(rota).toContain('<th scope="row"><time datetime="2026-12-02">Wed 2 Dec 2026</time></th>');
  });

  it("lists a person's coming slots and links their calendar", () => {
    const finn = mainOf(page("rota/people/finn.html"));
    expect(finn).toContain("<h1>Finn Doyle</h1>");
    expect(finn).toContain('<a href="finn.ics" type="text/calendar">');
    expect(finn).toContain(
      'Week of <time datetime="2026-12-09">Wed 9 Dec 2026</time>: Shadowing first line support',
    );
  });

  it("writes calendars that read back, the whole rota and each person's slots, stamped with today", () => {
    const events = (text: string) =>
      new ICAL.Component(ICAL.parse(text))
        .getAllSubcomponents("vevent")
        .map((event) => new ICAL.Event(event));
    const all = events(page("rota/rota.ics"));
    const ben = events(page("rota/people/ben.ics"));
    expect(all.length).toBeGreaterThan(ben.length);
    expect(ben.length).toBeGreaterThan(0);
    expect(ben.every((event) => event.summary.includes("ben"))).toBe(true);
    expect(page("rota/rota.ics")).toContain("DTSTAMP:20261126T000000Z");
    const first = ben.find((event) => event.uid === "2026-11-25-developer@firstline");
    expect(first?.startDate.toJSDate().toISOString()).toBe("2026-11-25T10:00:00.000Z");
  });

  it("embeds the search index with nothing that can close its script block", () => {
    const index = page("index.html");
    const json =
      /<script type="application\/json" id="search-index">([\s\S]*?)<\/script>/.exec(index)?.[1] ?? "";
    const entries = JSON.parse(json) as { slug: string; title: string; alerts: string[]; text: string }[];
    expect(entries.map((entry) => entry.slug)).toEqual(["disk-full", "web-down"]);
    expect(entries[1]?.text).toContain("systemctl status nginx");
    const evil = buildSite({
      ...input,
      runbooks: input.runbooks.map((r) => ({
        ...r,
        frontMatter: { ...r.frontMatter, title: "</script><script>alert(1)</script>" },
      })),
    });
    expect(evil.get("index.html")).not.toContain("</script><script>alert(1)");
  });
});
