import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";

/** The system browser, used when the npm registry's Chromium cannot start (Debian's `chromium` package). */
export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

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

/** Which Chromium a test run launches, and why that one. */
export interface ChromiumChoice {
  readonly executablePath: string;
  readonly args: readonly string[];
  readonly from: "CHROMIUM_PATH" | "@sparticuz/chromium" | "system";
}

/**
 * Finds a Chromium: `CHROMIUM_PATH` when set, else the one `@sparticuz/chromium` ships in the npm
 * package (unpacked to the temporary folder on first use, about two seconds), else Debian's
 * `/usr/bin/chromium`. Throws with what to do when there is none.
 */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumChoice> {
  const override = env["CHROMIUM_PATH"];
  if (override) {
    if (!existsSync(override))
      throw new Error(
        `CHROMIUM_PATH is ${override}, which does not exist: point it at a Chromium binary or unset it.`,
      );
    return { executablePath: override, args: FLAGS, from: "CHROMIUM_PATH" };
  }
  const packaged = await packagedChromium();
  if (packaged.ok)
    return {
      executablePath: packaged.executablePath,
      args: [...packagedArgs(packaged.args), ...FLAGS],
      from: "@sparticuz/chromium",
    };
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, args: FLAGS, from: "system" };
  throw new Error(
    `The browser tests found no Chromium: @sparticuz/chromium could not unpack (${packaged.reason}; run \`npm ci\`), ` +
      `there is none at ${SYSTEM_CHROMIUM} (Debian: \`apt-get install -y chromium\`), and CHROMIUM_PATH is not set.`,
  );
}

/**
 * The package's serverless flags, less those that would weaken what the tests check: the site's
 * same-origin and Content-Security-Policy walls (`--disable-web-security` and its kin), and
 * `--single-process`, which suits one page per Lambda but not several browser contexts at once.
 */
function packagedArgs(args: readonly string[]): string[] {
  const weakening = [
    "--disable-web-security",
    "--allow-running-insecure-content",
    "--disable-site-isolation-trials",
    "--single-process",
    "--headless",
  ];
  return args.filter(
    (arg) =>
      !weakening.some((flag) => arg === flag || arg.startsWith(`${flag}=`)) &&
      !arg.startsWith("--disable-features="),
  );
}

async function packagedChromium(): Promise<
  { ok: true; executablePath: string; args: readonly string[] } | { ok: false; reason: string }
> {
  try {
    const { default: chromiumPackage } = await import("@sparticuz/chromium");
    return { ok: true, executablePath: await chromiumPackage.executablePath(), args: chromiumPackage.args };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Starts Chromium headless (see `findChromium` for which). Playwright gives every launch a fresh
 * profile: it creates a new temporary folder, passes it as `--user-data-dir` and removes it on
 * close (it refuses the flag in `args`). When the packaged browser is found but will not start
 * (a machine without the libraries it needs), the system browser is tried before failing.
 */
export async function launchChromium(): Promise<Browser> {
  const choice = await findChromium();
  console.info(`browser tests: Chromium from ${choice.from} (${choice.executablePath})`);
  try {
    return await chromium.launch({
      executablePath: choice.executablePath,
      headless: true,
      args: [...choice.args],
    });
  } catch (error) {
    if (choice.from !== "@sparticuz/chromium" || !existsSync(SYSTEM_CHROMIUM)) throw error;
    return chromium.launch({ executablePath: SYSTEM_CHROMIUM, headless: true, args: FLAGS });
  }
}

const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  json: "application/json",
  ics: "text/calendar; charset=utf-8",
  svg: "image/svg+xml",
};

/** A built site served from memory on 127.0.0.1 (a free port); `/` serves `index.html`. */
export interface SiteServer {
  readonly origin: string;
  readonly close: () => Promise<void>;
}

/** Serves a map of site paths to contents over HTTP, as GitHub Pages would. */
export async function serveSite(files: ReadonlyMap<string, string>): Promise<SiteServer> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname).replace(
      /^\//,
      "",
    );
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
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
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
      axe: {
        run: (
          context: unknown,
          options: object,
        ) => Promise<{
          violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
        }>;
      };
    };
    const results = await scope.axe.run(scope.document, { resultTypes: ["violations"] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((node) => JSON.stringify(node.target)),
    }));
  });
  return violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
}

/**
 * One browser for a test file. `start` goes in `beforeAll`; when Chromium cannot start, every test
 * that asks for the browser fails with the reason (vitest would otherwise report them as skipped).
 */
export function sharedBrowser(): {
  readonly start: () => Promise<void>;
  readonly get: () => Browser;
  readonly stop: () => Promise<void>;
} {
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

/** A fresh page of a served site at a width, every request recorded in `logs` and any outside request refused. */
export async function openSitePage(params: {
  readonly browser: Browser;
  readonly origin: string;
  readonly path: string;
  readonly logs: RequestLog[];
  readonly width?: number;
}): Promise<{ page: Page; status: number | undefined }> {
  const context = await params.browser.newContext({ viewport: { width: params.width ?? 1280, height: 900 } });
  params.logs.push(await guardRequests(context));
  const page = await context.newPage();
  const response = await page.goto(`${params.origin}/${params.path}`);
  return { page, status: response?.status() };
}

/** The width an image was drawn at once decoded (0 for an image that did not load or draw). */
export async function drawnWidth(image: Locator): Promise<number> {
  return image.evaluate(async (img) => {
    const element = img as unknown as { decode: () => Promise<void>; naturalWidth: number };
    await element.decode();
    return element.naturalWidth;
  });
}
