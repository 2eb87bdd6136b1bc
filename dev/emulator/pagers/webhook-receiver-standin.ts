import { createHmac, timingSafeEqual } from "node:crypto";
import { Ajv } from "ajv";
import { jsonOf, StandinServer, type StandinAnswer } from "./standin-server.js";

/** The generic pager webhook's body, as the README documents it. */
const webhookBodySchema = {
  type: "object",
  additionalProperties: false,
  required: [
    "version",
    "source",
    "id",
    "action",
    "key",
    "message",
    "notify",
    "by",
    "client",
    "repo",
    "issue",
    "url",
    "at",
  ],
  properties: {
    version: { const: 1 },
    source: { const: "firstline" },
    id: { type: "string", minLength: 1 },
    action: { enum: ["trigger", "escalate", "acknowledge", "resolve"] },
    key: { type: "string", minLength: 1 },
    message: { type: "string" },
    notify: { type: "array", items: { type: "string" } },
    by: { type: ["string", "null"] },
    client: { type: ["string", "null"] },
    repo: { type: "string" },
    issue: { type: "integer", minimum: 1 },
    url: { type: "string" },
    at: { type: "string" },
  },
} as const;

/**
 * A stand-in for whatever receives the generic pager webhook (a phone gateway, a relay): it
 * refuses a missing or wrong `X-Firstline-Signature` (401) and a body that is not the documented
 * one (400), keeps what it accepted, and can send an acknowledgement back, signed the same way.
 */
export class WebhookReceiverStandin {
  readonly server: StandinServer;
  readonly accepted: { action: string; key: string; notify: readonly string[] }[] = [];
  private readonly validate;

  constructor(private readonly options: { readonly secret: string; readonly ackUrl?: string }) {
    this.validate = new Ajv({ allErrors: true, strict: false }).compile(webhookBodySchema);
    this.server = new StandinServer((request) => this.handle(request));
  }

  async start(): Promise<this> {
    await this.server.start();
    return this;
  }

  get url(): string {
    return `${this.server.url}/page`;
  }

  private handle(request: {
    method: string;
    path: string;
    headers: Readonly<Record<string, string>>;
    body: string;
  }): StandinAnswer {
    if (request.method !== "POST" || request.path !== "/page")
      return { status: 404, json: { message: "not found" } };
    if (!verify(request.body, request.headers["x-firstline-signature"], this.options.secret))
      return { status: 401, json: { message: "bad or missing signature" } };
    const body = jsonOf(request.body);
    if (!this.validate(body))
      return {
        status: 400,
        json: {
          message: (this.validate.errors ?? [])
            .map((e) => `${e.instancePath || "body"} ${e.message ?? ""}`)
            .join("; "),
        },
      };
    const event = body as { action: string; key: string; notify: string[] };
    this.accepted.push({ action: event.action, key: event.key, notify: event.notify });
    return { status: 202, json: { accepted: true } };
  }

  /** The gateway reports that someone acknowledged: a signed POST to Firstline. */
  async acknowledge(params: {
    readonly key: string;
    readonly by: string;
    readonly id: string;
    readonly at: Date;
    readonly signWith?: string;
    readonly url?: string;
  }): Promise<number> {
    const body = JSON.stringify({
      action: "acknowledge",
      key: params.key,
      by: params.by,
      id: params.id,
      at: params.at.toISOString(),
    });
    const signature = `sha256=${createHmac("sha256", params.signWith ?? this.options.secret)
      .update(body, "utf8")
      .digest("hex")}`;
    const url = params.url ?? this.options.ackUrl;
    if (!url) throw new Error("no acknowledgement URL to send to");
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-firstline-signature": signature },
      body,
    });
    return response.status;
  }

  async close(): Promise<void> {
    await this.server.close();
  }
}

function verify(body: string, header: string | undefined, secret: string): boolean {
  if (!header) return false;
  const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
