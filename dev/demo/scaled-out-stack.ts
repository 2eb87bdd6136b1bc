// Firstline scaled out, for the scale-out tests and the burst benchmark: the GitHub emulator,
// several app instances (sharing Redis, or one on its own in memory) and the round-robin proxy
// that webhooks go through, as in compose.yaml.
import { createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Octokit } from "@octokit/rest";
import { MemoryWorkQueue } from "../../src/app/queue/memory-work-queue.js";
import { DelayedJobWakeups } from "../../src/app/escalation-wakeups.js";
import { RedisWorkQueue } from "../../src/app/queue/redis-work-queue.js";
import { startAppServer, type AppServer } from "../../src/app/server.js";
import { FirstlineService } from "../../src/app/service.js";
import { MemoryStateStore } from "../../src/app/state/memory-state-store.js";
import { RedisStateStore } from "../../src/app/state/redis-state-store.js";
import type { StateStore } from "../../src/app/state/state-store.js";
import { CARD_KEY, hasMarker } from "../../src/core/markers.js";
import { agencySeed } from "./agency-seed.js";
import { ALERTS_SECRET, SWEEP_SECRET, WEBHOOK_SECRET } from "./stack.js";
import { startEmulator, type Emulator, type SeedInput } from "../emulator/index.js";

/** The agency's seed with `count` more Glenmore repositories (`glenmore/shop-01`...), all listed in its configuration. */
export function manyReposSeed(count: number): { seed: SeedInput; repos: string[] } {
  const repos = Array.from({ length: count }, (_, i) => `glenmore/shop-${String(i + 1).padStart(2, "0")}`);
  const base = agencySeed({
    editConfig: (text) => text.replace("repos: [glenmore/shop]", `repos: [${repos.join(", ")}]`),
  });
  return {
    repos,
    seed: {
      ...base,
      users: [...(base.users ?? []), { login: "kim", name: "Kim from Glenmore" }],
      repos: [
        ...(base.repos ?? []),
        ...repos.map((full) => ({
          owner: "glenmore",
          name: full.split("/")[1] ?? "",
          files: { "README.md": "# Shop\n" },
        })),
      ],
    },
  };
}

/** One app instance of a scaled-out set: its server and its state store. */
export interface Instance {
  readonly app: AppServer;
  readonly store: StateStore;
  readonly service: FirstlineService;
}

/**
 * A round-robin proxy in front of the instances, as the proxy of compose.yaml is. With `duplicate`,
 * every webhook is sent to two different instances at once (GitHub's redelivery racing the
 * original), and answered with the first instance's answer.
 */
