import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageRecord } from "../../src/core/paging/pages-on-issue.js";
import type { ToilReport } from "../../src/core/toil/toil.js";
import { onCallChartsData } from "../../src/site/charts/on-call-charts.js";
import { buildSiteFromConfig } from "../../src/site/site-from-config.js";
import { local } from "../helpers/calendars.js";
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

/** Two people's nights of autumn: TOIL groups and the pages that called them. */
function ledger(): { toil: ToilReport; pages: PageRecord[] } {
  const group = (start: string, days: number) => ({
    start: local(start),
    alerts: [start],
    woke: true,
    workedMinutes: 40,
    base: 0.5,
    extra: days - 0.5,
    days,
  });
  return {
    toil: {
      people: [
        {
          login: "dan-mercer",
          days: 1.25,
          groups: [group("2026-10-04 02:00", 0.5), group("2026-11-14 03:00", 0.75)],
        },
        { login: "priya-shah", days: 0.5, groups: [group("2026-12-02 23:30", 0.5)] },
      ],
      inHours: [],
    },
    pages: [
      { at: local("2026-10-04 02:00"), logins: ["dan-mercer"], kind: "page" },
      { at: local("2026-11-14 03:00"), logins: ["dan-mercer"], kind: "page" },
      { at: local("2026-11-14 03:15"), logins: ["priya-shah"], kind: "escalation" },
      { at: local("2026-12-02 23:30"), logins: ["priya-shah"], kind: "page" },
    ],
  };
}

const chromium = sharedBrowser();
let server: SiteServer;
let files: ReadonlyMap<string, string>;
const logs: RequestLog[] = [];

beforeAll(async () => {
  const { config, rota, runbooks } = repositorySiteInputs();

  const onCall = await onCallChartsData({
    ...ledger(),
    now: local("2026-12-10 12:00"),
    zone: "Europe/London",
  });
  files = buildSiteFromConfig({ config, rota, runbooks, today: "2026-12-10", onCall });
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

describe("TOIL and pages per person per month on the rota page, in Chromium", () => {
  it("shows both charts as SVGs drawn at build time, each with a text alternative and its table", async () => {
    const page = await open("rota/index.html");
    const section = page.getByRole("region", { name: "On call, month by month" });
    const images = section.locator("figure img");
    expect(await images.count()).toBe(2);
    for (let i = 0; i < 2; i++) {
      const image = images.nth(i);
      expect(await drawnWidth(image)).toBeGreaterThan(100);
      expect(await image.getAttribute("alt")).toMatch(
        /per person and month, .* The table below gives the numbers\.$/,
      );
    }
    expect(await section.locator("table caption").allTextContents()).toEqual([
      "TOIL earned per person per month: the numbers",
      "Pages per person per month: the numbers",
    ]);
    const toil = section.locator("table").first();
    expect(await toil.locator("thead th").allTextContents()).toEqual(["Month", "dan-mercer", "priya-shah"]);
    expect(await toil.locator("tbody tr").allInnerTexts()).toEqual([
      "Jul 2026\t0\t0",
      "Aug 2026\t0\t0",
      "Sept 2026\t0\t0", // en-GB month names, as on the Service page
      "Oct 2026\t0.5\t0",
      "Nov 2026\t0.75\t0",
      "Dec 2026\t0\t0.5",
    ]);
    const pages = section.locator("table").nth(1);
    expect(await pages.locator("tbody tr").last().innerText()).toBe("Dec 2026\t0\t1");
    expect(await seriousAxeViolations(page)).toEqual([]);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}/rota-charts-1280.png`, fullPage: true });
  });

  it("loads nothing from other sites, and the SVGs hold no script and no links", async () => {
    await open("rota/index.html");
    expect(logs.flatMap((log) => log.outside)).toEqual([]);
    expect([...files.keys()].filter((path) => path.startsWith("rota/") && path.endsWith(".svg"))).toEqual([
      "rota/pages.svg",
      "rota/toil.svg",
    ]);
    for (const [path, content] of files)
      if (path.endsWith(".svg")) expect(content).not.toMatch(/<script|href=|on[a-z]+=/i);
  });
});
