import { createServer, request, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";

/**
 * A pass-through in front of the emulator that notes when the first API request of a run
 * arrives, so a cold start is timed from spawn to the moment GitHub would first hear from it.
 */
export interface FirstRequestProxy {
  readonly url: string;
  /** Forget the last run's first request. */
  readonly reset: () => void;
  /** `performance.now()` when the first request since `reset` arrived, if one has. */
  readonly firstRequestAt: () => number | undefined;
  readonly close: () => Promise<void>;
}

export async function startFirstRequestProxy(target: string): Promise<FirstRequestProxy> {
  const upstream = new URL(target);
  let first: number | undefined;
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    first ??= performance.now();
    const forwarded = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: upstream.host },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on("error", () => outgoing.writeHead(502).end());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    reset: () => (first = undefined),
    firstRequestAt: () => first,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
