import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readBody, writeResponse } from "../http-io.js";

/** One request a stand-in received, with what it answered. */
export interface StandinRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly status: number;
}

/** An answer a stand-in gives. */
export interface StandinAnswer {
  readonly status: number;
  readonly json?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A scripted fault: the next request is answered with this instead of being handled. */
export type StandinFault = StandinAnswer;

/**
 * A small HTTP server for a vendor stand-in: it records every request with its answer, and
 * answers queued faults (a 429 with Retry-After, a 503) before handling requests normally.
 */
export class StandinServer {
  readonly requests: StandinRequest[] = [];
  private readonly faults: StandinFault[] = [];
  private server: Server | undefined;
  private base = "";

  constructor(
    private readonly handle: (request: {
      method: string;
      path: string;
      query: URLSearchParams;
      headers: Readonly<Record<string, string>>;
      body: string;
    }) => StandinAnswer,
  ) {}

  /** Answers the next requests with these, in order, before handling any normally. */
  failNext(...faults: StandinFault[]): void {
    this.faults.push(...faults);
  }

  get url(): string {
    return this.base;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.answer(req).then((answer) => {
        const body = answer.json === undefined ? "" : JSON.stringify(answer.json);
        writeResponse(res, { status: answer.status, headers: { ...(answer.headers ?? {}) }, body });
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async answer(req: IncomingMessage): Promise<StandinAnswer> {
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", "http://standin");
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === "string") headers[name] = value;
    const fault = this.faults.shift();
    let answer: StandinAnswer;
    try {
      answer =
        fault ??
        this.handle({
          method: req.method ?? "GET",
          path: url.pathname,
          query: url.searchParams,
          headers,
          body,
        });
    } catch (error) {
      answer = { status: 500, json: { message: (error as Error).message } };
    }
    this.requests.push({
      method: req.method ?? "GET",
      path: `${url.pathname}${url.search}`,
      headers,
      body,
      status: answer.status,
    });
    return answer;
  }
}

/** Parses a JSON body, or null when it is not JSON. */
export function jsonOf(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return null;
  }
}
