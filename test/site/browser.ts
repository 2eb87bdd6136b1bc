import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

/** Debian's Chromium: the only browser these tests use (never a downloaded one). */
export const CHROMIUM_PATH = "/usr/bin/chromium";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Starts Debian's Chromium headless. Playwright gives every launch a fresh profile: it creates a
 * new temporary folder, passes it as `--user-data-dir` and removes it on close (it refuses the flag
 * in `args`). Fails, never skips, with what to install when Chromium is missing, so a machine
 * without it cannot pass the browser tests by accident.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `The browser tests need Debian's Chromium at ${CHROMIUM_PATH}, which is not installed. ` +
        "Install it with `apt-get update && apt-get install -y chromium` (CI installs it from .ci/apt-packages); " +
        "do not run `npx playwright install`.",
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
}

const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  json: "application/json",
  ics: "text/calendar; charset=utf-8",
};

/** A built site served from memory on 127.0.0.1 (a free port); `/` serves `index.html`. */
export interface SiteServer {
  readonly origin: string;
  readonly close: () => Promise<void>;
}

/** Serves a map of site paths to contents over HTTP, as GitHub Pages would. */
export async function serveSite(files: ReadonlyMap<string, string>): Promise<SiteServer> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname).replace(/^\//, "");
    const file = path === "" || path.endsWith("/") ? `${path}index.html` : path;
    const content = files.get(file);
    if (content === undefined) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const type = TYPES[file.split(".").pop() ?? ""] ?? "application/octet-stream";
    response.writeHead(200, { "content-type": type }).end(content);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/** Every request a page makes, and those that left the site (any host but 127.0.0.1), which are refused. */
export interface RequestLog {
  readonly all: string[];
  readonly outside: string[];
}

/** Records every request of a browser context and refuses any to a host other than 127.0.0.1. */
export async function guardRequests(context: BrowserContext): Promise<RequestLog> {
  const log: RequestLog = { all: [], outside: [] };
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    log.all.push(url);
    if (new URL(url).hostname !== "127.0.0.1") {
      log.outside.push(url);
      await route.abort("blockedbyclient");
      return;
    }
    await route.continue();
  });
  return log;
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** One accessibility problem axe found, in a form that reads well in a failing test. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
}

/** Runs axe-core in the page (injected from node_modules) and returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    // Runs in the page: axe-core put `axe` on the window; this project's TypeScript has no DOM types.
    const scope = globalThis as unknown as {
      document: unknown;
      axe: { run: (context: unknown, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> };
    };
    const results = await scope.axe.run(scope.document, { resultTypes: ["violations"] });
    return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((node) => JSON.stringify(node.target)) }));
  });
  return violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
}

/**
 * One browser for a test file. `start` goes in `beforeAll`; when Chromium cannot start, every test
 * that asks for the browser fails with the reason (vitest would otherwise report them as skipped).
 */
export function sharedBrowser(): { readonly start: () => Promise<void>; readonly get: () => Browser; readonly stop: () => Promise<void> } {
  let browser: Browser | undefined;
  let failure: Error | undefined;
  return {
    start: async () => {
      try {
        browser = await launchChromium();
      } catch (error) {
        failure = error as Error;
      }
    },
    get: () => {
      if (failure) throw failure;
      if (!browser) throw new Error("the browser has not been started: call start() in beforeAll");
      return browser;
    },
    stop: async () => {
      await browser?.close();
    },
  };
}
