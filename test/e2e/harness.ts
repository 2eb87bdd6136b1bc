import { Octokit } from "@octokit/rest";
import { startAppServer, type AppServer } from "../../src/app/server.js";
import { FirstlineService } from "../../src/app/service.js";
import { startEmulator, type Emulator } from "../../src/emulator/index.js";
import type { SeedInput } from "../../src/emulator/index.js";

export const WEBHOOK_SECRET = "e2e-secret";
export const SWEEP_SECRET = "sweep-secret";
export const ALERTS_SECRET = "alerts-secret";

/** The emulator and the app, wired together over real HTTP, with the app reading the emulator's clock. */
export interface Stack {
  readonly emulator: Emulator;
  readonly app: AppServer;
  readonly service: FirstlineService;
  /** An Octokit acting as a seeded user (a client, a staff member). */
  readonly as: (login: string) => Octokit;
  /** Waits until every API call and webhook (and the app's reaction to it) has finished. */
  readonly settle: () => Promise<void>;
  readonly close: () => Promise<void>;
}

export async function startStack(params: { readonly seed: SeedInput; readonly now: Date }): Promise<Stack> {
  const emulator = await startEmulator({ now: params.now, seed: params.seed, stderr: () => undefined });
  const service = new FirstlineService({ clock: () => emulator.clock.now(), botLogin: emulator.botLogin });
  const app = await startAppServer({
    appId: emulator.appId,
    privateKey: emulator.privateKeyPem ?? "",
    webhookSecret: WEBHOOK_SECRET,
    baseUrl: emulator.url,
    fastFail: true,
    logLevel: (process.env["FIRSTLINE_E2E_LOG"] as "info" | undefined) ?? "fatal",
    app: { service, schedule: false, sweepSecret: SWEEP_SECRET, alertsSecret: ALERTS_SECRET, supportRepo: "northgate/support" },
  });
  emulator.setWebhook({ url: app.webhookUrl, secret: WEBHOOK_SECRET });
  return {
    emulator,
    app,
    service,
    as: (login) => new Octokit({ auth: `user-${login}`, baseUrl: emulator.url, request: { retries: 0 } }),
    settle: () => emulator.waitForIdle({ timeoutMs: 20_000 }),
    close: async () => {
      await app.close();
      await emulator.close();
    },
  };
}
