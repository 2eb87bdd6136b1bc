import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/** A route the app serves besides webhooks, guarded by a shared secret. */
export interface SecretRoute {
  readonly method: "POST";
  readonly path: string;
  /** The bearer secret; a route whose secret is not configured answers 404 (it is switched off). */
  readonly secret: string | undefined;
  readonly handle: (params: { readonly body: string }) => Promise<{ status: number; json: unknown }>;
  /**
   * A signature check over the exact body instead of the bearer secret, for senders that sign
   * (PagerDuty's `X-PagerDuty-Signature`); a request it rejects gets 401 and changes nothing.
   */
  readonly verify?: (params: {
    readonly headers: IncomingMessage["headers"];
    readonly body: string;
    readonly secret: string;
  }) => boolean;
}

const MAX_BODY = 1024 * 1024;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, json: unknown): true {
  res.writeHead(status, { "content-type": "application/json" }).end(`${JSON.stringify(json)}\n`);
  return true;
}

/** A Node handler for Probot's `addHandler`: true when it answered the request. */
export function secretRoutesHandler(routes: readonly SecretRoute[]) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? "").split("?")[0];
    const route = routes.find((r) => r.path === path);
    if (!route) return false;
    if (!route.secret) return send(res, 404, { message: "not enabled: set its secret" });
    if (req.method !== route.method) return send(res, 405, { message: `use ${route.method}` });
    const auth = req.headers.authorization ?? "";
    const given = auth.startsWith("Bearer ") ? auth.slice(7) : "";
    if (!route.verify && !sameSecret(given, route.secret))
      return send(res, 401, { message: "bad or missing bearer secret" });
    let size = 0;
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) return send(res, 413, { message: "body larger than 1 MiB" });
      chunks.push(chunk as Buffer);
    }
    const body = Buffer.concat(chunks).toString("utf8");
    if (route.verify && !route.verify({ headers: req.headers, body, secret: route.secret }))
      return send(res, 401, { message: "bad or missing signature" });
    const result = await route.handle({ body });
    return send(res, result.status, result.json);
  };
}
