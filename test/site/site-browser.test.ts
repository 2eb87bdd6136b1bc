import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import ICAL from "ical.js";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRunbooks } from "../../src/core/runbooks/read-runbooks.js";
import {
  openSitePage,
  sharedBrowser,
  seriousAxeViolations,
  serveSite,
  type RequestLog,
  type SiteServer,
} from "./browser.js";
import { repositorySite } from "./site-fixtures.js";

const SCREENSHOTS = "test-results/screenshots";

/** The repository's runbooks, as the site should list them. */
const runbooks = readRunbooks(
  readdirSync("runbooks")
    .filter((name) => name.endsWith(".md"))
    .map((name) => ({ file: `runbooks/${name}`, text: readFileSync(`runbooks/${name}`, "utf8") })),
).runbooks;

const chromium = sharedBrowser();
let server: SiteServer;
const logs: RequestLog[] = [];

beforeAll(async () => {
  server = await serveSite(await repositorySite());
  await chromium.start();
});

afterAll(async () => {
  await chromium.stop();
  await server?.close();
});

/** A fresh page at a width, every request recorded and any outside request refused. */
async function open(path: string, width = 1280): Promise<Page> {
  const { page, status } = await openSitePage({
    browser: chromium.get(),
    origin: server.origin,
    path,
    logs,
    width,
  });
  expect(status, path).toBe(200);
  return page;
}

const visibleItems = (page: Page) => page.locator("#runbook-list > li:not([hidden])");

