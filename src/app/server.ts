import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware, Probot, ProbotOctokit } from "probot";
import { appOctokit, type ExtraThrottleOptions } from "../github/octokit.js";
import { firstlineApp, type FirstlineAppOptions } from "./index.js";

/**
 * The app's Octokit class: Probot's, with Firstline's request time limit, retries and answer to
 * rate limits (wait `retry-after` and try again, as GitHub asks, instead of Probot's give-up).
 * The one place the app builds its client: `throttle` passes options on to Probot's throttling
 * (a Redis `connection` shared by several app processes, say).
 */
export function firstlineProbotOctokit(params: { readonly requestTimeoutMs?: number; readonly fastFail?: boolean; readonly throttle?: ExtraThrottleOptions } = {}): typeof ProbotOctokit {
  return appOctokit({ base: ProbotOctokit, ...params });
}

/** A running Firstline app server. */
export interface AppServer {
  readonly url: string;
  readonly webhookUrl: string;
  readonly probot: Probot;
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
  });
  const middleware = await createNodeMiddleware(firstlineApp(params.app ?? {}), { probot });
  const server: Server = createServer((req, res) => {
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
