import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One webhook as the receiver saw it. */
export interface Received {
  readonly event: string;
  readonly delivery: string;
  readonly signature: string;
  readonly signatureValid: boolean;
  readonly body: string;
  readonly payload: Record<string, unknown>;
}

/** A tiny webhook receiver that checks the HMAC itself and answers with a chosen status. */
export async function startReceiver(params: {
  secret: string;
  status?: number;
  onReceive?: (received: Received) => Promise<void> | void;
}): Promise<{
  url: string;
  received: Received[];
  close: () => Promise<void>;
}> {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const signature = String(request.headers["x-hub-signature-256"] ?? "");
      const expected = `sha256=${createHmac("sha256", params.secret).update(body).digest("hex")}`;
      const entry: Received = {
        event: String(request.headers["x-github-event"]),
        delivery: String(request.headers["x-github-delivery"]),
        signature,
        signatureValid: signature === expected && request.headers["content-type"] === "application/json",
        body,
        payload: JSON.parse(body) as Record<string, unknown>,
      };
      received.push(entry);
      void Promise.resolve(params.onReceive?.(entry)).then(() => {
        response.writeHead(params.status ?? 200);
        response.end("ok");
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/github/webhooks`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
