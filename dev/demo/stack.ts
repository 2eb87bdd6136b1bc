import { Octokit } from "@octokit/rest";
import { startAppServer, type AppServer } from "../../src/app/server.js";
import { FirstlineService } from "../../src/app/service.js";
import type { EmailDesk } from "../../src/app/email-desk.js";
import { startEmulator, type Emulator, type SeedInput } from "../emulator/index.js";

export const WEBHOOK_SECRET = "demo-webhook-secret";
export const SWEEP_SECRET = "demo-sweep-secret";
export const ALERTS_SECRET = "demo-alerts-secret";

/** The GitHub emulator and the Firstline app, wired together over real HTTP on the emulator's clock. */
export interface Stack {
  readonly emulator: Emulator;
  readonly app: AppServer;
  readonly service: FirstlineService;
  /** An Octokit acting as a seeded user (a client, a staff member). */
  readonly as: (login: string) => Octokit;
  /** Waits until every API call and webhook (and the app's reaction to it) has finished. */
  readonly settle: () => Promise<void>;
  /** Runs the app's sweep through its HTTP endpoint, as an external scheduler would. */
  readonly sweep: () => Promise<unknown>;
  /** Posts an alert payload to the app, as Alertmanager would. */
  readonly alert: (body: unknown) => Promise<{ status: number; json: unknown }>;
  readonly close: () => Promise<void>;
}

/**
 * Starts the emulator seeded as given and the app as a real HTTP server pointed at it. The app
 * reads `now` from the emulator's clock, so a scenario moves through days in seconds.
 */
export async function startStack(params: {
  readonly seed: SeedInput;
  readonly now: Date;
  readonly logLevel?: "fatal" | "error" | "warn" | "info";
  /** How long the app waits for one GitHub request (default 30 s). */
  readonly requestTimeoutMs?: number;
  /** The app's environment variables (pager secrets); none by default. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The client email channel, when the scenario has one. */
  readonly email?: EmailDesk;
}): Promise<Stack> {
  const emulator = await startEmulator({ now: params.now, seed: params.seed, stderr: () => undefined });
  const service = new FirstlineService({
    clock: () => emulator.clock.now(),
    botLogin: emulator.botLogin,
    env: params.env ?? {},
    // A pager's Retry-After passes on the virtual clock, so a scenario never waits for real.
    sleep: async (ms) => emulator.clock.advance({ minutes: ms / 60_000 }),
  });
  const app = await startAppServer({
    appId: emulator.appId,
    privateKey: emulator.privateKeyPem ?? "",
    webhookSecret: WEBHOOK_SECRET,
    baseUrl: emulator.url,
    fastFail: true,
    logLevel: params.logLevel ?? "fatal",
    ...(params.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: params.requestTimeoutMs }),
    app: {
      service,
      schedule: false,
      sweepSecret: SWEEP_SECRET,
      alertsSecret: ALERTS_SECRET,
      supportRepo: "northgate/support",
      ...(params.email ? { email: params.email } : {}),
    },
  });
  emulator.setWebhook({ url: app.webhookUrl, secret: WEBHOOK_SECRET });
  // Notifications go out in the background after the GitHub work: wait for both, and for the
  // thread markers they may write back to tickets.
  const settle = async () => {
    await emulator.waitForIdle({ timeoutMs: 120_000 });
    await service.notifier.idle();
    await emulator.waitForIdle({ timeoutMs: 120_000 });
  };
  return {
    emulator,
    app,
    service,
    as: (login) => new Octokit({ auth: `user-${login}`, baseUrl: emulator.url, request: { retries: 0 } }),
    settle,
    sweep: async () => {
      const response = await fetch(`${app.url}/firstline/sweep`, {
        method: "POST",
        headers: { authorization: `Bearer ${SWEEP_SECRET}` },
      });
      await settle();
      return response.json();
    },
    alert: async (body) => {
      const response = await fetch(`${app.url}/firstline/alerts`, {
        method: "POST",
        headers: { authorization: `Bearer ${ALERTS_SECRET}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      await settle();
      return { status: response.status, json: (await response.json()) as unknown };
    },
    close: async () => {
      await app.close();
      await emulator.close();
    },
  };
}

/**
 * Another app process on the same emulator, with a fresh service (cold caches): what a restart or
 * a second instance looks like. Webhooks still go to the first app unless the caller points them here.
 */
export async function startAnotherApp(params: {
  readonly emulator: Emulator;
  readonly sweepSecret?: string;
}): Promise<AppServer> {
  const { emulator } = params;
  const service = new FirstlineService({ clock: () => emulator.clock.now(), botLogin: emulator.botLogin });
  return startAppServer({
    appId: emulator.appId,
    privateKey: emulator.privateKeyPem ?? "",
    webhookSecret: WEBHOOK_SECRET,
    baseUrl: emulator.url,
    fastFail: true,
    logLevel: "fatal",
    app: {
      service,
      schedule: false,
      sweepSecret: params.sweepSecret,
      alertsSecret: undefined,
      supportRepo: "northgate/support",
    },
  });
}
