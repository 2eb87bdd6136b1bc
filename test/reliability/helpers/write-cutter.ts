import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * What happens at the cut: `fail-after` lets the Nth write through and then the emulator fails
 * every request (its fault injection, `serverErrorShare: 1`), as when GitHub goes down mid-sweep;
 * `lose-answer` applies the Nth write but answers it 502, as when GitHub did the work and the
 * answer was lost on the way back, and then fails every request too.
 */
export type CutMode = "fail-after" | "lose-answer";

/** A proxy between the app and the emulator that counts the app's writes and cuts GitHub off at the Nth. */
export interface WriteCutter {
  readonly url: string;
  /** Cut after `writes` more successful writes (0: the next request already fails). */
  readonly arm: (params: { readonly writes: number; readonly mode: CutMode }) => void;
  /** Back to passing everything through; the emulator's faults are the caller's to reset. */
  readonly disarm: () => void;
  /** Successful writes passed through since the proxy started. */
  readonly writes: () => number;
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

/** Starts the proxy in front of `target` (the emulator's URL); `cut` is called when the cut happens. */
export async function startWriteCutter(params: {
  readonly target: string;
  readonly cut: () => void;
}): Promise<WriteCutter> {
  let total = 0;
  let armed: { left: number; mode: CutMode } | null = null;
  const server = createServer((req, res) => {
    void (async () => {
      const body = await bodyOf(req);
      const method = req.method ?? "GET";
      const path = new URL(req.url ?? "/", "http://proxy").pathname;
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          ([name, value]) =>
            typeof value === "string" && !["host", "connection", "content-length"].includes(name),
        ),
      ) as Record<string, string>;
      const answer = await fetch(`${params.target}${req.url ?? "/"}`, {
        method,
        headers,
        ...(body.length > 0 ? { body } : {}),
      });
      const text = Buffer.from(await answer.arrayBuffer());
      const wrote = isWrite(method, path) && answer.status < 400;
      if (wrote) total += 1;
      if (wrote && armed && --armed.left <= 0) {
        const mode = armed.mode;
        armed = null;
        params.cut();
        if (mode === "lose-answer") {
          res
            .writeHead(502, { "content-type": "application/json" })
            .end(JSON.stringify({ message: "Server Error" }));
          return;
        }
      }
      const out: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (
          !["content-encoding", "content-length", "transfer-encoding", "connection", "keep-alive"].includes(
            name,
          )
        )
          out[name] = value;
      });
      res.writeHead(answer.status, out).end(text);
    })().catch((error: unknown) => {
      res.writeHead(599).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    arm: ({ writes, mode }) => {
      if (writes <= 0) {
        armed = null;
        params.cut();
      } else armed = { left: writes, mode };
    },
    disarm: () => {
      armed = null;
    },
    writes: () => total,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
