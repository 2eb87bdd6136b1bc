import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardRequests, sharedBrowser, serveSite, type RequestLog, type SiteServer } from "./browser.js";
import { poisonedSite } from "./site-fixtures.js";

const chromium = sharedBrowser();
let server: SiteServer;

beforeAll(async () => {
  server = await serveSite(await poisonedSite());
  await chromium.start();
});

afterAll(async () => {
  await chromium.stop();
  await server?.close();
});

/**
 * Opens the poisoned runbook. With `bypassCSP` the page's Content-Security-Policy is ignored, so
 * what is tested is the markup itself: the policy is a second wall, not the only one.
 */
async function openPoisoned(params: {
  readonly bypassCSP: boolean;
}): Promise<{ page: Page; log: RequestLog; dialogs: string[]; errors: string[] }> {
  const context = await chromium.get().newContext({ bypassCSP: params.bypassCSP });
  const log = await guardRequests(context);
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${server.origin}/runbooks/poisoned.html`);
  return { page, log, dialogs, errors };
}

const ran = (page: Page) => page.evaluate(() => (globalThis as unknown as { __ran?: number }).__ran ?? 0);

describe("a runbook holding script and javascript: links", () => {
  for (const bypassCSP of [true, false]) {
    it(`runs nothing and links nowhere${bypassCSP ? " even with the page's policy switched off" : ""}`, async () => {
      const { page, log, dialogs, errors } = await openPoisoned({ bypassCSP });
      const body = page.locator(".runbook-body");
      expect(await body.locator("script, img, iframe, style, object, embed").count()).toBe(0);
      expect(await body.textContent()).toContain("<script>window.__ran");
      const hrefs = await body
        .locator("a")
        .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
      expect(hrefs.sort()).toEqual(["#symptoms", "https://evil.example/x.png"]);
      for (const text of ["me", "this", "data", "vb", "entity", "the reference", "raw anchor"]) {
        expect(await body.getByRole("link", { name: text, exact: true }).count(), text).toBe(0);
      }
      // Click the text that was meant to be javascript: links and markup: nothing runs, the page stays.
      for (const paragraph of await body.locator("p:not(:has(a))").all()) await paragraph.click();
      await body.getByRole("link", { name: "safe link" }).click();
      expect(page.url()).toBe(`${server.origin}/runbooks/poisoned.html#symptoms`);
      expect(await ran(page)).toBe(0);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      expect(log.outside).toEqual([]);
      expect(await page.locator("body").isVisible()).toBe(true);
    });
  }

  it("lists the runbook on the index without running its title or text", async () => {
    const context = await chromium.get().newContext({ bypassCSP: true });
    const log = await guardRequests(context);
    const page = await context.newPage();
    await page.goto(`${server.origin}/index.html`);
    expect(await page.locator("#runbook-list > li h2").allTextContents()).toEqual(["Poisoned runbook"]);
    await page.getByLabel("Search runbooks").fill("script");
    expect(await page.locator("#runbook-list > li:not([hidden])").count()).toBe(1);
    expect(await ran(page)).toBe(0);
    expect(log.outside).toEqual([]);
  });
});
