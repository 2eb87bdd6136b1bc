import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** One API request passing through the proxy. */
export interface ProxiedRequest {
  readonly method: string;
  /** The path without the query string. */
  readonly path: string;
  /** A write: not GET/HEAD, not a GraphQL query, not an installation token. */
  readonly write: boolean;
  /** The request's body as text (a GraphQL document and its variables). */
  readonly body: string;
}

/** What the proxy does around each request; every hook is optional. */
export interface ProxyHooks {
  /**
   * Runs before the request is forwarded; the request waits for it (to hold it back). Returning a
   * status answers the request with that error without forwarding it (nothing is done).
   */
  before?: (request: ProxiedRequest) => Promise<number | undefined | void> | number | undefined | void;
  /** Runs once GitHub answered; returning a status replaces the answer with that error (the work stays done). */
  after?: (request: ProxiedRequest, status: number) => number | undefined;
}

/** A proxy between the app and the emulator: the app's `baseUrl` points here. */
export interface ApiProxy {
  readonly url: string;
  hooks: ProxyHooks;
  readonly close: () => Promise<void>;
}

const isWrite = (method: string, path: string) =>
  method !== "GET" &&
  method !== "HEAD" &&
  path !== "/graphql" &&
  !/^\/app\/installations\/\d+\/access_tokens$/.test(path);

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const DROPPED_REQUEST_HEADERS = ["host", "connection", "content-length"];
const DROPPED_RESPONSE_HEADERS = [
  "content-encoding",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
];

/** Starts a proxy in front of `target` (the emulator's URL). */
export async function startApiProxy(params: { readonly target: string }): Promise<ApiProxy> {
  const proxy: { hooks: ProxyHooks } = { hooks: {} };
  const server = createServer((req, res) => {
    void (async () => {
      const body = await bodyOf(req);
      const method = req.method ?? "GET";
      const path = new URL(req.url ?? "/", "http://proxy").pathname;
      const info: ProxiedRequest = {
        method,
        path,
        write: isWrite(method, path),
        body: body.toString("utf8"),
      };
      const refused = await proxy.hooks.before?.(info);
      if (typeof refused === "number") {
        res
          .writeHead(refused, { "content-type": "application/json" })
          .end(JSON.stringify({ message: "Server Error" }));
        return;
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          ([name, value]) => typeof value === "string" && !DROPPED_REQUEST_HEADERS.includes(name),
        ),
      ) as Record<string, string>;
      const answer = await fetch(`${params.target}${req.url ?? "/"}`, {
        method,
        headers,
        ...(body.length > 0 ? { body } : {}),
      });
      const text = Buffer.from(await answer.arrayBuffer());
      const replaced = proxy.hooks.after?.(info, answer.status);
      if (replaced !== undefined) {
        res
          .writeHead(replaced, { "content-type": "application/json" })
          .end(JSON.stringify({ message: "Server Error" }));
        return;
      }
      const out: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (!DROPPED_RESPONSE_HEADERS.includes(name)) out[name] = value;
      });
      res.writeHead(answer.status, out).end(text);
    })().catch((error: unknown) => {
      res.writeHead(599).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get hooks() {
      return proxy.hooks;
    },
    set hooks(hooks: ProxyHooks) {
      proxy.hooks = hooks;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Holds back the first request that matches until a second matching request has been answered
 * (or `maxHoldMs` passed): two parties about to write the same thing both get to write it, unless
 * something (a lock, a fresh read) keeps the second from trying.
 */
export function holdFirstUntilSecond(params: {
  readonly matches: (request: ProxiedRequest) => boolean;
  readonly maxHoldMs: number;
}): ProxyHooks & { readonly seen: () => number } {
  let seen = 0;
  let releaseFirst: (() => void) | undefined;
  return {
    seen: () => seen,
    before: async (request) => {
      if (!params.matches(request)) return;
      seen += 1;
      if (seen !== 1) return;
      await new Promise<void>((resolve) => {
        releaseFirst = resolve;
        setTimeout(resolve, params.maxHoldMs);
      });
    },
    after: (request) => {
      if (params.matches(request) && seen >= 2) releaseFirst?.();
      return undefined;
    },
  };
}
