import type * as Http from "node:http";
import type { Agent, IncomingHttpHeaders, IncomingMessage } from "node:http";
import type * as Zlib from "node:zlib";

/**
 * The part of `fetch` Octokit uses, on Node's own `http` and `https` modules, for the Action.
 *
 * Node's global `fetch` loads its HTTP client (undici) on the first call: about 60-80 ms before a
 * run's first request reaches GitHub, on every scheduled run. `http.request` is part of Node's
 * start-up snapshot. The modules are taken with `process.getBuiltinModule` rather than imported:
 * importing `node:http` as an ES module reads every one of its exports, and one of them loads
 * undici all the same.
 *
 * What it does as `fetch` does: follows redirects (at most 20; a 303, or a 301/302 after a POST,
 * goes on as a GET without its body; the Authorization header is not sent to another origin),
 * honours `redirect: "manual" | "error"`, decompresses gzip, deflate and brotli, rejects with the
 * signal's reason when aborted and with a `TypeError` whose `cause` is the network error when the
 * connection fails. Connections are kept open for the next request, and never keep a finished
 * run alive. What Octokit never asks for (streamed bodies, `Headers` objects) is refused, not guessed.
 */
export function nodeHttpFetch(
  options: {
    /** Told each time a request has been handed to the network in full (for a caller that waits on it). */
    readonly onSent?: () => void;
  } = {},
): typeof fetch {
  const agents = new Map<string, Agent>();
  const agentFor = (protocol: string): Agent => {
    let agent = agents.get(protocol);
    if (!agent) {
      agent = new (httpModule(protocol).Agent)({ keepAlive: true });
      agents.set(protocol, agent);
    }
    return agent;
  };
  const send = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    if (typeof input !== "string" && !(input instanceof URL))
      throw new TypeError("only a URL string or URL can be fetched");
    let url = new URL(input);
    let method = (init.method ?? "GET").toUpperCase();
    let body = bodyBytes(init.body);
    const headers = headerRecord(init.headers);
    const origin = url.origin;
    for (let redirects = 0; ; redirects++) {
      const answer = await exchange({
        url,
        method,
        headers,
        body,
        signal: init.signal ?? undefined,
        agentFor,
        onSent: options.onSent,
      });
      const location = answer.headers.location;
      const status = answer.statusCode ?? 0;
      if (!REDIRECTS.has(status) || typeof location !== "string" || init.redirect === "manual")
        return readResponse(answer, url, init.signal ?? undefined);
      answer.resume();
      if (init.redirect === "error") throw new TypeError(`fetch failed: redirected to ${location}`);
      if (redirects >= MAX_REDIRECTS) throw new TypeError("fetch failed: too many redirects");
      url = new URL(location, url);
      if (status === 303 || ((status === 301 || status === 302) && method === "POST")) {
        if (method !== "HEAD") method = "GET";
        body = undefined;
        delete headers["content-type"];
      }
      if (url.origin !== origin) delete headers["authorization"];
    }
  };
  return send as typeof fetch;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/**
 * The most an answer may hold, as sent and once decompressed: GitHub's largest pages are a few
 * megabytes; a broken proxy or a compressed bomb is refused rather than read into memory.
 */
export const MAX_ANSWER_BYTES = 64 * 1024 * 1024;
const MAX_REDIRECTS = 20;

type HttpModule = typeof Http;

function httpModule(protocol: string): HttpModule {
  if (protocol !== "http:" && protocol !== "https:")
    throw new TypeError(`fetch failed: ${protocol} is not HTTP`);
  return process.getBuiltinModule(protocol === "https:" ? "node:https" : "node:http") as HttpModule;
}

function bodyBytes(body: RequestInit["body"]): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return Buffer.from(body, "utf8");
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new TypeError("only a string or bytes can be sent as a body");
}

function headerRecord(headers: RequestInit["headers"]): Record<string, string> {
  const record: Record<string, string> = {};
  if (headers === undefined) return record;
  if (Array.isArray(headers)) {
    for (const [name, value] of headers as [string, string][]) record[name.toLowerCase()] = String(value);
    return record;
  }
  if (typeof (headers as { entries?: unknown }).entries === "function" && !isPlainObject(headers))
    throw new TypeError("headers must be a plain object");
  for (const [name, value] of Object.entries(headers)) record[name.toLowerCase()] = String(value);
  return record;
}

