import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware, Probot, ProbotOctokit } from "probot";
import { appOctokit, type ExtraThrottleOptions } from "../github/octokit.js";
import { firstlineApp, type FirstlineAppOptions } from "./index.js";
import { acceptWebhook } from "./queued-webhooks.js";
import { urgentFirstGlobalGroup } from "./queue/urgent-first-requests.js";
import { deliveryRankContext, urgentWritesFirst } from "./queue/urgent-writes-first.js";
import type { DeliveryWorker, QueueLogger, WorkQueue } from "./queue/work-queue.js";
import { FirstlineService } from "./service.js";

/**
 * The app's Octokit class: Probot's, with Firstline's request time limit, retries and answer to
 * rate limits (wait `retry-after` and try again, as GitHub asks, instead of Probot's give-up).
 * The one place the app builds its client: `throttle` passes options on to Probot's throttling
 * (a Redis `connection` shared by several app processes, say).
 */
/** The app's requests in flight in this process, urgent first (the throttling plugin's `global` group). */
const PROCESS_REQUESTS = urgentFirstGlobalGroup();

export function firstlineProbotOctokit(
  params: {
    readonly requestTimeoutMs?: number;
    readonly fastFail?: boolean;
    readonly throttle?: ExtraThrottleOptions;
  } = {},
): typeof ProbotOctokit {
  // Writes wait their turn per installation, most urgent delivery first (the queue ranks them), and
  // every request waits its turn in the process by the same rank.
  return appOctokit({
    base: ProbotOctokit.plugin(urgentWritesFirst),
    ...params,
    throttle: { global: PROCESS_REQUESTS, ...params.throttle },
  });
}

/** A running Firstline app server. */
export interface AppServer {
  readonly url: string;
  readonly webhookUrl: string;
  readonly probot: Probot;
  /** The queue webhooks are worked from, when they are acknowledged at once. */
  readonly queue?: WorkQueue | undefined;
  readonly close: () => Promise<void>;
}

/**
 * Starts the app as a real HTTP server: Probot's Node middleware (signed webhooks at
 * `/api/github/webhooks`, the app's own routes) inside a plain `http` server. Used by the demo,
 * the end-to-end tests and the benchmarks; `npm start` runs the same app with `probot run`.
 */
export async function startAppServer(params: {
  readonly appId: number;
  readonly privateKey: string;
  readonly webhookSecret: string;
  readonly baseUrl?: string;
  readonly port?: number;
  /** The interface to listen on (default 127.0.0.1; a deployment uses 0.0.0.0). */
  readonly host?: string;
  readonly logLevel?: "trace" | "debug" | "info" | "warn" | "error" | "fatal";
  /** Retries and throttling off (tests); on by default, as in production. */
  readonly fastFail?: boolean;
  /** How long one request to GitHub may take (default 30 s). */
  readonly requestTimeoutMs?: number;
  readonly app?: FirstlineAppOptions;
  /**
   * Acknowledge each verified delivery at once (202) and work on it from this queue, urgent first
   * with retries; without it, a delivery is answered once its handlers finish (Probot's way).
   */
  readonly queue?: (params: { readonly work: DeliveryWorker; readonly log: QueueLogger }) => WorkQueue;
  /** Probot's `redisConfig`: its throttling shares GitHub's limits between instances through Redis. */
  readonly redisUrl?: string;
}): Promise<AppServer> {
  const Octokit = firstlineProbotOctokit({
    ...(params.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: params.requestTimeoutMs }),
    ...(params.fastFail ? { fastFail: true } : {}),
  });
  const probot = new Probot({
    appId: params.appId,
    privateKey: params.privateKey,
    secret: params.webhookSecret,
    ...(params.baseUrl ? { baseUrl: params.baseUrl } : {}),
    Octokit,
    logLevel: params.logLevel ?? "warn",
    ...(params.redisUrl ? { redisConfig: params.redisUrl } : {}),
  });
  const service = params.app?.service ?? new FirstlineService();
  const middleware = await createNodeMiddleware(firstlineApp({ ...params.app, service }), { probot });
  const queue = params.queue?.({
    work: (delivery) =>
      deliveryRankContext.run(delivery.rank ?? 3, () =>
        probot.receive({ id: delivery.id, name: delivery.name, payload: delivery.payload } as Parameters<
          Probot["receive"]
        >[0]),
      ),
    log: probot.log,
  });
  if (queue) service.deadLetterSource = () => queue.deadLetters();
  const server: Server = createServer((req, res) => {
    if (queue && req.method === "POST" && (req.url ?? "").split("?")[0] === "/api/github/webhooks") {
      void acceptWebhook({ req, res, probot, queue, service }).catch(
        () => res.headersSent || res.writeHead(500).end(),
      );
      return;
    }
    void middleware(req, res, () => {
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(params.port ?? 0, params.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    webhookUrl: `${url}/api/github/webhooks`,
    probot,
    queue,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await queue?.close();
      await service.escalationWakeups.close();
    },
  };
}