describe("the site in Chromium", () => {
  it("lists every runbook on the index, each linking to its page", async () => {
    const page = await open("index.html");
    const titles = await page.locator("#runbook-list > li h2 a").allTextContents();
    expect([...titles].sort()).toEqual(runbooks.map((runbook) => runbook.frontMatter.title).sort());
    expect(await page.locator("#search-status").textContent()).toBe(`${runbooks.length} runbooks.`);
    await page.locator("#runbook-list").getByRole("link", { name: "Disk nearly full" }).click();
    await page.waitForURL(/runbooks\/disk-nearly-full\.html$/);
    expect(await page.locator("h1").textContent()).toBe("Disk nearly full");
  });

  it("filters the list as you type: titles, alert names, services and body text", async () => {
    const page = await open("index.html");
    const search = page.getByLabel("Search runbooks");
    const cases: readonly (readonly [string, readonly string[]])[] = [
      ["certificate", ["TLS certificate expiring"]],
      ["QueueBacklog", ["Queue backlog"]],
      ["redis mysql", ["Site down (HTTP 5xx)", "Slow site"]],
      ["purge binary logs", ["Disk nearly full"]],
      ["opsgenie default api", ["How to escalate"]],
    ];
    for (const [query, expected] of cases) {
      await search.fill(query);
      expect([...(await visibleItems(page).locator("h2").allTextContents())].sort(), query).toEqual(
        [...expected].sort(),
      );
      expect(await page.locator("#search-status").textContent()).toBe(
        `${expected.length} of ${runbooks.length} runbooks match \u201c${query}\u201d.`,
      );
    }
    await search.fill("no-such-thing-anywhere");
    expect(await visibleItems(page).count()).toBe(0);
    expect(await page.locator("#search-status").textContent()).toBe(
      "No runbook matches \u201cno-such-thing-anywhere\u201d.",
    );
    await search.fill("");
    expect(await visibleItems(page).count()).toBe(runbooks.length);
  });

  it("opens a search from the address, for links from alert tickets", async () => {
    const page = await open("index.html?q=SiteDown");
    expect(await page.getByLabel("Search runbooks").inputValue()).toBe("SiteDown");
    expect(await visibleItems(page).locator("h2").allTextContents()).toEqual(["Site down (HTTP 5xx)"]);
  });

  it("renders a runbook's facts, contents and sections, with commands and working links", async () => {
    const page = await open("runbooks/site-down.html");
    expect(await page.locator("h1").allTextContents()).toEqual(["Site down (HTTP 5xx)"]);
    expect(await page.locator(".runbook-body h2").allTextContents()).toEqual([
      "Symptoms",
      "Diagnosis",
      "Resolution",
      "Escalation",
    ]);
    expect(await page.locator(".facts").textContent()).toContain("Bob Adeyemi");
    expect(await page.locator(".runbook-body pre code").first().textContent()).toContain("curl -sS");
    await page
      .getByRole("navigation", { name: "On this page" })
      .getByRole("link", { name: "Escalation" })
      .click();
    expect(page.url()).toMatch(/#escalation$/);
    await page.locator(".runbook-body").getByRole("link", { name: "Escalation" }).first().click();
    await page.waitForURL(/runbooks\/escalation\.html$/);
    expect(await page.locator("h1").textContent()).toBe("How to escalate");
  });

  it("shows this week's pair and on call on the rota page for 2026-11-26", async () => {
    const page = await open("rota/index.html");
    const thisWeek = page.locator("section", { has: page.getByRole("heading", { name: /^This week/ }) });
    expect(await thisWeek.getByRole("heading").textContent()).toBe("This week: week of Wed 25 Nov 2026");
    const facts = (await thisWeek.locator("dt, dd").allTextContents()).join(" | ");
    expect(facts).toBe(
      "Support developer | Alice Okafor | Support operations | Bob Adeyemi | On call | Hamza Iqbal | Second line | Grace Kowalski",
    );
    expect(await page.locator("table.wide tbody tr").first().locator("th").textContent()).toBe(
      "Wed 2 Dec 2026",
    );
  });

  it("serves the rota and each person's calendar as iCalendar that reads back", async () => {
    const page = await open("rota/index.html");
    const wholeHref = await page
      .getByRole("link", { name: "the whole rota (iCalendar)" })
      .getAttribute("href");
    const whole = await page.request.get(new URL(wholeHref ?? "", page.url()).href);
    expect(whole.headers()["content-type"]).toMatch(/^text\/calendar/);
    const events = new ICAL.Component(ICAL.parse(await whole.text()))
      .getAllSubcomponents("vevent")
      .map((event) => new ICAL.Event(event));
    expect(events.find((event) => event.uid === "2026-11-25-developer@firstline")?.summary).toBe(
      "First line support (developer): alice-okafor",
    );

    await page.getByRole("link", { name: "Alice Okafor" }).first().click();
    await page.waitForURL(/rota\/people\/alice-okafor\.html$/);
    const personHref = await page
      .getByRole("link", { name: /rota calendar \(iCalendar\)/ })
      .getAttribute("href");
    const person = await page.request.get(new URL(personHref ?? "", page.url()).href);
    const personEvents = new ICAL.Component(ICAL.parse(await person.text()))
      .getAllSubcomponents("vevent")
      .map((event) => new ICAL.Event(event));
    expect(personEvents.length).toBeGreaterThan(0);
    expect(personEvents.every((event) => event.summary.includes("alice-okafor"))).toBe(true);
  });

  it("shows a visible focus ring, starting with the skip link", async () => {
    const page = await open("index.html");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    expect(await skip.evaluate((el) => el === (el.ownerDocument.activeElement as unknown))).toBe(true);
    const box = await skip.boundingBox();
    expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
    const outline = await skip.evaluate((el) => {
      const style = el.ownerDocument.defaultView?.getComputedStyle(el as never);
      return `${style?.outlineStyle} ${style?.outlineWidth}`;
    });
    expect(outline).toBe("solid 3px");
  });

  it("has no serious or critical accessibility violations on any kind of page, wide or narrow", async () => {
    for (const path of [
      "index.html",
      "runbooks/site-down.html",
      "runbooks/disk-nearly-full.html",
      "rota/index.html",
      "rota/people/frank-mensah.html",
    ]) {
      for (const width of [1280, 390]) {
        const page = await open(path, width);
        expect(await seriousAxeViolations(page), `${path} at ${width}px`).toEqual([]);
      }
    }
  });

  it("fits a 390px phone without sideways scrolling, and saves screenshots of the index and a runbook", async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [name, path] of [
      ["index", "index.html"],
      ["runbook-site-down", "runbooks/site-down.html"],
    ] as const) {
      for (const width of [1280, 390]) {
        const page = await open(path, width);
        const scrollWidth = await page.evaluate(
          () =>
            (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
              .documentElement.scrollWidth,
        );
        expect(scrollWidth, `${path} at ${width}px`).toBeLessThanOrEqual(width);
        await page.screenshot({ path: `${SCREENSHOTS}/${name}-${width}.png`, fullPage: true });
      }
    }
  });

  it("made no request outside the site on any page above", () => {
    const all = logs.flatMap((log) => log.all);
    expect(all.length).toBeGreaterThan(20);
    expect(logs.flatMap((log) => log.outside)).toEqual([]);
    expect(all.every((url) => url.startsWith(`${server.origin}/`))).toBe(true);
  });
});