export async function startRoundRobinProxy(params: {
  readonly targets: () => readonly string[];
  readonly duplicate?: boolean;
}): Promise<{ readonly url: string; readonly close: () => Promise<void> }> {
  let next = 0;
  const forward = (
    target: string,
    req: IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; body: Buffer }> =>
    new Promise((resolve) => {
      const out = request(
        `${target}${req.url ?? "/"}`,
        { method: req.method, headers: { ...req.headers, host: new URL(target).host } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 502, body: Buffer.concat(chunks) }));
        },
      );
      out.on("error", () => resolve({ status: 502, body: Buffer.from("upstream unreachable") }));
      out.end(body);
    });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const targets = params.targets();
      const body = Buffer.concat(chunks);
      const first = targets[next++ % targets.length] ?? "";
      const second = targets[next % targets.length] ?? first;
      const sends = [forward(first, req, body), ...(params.duplicate ? [forward(second, req, body)] : [])];
      void Promise.all(sends).then(([answer]) => res.writeHead(answer?.status ?? 502).end(answer?.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Starts one instance on the emulator: with Redis (shared state, BullMQ queue, shared GitHub
 * limits) or on its own (memory). `production` keeps Octokit's retries and throttling on, as
 * `npm start` runs it; otherwise they are off, so tests never wait on a limiter.
 */
export async function startInstance(params: {
  readonly emulator: Emulator;
  readonly redisUrl?: string;
  readonly production?: boolean;
  /** Where the app finds GitHub's API, when not at the emulator itself (a proxy in front of it). */
  readonly apiUrl?: string;
}): Promise<Instance> {
  const { emulator, redisUrl } = params;
  const store: StateStore = redisUrl
    ? new RedisStateStore({ url: redisUrl })
    : new MemoryStateStore({ now: () => emulator.clock.now().getTime() });
  const now = () => emulator.clock.now().getTime();
  const service = new FirstlineService({
    clock: () => emulator.clock.now(),
    botLogin: emulator.botLogin,
    env: {},
    store,
    ...(redisUrl ? { escalationWakeups: new DelayedJobWakeups({ url: redisUrl, now }) } : {}),
  });
  const app = await startAppServer({
    appId: emulator.appId,
    privateKey: emulator.privateKeyPem ?? "",
    webhookSecret: WEBHOOK_SECRET,
    baseUrl: params.apiUrl ?? emulator.url,
    fastFail: !params.production,
    logLevel: "fatal",
    ...(params.production && redisUrl ? { redisUrl } : {}),
    app: {
      service,
      schedule: false,
      sweepSecret: SWEEP_SECRET,
      alertsSecret: ALERTS_SECRET,
      supportRepo: "northgate/support",
    },
    queue: ({ work, log }) =>
      redisUrl
        ? new RedisWorkQueue({ url: redisUrl, work, log, backoffMs: 100, lockMs: 10_000 })
        : new MemoryWorkQueue({ work, log, now: () => Date.now(), backoffMs: 100 }),
  });
  return { app, store, service };
}

/** The emulator, `instances` app instances (all on the emulator's clock) and the round-robin proxy that GitHub's webhooks go to. */
export async function startScaledOut(params: {
  readonly seed: SeedInput;
  readonly now: Date;
  readonly instances: number;
  readonly redisUrl?: string;
  readonly duplicate?: boolean;
  readonly production?: boolean;
  /** Something (a proxy) between the instances and the emulator: it gets the emulator and returns the URL to call. */
  readonly apiThrough?: (
    emulator: Emulator,
  ) => Promise<{ readonly url: string; readonly close: () => Promise<void> }>;
}) {
  const emulator = await startEmulator({ now: params.now, seed: params.seed, stderr: () => undefined });
  const through = params.apiThrough ? await params.apiThrough(emulator) : undefined;
  const instances: Instance[] = [];
  for (let i = 0; i < params.instances; i++)
    instances.push(
      await startInstance({
        emulator,
        ...(params.redisUrl ? { redisUrl: params.redisUrl } : {}),
        ...(params.production ? { production: true } : {}),
        ...(through ? { apiUrl: through.url } : {}),
      }),
    );
  const proxy = await startRoundRobinProxy({
    targets: () => instances.map((i) => i.app.url),
    ...(params.duplicate ? { duplicate: true } : {}),
  });
  emulator.setWebhook({ url: `${proxy.url}/api/github/webhooks`, secret: WEBHOOK_SECRET });
  /** Waits until the emulator is quiet and every instance's queue is empty, with no request made in between. */
  const settle = async () => {
    for (let before = -1; ;) {
      await emulator.waitForIdle({ timeoutMs: 120_000 });
      await Promise.all(instances.map((i) => i.app.queue?.idle()));
      const after = emulator.deliveries().length + emulator.log.summary().requests.length;
      if (after === before) return;
      before = after;
    }
  };
  return {
    emulator,
    instances,
    proxy,
    settle,
    as: (login: string) =>
      new Octokit({ auth: `user-${login}`, baseUrl: emulator.url, request: { retries: 0 } }),
    close: async () => {
      await proxy.close();
      for (const instance of instances) {
        await instance.app.close();
        await instance.store.close();
      }
      await through?.close();
      await emulator.close();
    },
  };
}

/** How many Firstline cards each issue of these repositories carries. */
export function cardCounts(emulator: Emulator, repos: readonly string[]): number[] {
  const dump = emulator.dump();
  return dump.repos
    .filter((r) => repos.includes(r.fullName))
    .flatMap((r) =>
      r.issues.map(
        (i) => i.comments.filter((c) => c.author === emulator.botLogin && hasMarker(c.body, CARD_KEY)).length,
      ),
    );
}