function isPlainObject(value: unknown): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function exchange(params: {
  readonly url: URL;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer | undefined;
  readonly signal: AbortSignal | undefined;
  readonly agentFor: (protocol: string) => Agent;
  readonly onSent: (() => void) | undefined;
}): Promise<IncomingMessage> {
  const { url, method, body, signal } = params;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const headers: Record<string, string> = {
      "accept-encoding": "gzip, deflate, br",
      ...params.headers,
      ...(body ? { "content-length": String(body.byteLength) } : {}),
    };
    const request = httpModule(url.protocol).request(url, {
      method,
      headers,
      agent: params.agentFor(url.protocol),
    });
    const onAbort = () => {
      request.destroy();
      reject(signal?.reason as Error);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    request.on("response", (answer) => {
      signal?.removeEventListener("abort", onAbort);
      resolve(answer);
    });
    request.on("error", (error) => {
      signal?.removeEventListener("abort", onAbort);
      reject(signal?.aborted ? (signal.reason as Error) : new TypeError("fetch failed", { cause: error }));
    });
    request.end(body, params.onSent);
  });
}

/** The answer read to its end (Octokit reads every body whole), decompressed, as a Response. */
function readResponse(answer: IncomingMessage, url: URL, signal: AbortSignal | undefined): Promise<Response> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onAbort = () => {
      answer.destroy();
      reject(signal?.reason as Error);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    answer.on("data", (chunk: Buffer) => {
      received += chunk.byteLength;
      if (received > MAX_ANSWER_BYTES) {
        signal?.removeEventListener("abort", onAbort);
        answer.destroy();
        reject(
          new TypeError("fetch failed", { cause: new Error(`the answer is over ${MAX_ANSWER_BYTES} bytes`) }),
        );
        return;
      }
      chunks.push(chunk);
    });
    answer.on("error", (error) => {
      signal?.removeEventListener("abort", onAbort);
      reject(new TypeError("fetch failed", { cause: error }));
    });
    answer.on("end", () => {
      signal?.removeEventListener("abort", onAbort);
      try {
        const bytes = decoded(Buffer.concat(chunks), answer.headers["content-encoding"]);
        resolve(answerAsResponse({ answer, url, bytes }));
      } catch (error) {
        reject(new TypeError("fetch failed", { cause: error }));
      }
    });
  });
}

function decoded(bytes: Buffer, encoding: string | undefined): Buffer {
  const coding = (encoding ?? "").trim().toLowerCase();
  if (coding === "" || coding === "identity" || bytes.byteLength === 0) return bytes;
  const zlib = process.getBuiltinModule("node:zlib") as typeof Zlib;
  const limit = { maxOutputLength: MAX_ANSWER_BYTES };
  if (coding === "gzip" || coding === "x-gzip") return zlib.gunzipSync(bytes, limit);
  if (coding === "deflate") return zlib.inflateSync(bytes, limit);
  if (coding === "br") return zlib.brotliDecompressSync(bytes, limit);
  throw new Error(`unknown content-encoding ${coding}`);
}

/** A Response with what Octokit reads: status, url, headers (iterable, `get`), text, JSON and bytes. */
function answerAsResponse(params: {
  readonly answer: IncomingMessage;
  readonly url: URL;
  readonly bytes: Buffer;
}): Response {
  const { answer, url, bytes } = params;
  const headers = new AnswerHeaders(answer.headers);
  const status = answer.statusCode ?? 0;
  const response = {
    status,
    statusText: answer.statusMessage ?? "",
    ok: status >= 200 && status < 300,
    url: url.href,
    redirected: false,
    headers,
    body: null,
    bodyUsed: false,
    text: () => Promise.resolve(bytes.toString("utf8")),
    json: () => Promise.resolve(JSON.parse(bytes.toString("utf8")) as unknown),
    arrayBuffer: () =>
      Promise.resolve(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)),
  };
  return response as unknown as Response;
}

/** Response headers as `fetch` gives them: lower-case names, repeated values joined. */
class AnswerHeaders {
  private readonly values = new Map<string, string>();

  constructor(headers: IncomingHttpHeaders) {
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined) continue;
      this.values.set(name.toLowerCase(), Array.isArray(value) ? value.join(", ") : value);
    }
  }

  get(name: string): string | null {
    return this.values.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.values.has(name.toLowerCase());
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return [...this.values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))[Symbol.iterator]();
  }

  entries(): IterableIterator<[string, string]> {
    return this[Symbol.iterator]();
  }
}
