import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serviceChartsMarkdown } from "../../src/core/charts/mermaid-charts.js";
import { serviceSeries } from "../../src/core/charts/service-series.js";
import { local } from "../helpers/calendars.js";
import { BOT, ticketPolicy } from "../helpers/ticket-fixtures.js";
import { bareTicket } from "../helpers/ticket-snapshot.js";
import { settle } from "../helpers/ticket-refresh.js";
import { guardRequests, sharedBrowser } from "./browser.js";

/** Mermaid's own bundle, loaded into a blank page from node_modules: no network. */
const MERMAID = createRequire(import.meta.url).resolve("mermaid/dist/mermaid.min.js");

const chromium = sharedBrowser();
let page: Page;

beforeAll(async () => {
  await chromium.start();
  const context = await chromium.get().newContext();
  await guardRequests(context);
  page = await context.newPage();
  await page.setContent("<!doctype html><html><body></body></html>");
  await page.addScriptTag({ path: MERMAID });
});

afterAll(async () => chromium.stop());

/** What Mermaid's parser says of a block: true, or its error. */
async function parse(block: string): Promise<true | string> {
  const text = block.replace(/^```mermaid\n/, "").replace(/\n```$/, "");
  return page.evaluate(async (source) => {
    const mermaid = (globalThis as unknown as { mermaid: { parse: (text: string) => Promise<unknown> } })
      .mermaid;
    try {
      await mermaid.parse(source);
      return true as const;
    } catch (error) {
      return String((error as Error).message ?? error);
    }
  }, text);
}

const blocks = (markdown: string) => [...markdown.matchAll(/```mermaid\n[\s\S]*?\n```/g)].map((m) => m[0]);

describe("the service charts parse with Mermaid itself", () => {
  it("every block of the dashboard's and report's charts", async () => {
    const tickets = [
      settle({ ...bareTicket({ opened: "2026-11-02 10:00" }), number: 1 }, "2026-11-02 10:00"),
    ];
    const markdown = serviceChartsMarkdown(
      serviceSeries({
        tickets,
        policy: ticketPolicy,
        now: local("2026-12-10 12:00"),
        zone: "Europe/London",
        botLogin: BOT,
        months: 6,
        weeks: 8,
      }),
    ).join("\n");
    const found = blocks(markdown);
    expect(found).toHaveLength(3);
    for (const block of found) expect(await parse(block)).toBe(true);
  });

  it("a malformed block fails", async () => {
    expect(await parse('```mermaid\nxychart-beta\n  x-axis ["a", "b"\n  bar [1, 2]\n```')).not.toBe(true);
  });
});
