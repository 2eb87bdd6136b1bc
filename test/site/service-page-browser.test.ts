import { copyFileSync, mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TicketSnapshot } from "../../src/core/ticket/snapshot.js";
import { servicePageData } from "../../src/site/charts/service-charts.js";
import { buildSiteFromConfig } from "../../src/site/site-from-config.js";
import { local } from "../helpers/calendars.js";
import { BOT, ticketPolicy } from "../helpers/ticket-fixtures.js";
import { addSteps, bareTicket } from "../helpers/ticket-snapshot.js";
import { settle } from "../helpers/ticket-refresh.js";
import {
  drawnWidth,
  openSitePage,
  seriousAxeViolations,
  serveSite,
  sharedBrowser,
  type RequestLog,
  type SiteServer,
} from "./browser.js";
import { repositorySiteInputs } from "./site-fixtures.js";

const SCREENSHOTS = "test-results/screenshots";

/** Three months of riverside and acme tickets: some answered in time, some late, one never. */
function history(): TicketSnapshot[] {
  const tickets: TicketSnapshot[] = [];
  const days = [
    "2026-10-05",
    "2026-10-14",
    "2026-10-21",
    "2026-11-03",
    "2026-11-11",
    "2026-11-18",
    "2026-11-25",
    "2026-12-01",
    "2026-12-08",
  ];
  days.forEach((day, i) => {
    for (const [j, repo] of ["riverside/portal", "acme/website"].entries()) {
      const opened = `${day} 10:00`;
      const carded = settle(
        { ...bareTicket({ repo, opened, title: `Ticket ${i}-${j}` }), number: i * 2 + j + 1 },
        opened,
      );
      const late = (i + j) % 3 === 0;
      tickets.push(
        addSteps(carded, [["commented", late ? `${day} 17:59` : `${day} 10:45`, "alice", "On it."]]),
      );
    }
  });
  return tickets;
}

const chromium = sharedBrowser();
let server: SiteServer;
let files: ReadonlyMap<string, string>;
const logs: RequestLog[] = [];

beforeAll(async () => {
  const { config, rota, runbooks } = repositorySiteInputs();

  const service = await servicePageData({
    tickets: history(),
    policy: ticketPolicy,
    now: local("2026-12-10 12:00"),
    zone: "Europe/London",
    botLogin: BOT,
  });
  files = buildSiteFromConfig({ config, rota, runbooks, today: "2026-12-10", service });
  server = await serveSite(files);
  await chromium.start();
});

afterAll(async () => {
  await chromium.stop();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const { page, status } = await openSitePage({ browser: chromium.get(), origin: server.origin, path, logs });
  expect(status, path).toBe(200);
  return page;
}

describe("the Service page in Chromium", () => {
  it("shows each chart as an SVG drawn at build time, with a text alternative and its table of numbers", async () => {
    const page = await open("service/index.html");
    expect(await page.locator("h1").textContent()).toBe("Service");
    const images = page.locator("figure img");
    expect(await images.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      const image = images.nth(i);
      // The SVG loaded and was drawn: a decoded image has a natural width.
      expect(await drawnWidth(image)).toBeGreaterThan(100);
      expect(await image.getAttribute("alt")).toMatch(/The table below gives the numbers\.$/);
    }
    expect(await page.locator("table caption").allTextContents()).toEqual([
      "First responses within target: the numbers",
      "SLA breaches per month: the numbers",
      "Tickets opened per week, by priority: the numbers",
    ]);
    expect(await page.locator("table").first().locator("tbody tr").count()).toBe(6);
    expect(await seriousAxeViolations(page)).toEqual([]);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}/service-1280.png`, fullPage: true });
    // The README's picture of the page, kept beside the docs when asked for.
    if (process.env["UPDATE_DOCS_SCREENSHOT"] === "1")
      copyFileSync(`${SCREENSHOTS}/service-1280.png`, "docs/service-page.png");
  });

  it("is linked from every page's navigation, and loads nothing from other sites", async () => {
    const page = await open("index.html");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Service" }).click();
    await page.waitForURL(/service\/index\.html$/);
    expect(logs.flatMap((log) => log.outside)).toEqual([]);
  });

  it("the SVGs hold no script and no links", () => {
    for (const [path, content] of files)
      if (path.endsWith(".svg")) expect(content).not.toMatch(/<script|href=|on[a-z]+=/i);
  });
});
