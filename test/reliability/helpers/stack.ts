import { Octokit } from "@octokit/rest";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware, Probot } from "probot";
import { firstlineApp, type FirstlineAppOptions } from "../../../src/app/index.js";
import { firstlineProbotOctokit, startAppServer, type AppServer } from "../../../src/app/server.js";
import { FirstlineService } from "../../../src/app/service.js";
import { ALERTS_SECRET, SWEEP_SECRET, WEBHOOK_SECRET, type Stack } from "../../../dev/demo/stack.js";
import { startEmulator, type Emulator, type SeedInput } from "../../../dev/emulator/index.js";

export { ALERTS_SECRET, SWEEP_SECRET, WEBHOOK_SECRET, type Stack };

const ignore = () => undefined;
const QUIET = { debug: ignore, info: ignore, warn: ignore, error: ignore };

/**
 * How the app's Octokit meets failures: `off` is the test stack of `dev/demo/stack.ts` (no retry,
 * no throttling); `production` is `startAppServer({ fastFail: false })`, Probot's retry and
 * throttling plugins as the app configures them; `scaled` is the same Octokit with its
 * waits shrunk from seconds to milliseconds (retry backoff 1, 4, 9 s becomes 10, 40, 90 ms; the
 * one-second spacing of writes 10 ms), so a test can meet dozens of faults in a second.
 */
export type RetryMode = "off" | "production" | "scaled";

/** A stand-in for one of Bottleneck's groups (what the throttling plugin schedules writes on): one job at a time, `minTimeMs` apart. */
function spacedGroup(minTimeMs: number) {
  let tail: Promise<unknown> = Promise.resolve();
  let last = 0;
  const limiter = {
    schedule: <T>(
      _options: unknown,
      job: (...args: unknown[]) => Promise<T>,
      ...args: unknown[]
    ): Promise<T> => {
      const run = tail.then(async () => {
        const wait = last + minTimeMs - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        last = Date.now();
        return job(...args);
      });
      tail = run.catch(() => undefined);
      return run;
    },
  };
  return { key: () => limiter };
}

/** `startAppServer` with the production plugins on a shorter clock (see RetryMode). */
async function startScaledAppServer(params: {
  appId: number;
  privateKey: string;
  baseUrl: string;
  logLevel: "fatal" | "error" | "warn" | "info";
  app: FirstlineAppOptions;
}): Promise<AppServer> {
  // The production Octokit (src/app/server.ts), only its clock shortened.
  const Octokit = firstlineProbotOctokit().defaults((options: Record<string, unknown>) => ({
    ...options,
    retry: { ...(options["retry"] as object), retryAfterBaseValue: 10 },
    throttle: {
      ...(options["throttle"] as object),
      retryAfterBaseValue: 10,
      write: spacedGroup(10),
      writeSpacingMs: 10,
      notifications: spacedGroup(30),
      search: spacedGroup(20),
    },
  }));
  const probot = new Probot({
    appId: params.appId,
    privateKey: params.privateKey,
    secret: WEBHOOK_SECRET,
    baseUrl: params.baseUrl,
    Octokit,
    logLevel: params.logLevel,
  });
  const middleware = await createNodeMiddleware(firstlineApp(params.app), { probot });
  const server = createServer((req, res) => {
    void middleware(req, res, () => {
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    webhookUrl: `${url}/api/github/webhooks`,
    probot,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The end-to-end stack (the emulator and the app over real HTTP), as `startStack` of
 * `dev/demo/stack.ts` builds it, with the app's Octokit as `retries` says (default `off`, which is
 * exactly that stack). `apiThrough` puts something (a proxy) between the app and the emulator: it
 * gets the emulator and returns the URL the app should call.
 */
export async function startReliabilityStack(params: {
  readonly seed: SeedInput;
  readonly now: Date;
  readonly retries?: RetryMode;
  readonly idleTimeoutMs?: number;
  readonly logLevel?: "fatal" | "error" | "warn" | "info";
  readonly apiThrough?: (
    emulator: Emulator,
  ) => Promise<{ readonly url: string; readonly close: () => Promise<void> }>;
}): Promise<Stack> {
  const emulator = await startEmulator({ now: params.now, seed: params.seed, stderr: () => undefined });
  const through = params.apiThrough ? await params.apiThrough(emulator) : null;
  const service = new FirstlineService({ clock: () => emulator.clock.now(), botLogin: emulator.botLogin });
  const appOptions: FirstlineAppOptions = {
    service,
    schedule: false,
    sweepSecret: SWEEP_SECRET,
    alertsSecret: ALERTS_SECRET,
    supportRepo: "northgate/support",
  };
  const common = {
    appId: emulator.appId,
    privateKey: emulator.privateKeyPem ?? "",
    baseUrl: through?.url ?? emulator.url,
    logLevel: params.logLevel ?? "fatal",
    app: appOptions,
  } as const;
  const retries = params.retries ?? "off";
  const app =
    retries === "scaled"
      ? await startScaledAppServer(common)
      : await startAppServer({ ...common, webhookSecret: WEBHOOK_SECRET, fastFail: retries === "off" });
  emulator.setWebhook({ url: app.webhookUrl, secret: WEBHOOK_SECRET });
  const settle = () => emulator.waitForIdle({ timeoutMs: params.idleTimeoutMs ?? 60_000 });
  return {
    emulator,
    app,
    service,
    // People's own calls: no retries, and quiet (their failures under injected faults are expected).
    as: (login) =>
      new Octokit({ auth: `user-${login}`, baseUrl: emulator.url, request: { retries: 0 }, log: QUIET }),
    settle,
    sweep: async () => sweepThrough(app.url, settle),
    alert: async (body) => {
      const response = await fetch(`${app.url}/firstline/alerts`, {
        method: "POST",
        headers: { authorization: `Bearer ${ALERTS_SECRET}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      await settle();
      return { status: response.status, json: parsedOrText(text) };
    },
    close: async () => {
      await app.close();
      await through?.close();
      await emulator.close();
    },
  };
}

/** Runs the sweep through its HTTP route and waits for everything it caused; the answer's status and body. */
async function sweepThrough(
  url: string,
  settle: () => Promise<void>,
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${url}/firstline/sweep`, {
    method: "POST",
    headers: { authorization: `Bearer ${SWEEP_SECRET}` },
  });
  const text = await response.text();
  await settle();
  return { status: response.status, json: parsedOrText(text) };
}

/** A JSON answer, or its text when it is not JSON (a 500 from Probot's middleware has no body). */
function parsedOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Opens an issue as a user at the emulator's current time (does not wait for the app). */
export async function createIssue(
  stack: Stack,
  params: { as: string; repo: string; title: string; body: string; labels?: string[] },
): Promise<number> {
  const [owner = "", repo = ""] = params.repo.split("/");
  const { data } = await stack.as(params.as).rest.issues.create({
    owner,
    repo,
    title: params.title,
    body: params.body,
    ...(params.labels ? { labels: params.labels } : {}),
  });
  return data.number;
}

/** Comments on an issue as a user at the emulator's current time (does not wait for the app). */
export async function createComment(
  stack: Stack,
  params: { as: string; repo: string; number: number; body: string },
): Promise<number> {
  const [owner = "", repo = ""] = params.repo.split("/");
  const { data } = await stack
    .as(params.as)
    .rest.issues.createComment({ owner, repo, issue_number: params.number, body: params.body });
  return data.id;
}
