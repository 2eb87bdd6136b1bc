import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Octokit } from "@octokit/rest";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { skipWithoutServer } from "../helpers/debian-package.js";
import { ensureRedis, useRedisServer } from "../helpers/redis.js";
import { spawnServer, type ServerProcess } from "../helpers/server-process.js";
import { WEBHOOK_SECRET } from "../../dev/demo/stack.js";
import { cardCounts, manyReposSeed, startRoundRobinProxy } from "../../dev/demo/scaled-out-stack.js";
import { startEmulator, type Emulator } from "../../dev/emulator/index.js";

const redisAvailability = ensureRedis();
const skipRedis = skipWithoutServer(redisAvailability);
const TICKETS = 8;
const { seed, repos } = manyReposSeed(4);
/** A killed instance's job and locks go to the other after this (30 s in production). */
const TAKEOVER_MS = 5_000;
/** Time limits for hangs only: a quiet machine needs a fraction of each. */
const START_LIMIT_MS = 30_000;
const BURST_LIMIT_MS = 240_000;

/** One `npm start` process (lib/server.js, as built by npm run build) and the webhook URL it printed. */
interface AppProcess {
  readonly server: ServerProcess;
  readonly webhookUrl: string;
}

async function startAppProcess(params: { emulator: Emulator; redisUrl: string }): Promise<AppProcess> {
  const { emulator } = params;
  const dir = mkdtempSync(join(tmpdir(), "firstline-instance-"));
  const server = spawnServer({
    binary: process.execPath,
    args: ["lib/server.js"],
    dir,
    env: {
      ...process.env,
      APP_ID: String(emulator.appId),
      PRIVATE_KEY: emulator.privateKeyPem ?? "",
      WEBHOOK_SECRET,
      FIRSTLINE_SUPPORT_REPO: "northgate/support",
      GHE_HOST: new URL(emulator.url).host,
      GHE_PROTOCOL: "http",
      HOST: "127.0.0.1",
      PORT: "0",
      REDIS_URL: params.redisUrl,
      FIRSTLINE_TAKEOVER_MS: String(TAKEOVER_MS),
      LOG_LEVEL: "warn",
    },
  });
  const deadline = Date.now() + START_LIMIT_MS;
  for (;;) {
    const url = /webhooks at (\S+)/.exec(server.output())?.[1];
    if (url) return { server, webhookUrl: url };
    if (server.child.exitCode !== null || Date.now() > deadline) {
      await server.stop();
      throw new Error(`the app did not start:\n${server.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + BURST_LIMIT_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(skipRedis || !existsSync("lib/server.js"))("an instance killed mid-burst, on Redis", () => {
  const redisUrl = useRedisServer(redisAvailability);

  it("two npm start processes behind the proxy, each delivery sent to both; one is SIGKILLed with work in hand: every ticket gets exactly one card", async () => {
    const emulator = await startEmulator({ now: new Date(), seed, stderr: () => undefined });
    const apps: AppProcess[] = [];
    const live = new Set<AppProcess>();
    const proxy = await startRoundRobinProxy({
      targets: () => [...live].map((a) => a.webhookUrl.replace(/\/api\/github\/webhooks$/, "")),
      duplicate: true,
    });
    const connection = new Redis(redisUrl(), { maxRetriesPerRequest: null });
    const queue = new Queue("firstline-deliveries", { connection });
    try {
      for (let i = 0; i < 2; i++) {
        const app = await startAppProcess({ emulator, redisUrl: redisUrl() });
        apps.push(app);
        live.add(app);
      }
      emulator.setWebhook({ url: `${proxy.url}/api/github/webhooks`, secret: WEBHOOK_SECRET });
      const kim = new Octokit({ auth: "user-kim", baseUrl: emulator.url, request: { retries: 0 } });
      for (let i = 0; i < TICKETS; i++) {
        const repo = repos[i % repos.length] ?? "";
        await kim.rest.issues.create({
          owner: "glenmore",
          repo: repo.split("/")[1] ?? "",
          title: `The basket page is slow (${i + 1})`,
          body: "Adding a bottle to the basket takes ten seconds since this morning.",
        });
      }
      const carded = () => cardCounts(emulator, repos).filter((n) => n > 0).length;
      // Mid-burst: the first card is out, and more deliveries are being worked on than one
      // instance works on at once (four), so the instance killed holds some of them.
      await waitFor("the first card", () => carded() > 0);
      const active = await queue.getActiveCount();
      const [victim] = apps;
      if (!victim) throw new Error("no instance");
      live.delete(victim);
      victim.server.child.kill("SIGKILL");
      expect(carded()).toBeLessThan(TICKETS);
      expect(active).toBeGreaterThan(4);

      await waitFor("every card", () => carded() === TICKETS);
      await waitFor("the queue to empty", async () => {
        const counts = await queue.getJobCounts("waiting", "active", "delayed", "prioritized");
        return Object.values(counts).every((n) => n === 0);
      });
      await emulator.waitForIdle({ timeoutMs: 60_000 });
      const counts = cardCounts(emulator, repos);
      expect(counts).toHaveLength(TICKETS);
      expect(counts.filter((n) => n !== 1)).toEqual([]);
      // Nothing ended as a dead letter: the killed instance's jobs were worked again elsewhere.
      expect(await queue.getFailedCount()).toBe(0);
    } finally {
      await queue.close();
      connection.disconnect();
      for (const app of apps) await app.server.stop();
      await proxy.close();
      await emulator.close();
    }
  }, 300_000);
});
