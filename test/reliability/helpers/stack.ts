import { Octokit } from "@octokit/rest";
import { startAppServer } from "../../../src/app/server.js";
import { FirstlineService } from "../../../src/app/service.js";
import { ALERTS_SECRET, startStack, SWEEP_SECRET, WEBHOOK_SECRET, type Stack } from "../../../src/demo/stack.js";
import { startEmulator, type SeedInput } from "../../../src/emulator/index.js";

export { ALERTS_SECRET, SWEEP_SECRET, WEBHOOK_SECRET, type Stack };

/**
 * The end-to-end stack (the emulator and the app over real HTTP). With `retries: true` the app
 * runs as in production, with Probot's retry and throttling plugins on; otherwise it is the test
 * stack of `src/demo/stack.ts` (fast fail).
 */
export async function startReliabilityStack(params: { readonly seed: SeedInput; readonly now: Date; readonly retries?: boolean; readonly idleTimeoutMs?: number }): Promise<Stack> {
  if (!params.retries) {
    const stack = await startStack({ seed: params.seed, now: params.now });
    const settle = () => stack.emulator.waitForIdle({ timeoutMs: params.idleTimeoutMs ?? 60_000 });
    return { ...stack, settle, sweep: async () => sweepThrough(stack.app.url, settle) };
  }
  const emulator = await startEmulator({ now: params.now, seed: params.seed, stderr: () => undefined });
  const service = new FirstlineService({ clock: () => emulator.clock.now(), botLogin: emulator.botLogin });
  const app = await startAppServer({
    appId: emulator.appId,
    privateKey: emulator.privateKeyPem ?? "",
    webhookSecret: WEBHOOK_SECRET,
    baseUrl: emulator.url,
    fastFail: false,
    logLevel: "fatal",
    app: { service, schedule: false, sweepSecret: SWEEP_SECRET, alertsSecret: ALERTS_SECRET, supportRepo: "northgate/support" },
  });
  emulator.setWebhook({ url: app.webhookUrl, secret: WEBHOOK_SECRET });
  const settle = () => emulator.waitForIdle({ timeoutMs: params.idleTimeoutMs ?? 120_000 });
  return {
    emulator,
    app,
    service,
    as: (login) => new Octokit({ auth: `user-${login}`, baseUrl: emulator.url, request: { retries: 0 } }),
    settle,
    sweep: async () => sweepThrough(app.url, settle),
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

/** Runs the sweep through its HTTP route and waits for everything it caused; the answer's status and body. */
async function sweepThrough(url: string, settle: () => Promise<void>): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${url}/firstline/sweep`, { method: "POST", headers: { authorization: `Bearer ${SWEEP_SECRET}` } });
  const text = await response.text();
  await settle();
  let json: unknown = text;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    // A 500 from Probot's middleware has no body.
  }
  return { status: response.status, json };
}

/** Opens an issue as a user at the emulator's current time (does not wait for the app). */
export async function createIssue(stack: Stack, params: { as: string; repo: string; title: string; body: string; labels?: string[] }): Promise<number> {
  const [owner = "", repo = ""] = params.repo.split("/");
  const { data } = await stack.as(params.as).rest.issues.create({ owner, repo, title: params.title, body: params.body, ...(params.labels ? { labels: params.labels } : {}) });
  return data.number;
}

/** Comments on an issue as a user at the emulator's current time (does not wait for the app). */
export async function createComment(stack: Stack, params: { as: string; repo: string; number: number; body: string }): Promise<number> {
  const [owner = "", repo = ""] = params.repo.split("/");
  const { data } = await stack.as(params.as).rest.issues.createComment({ owner, repo, issue_number: params.number, body: params.body });
  return data.id;
}
