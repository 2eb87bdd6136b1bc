import type { IncomingMessage, ServerResponse } from "node:http";

/** Reads a request body completely (GitHub caps bodies; so does the emulator, at 25 MB). */
export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > 25 * 1024 * 1024) throw new Error("request body too large");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses a JSON body; an empty body is `undefined`, a malformed one is reported as such. */
export function parseJsonBody(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Writes a response; `body` undefined means no body (204, 304). */
export function writeResponse(
  response: ServerResponse,
  params: { status: number; headers: Record<string, string>; body: string | undefined },
): void {
  const headers: Record<string, string> = { ...params.headers };
  if (params.body !== undefined) {
    headers["content-type"] ??= "application/json; charset=utf-8";
    headers["content-length"] = String(Buffer.byteLength(params.body));
  }
  response.writeHead(params.status, headers);
  response.end(params.body);
}

/** Flattens a URL's query into the shape openapi-backend expects (repeated keys become arrays). */
export function queryObject(url: URL): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of url.searchParams) {
    const existing = query[name];
    query[name] =
      existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return query;
}
