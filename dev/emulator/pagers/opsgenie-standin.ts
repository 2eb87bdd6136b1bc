import { Ajv } from "ajv";
import { jsonOf, StandinServer, type StandinAnswer } from "./standin-server.js";

/**
 * The create-alert request of Opsgenie's Alert API, as its documentation states it: `message`
 * required (at most 130 characters), `alias` at most 512, responders typed, priority P1 to P5.
 */
const createAlertSchema = {
  type: "object",
  required: ["message"],
  properties: {
    message: { type: "string", minLength: 1, maxLength: 130 },
    alias: { type: "string", maxLength: 512 },
    description: { type: "string", maxLength: 15000 },
    responders: {
      type: "array",
      maxItems: 50,
      items: {
        type: "object",
        required: ["type"],
        properties: {
          type: { enum: ["team", "user", "escalation", "schedule"] },
          id: { type: "string" },
          name: { type: "string" },
          username: { type: "string" },
        },
        if: { properties: { type: { const: "user" } } },
        then: { anyOf: [{ required: ["id"] }, { required: ["username"] }] },
      },
    },
    visibleTo: { type: "array" },
    actions: { type: "array", maxItems: 10, items: { type: "string", maxLength: 50 } },
    tags: { type: "array", maxItems: 20, items: { type: "string", maxLength: 50 } },
    details: { type: "object", additionalProperties: { type: "string" } },
    entity: { type: "string", maxLength: 512 },
    source: { type: "string", maxLength: 100 },
    priority: { enum: ["P1", "P2", "P3", "P4", "P5"] },
    user: { type: "string", maxLength: 100 },
    note: { type: "string", maxLength: 25000 },
  },
} as const;

const actionSchema = {
  type: "object",
  properties: {
    user: { type: "string", maxLength: 100 },
    source: { type: "string", maxLength: 100 },
    note: { type: "string", maxLength: 25000 },
  },
} as const;

const responderSchema = {
  type: "object",
  required: ["responder"],
  properties: {
    responder: {
      type: "object",
      required: ["type"],
      properties: {
        type: { enum: ["team", "user", "escalation", "schedule"] },
        username: { type: "string" },
        id: { type: "string" },
        name: { type: "string" },
      },
    },
    user: { type: "string" },
    source: { type: "string" },
    note: { type: "string" },
  },
} as const;

/** An Opsgenie alert as the stand-in keeps it, by alias. */
export interface StandinAlert {
  readonly alias: string;
  status: "open" | "acknowledged" | "closed";
  readonly message: string;
  readonly responders: string[];
}

/**
 * A stand-in for Opsgenie's Alert API: `Authorization: GenieKey <key>` or 401, bodies validated
 * (422 with the reason, as Opsgenie answers), 202 "Request will be processed" otherwise, alerts kept
 * by alias; and Opsgenie's outgoing webhook sent back with the custom header it is configured with.
 */
export class OpsgenieStandin {
  readonly server: StandinServer;
  readonly alerts = new Map<string, StandinAlert>();
  private readonly validators;

  constructor(
    private readonly options: {
      readonly apiKey: string;
      readonly webhookSecret: string;
      readonly webhookUrl?: string;
    },
  ) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    this.validators = {
      create: ajv.compile(createAlertSchema),
      action: ajv.compile(actionSchema),
      responder: ajv.compile(responderSchema),
    };
    this.server = new StandinServer((request) => this.handle(request));
  }

  async start(): Promise<this> {
    await this.server.start();
    return this;
  }

  get apiUrl(): string {
    return this.server.url;
  }

  private handle(request: {
    method: string;
    path: string;
    query: URLSearchParams;
    headers: Readonly<Record<string, string>>;
    body: string;
  }): StandinAnswer {
    const auth = request.headers["authorization"] ?? "";
    if (!auth.startsWith("GenieKey "))
      return { status: 401, json: { message: "Could not authenticate", took: 0, requestId: "standin" } };
    if (auth.slice("GenieKey ".length) !== this.options.apiKey)
      return {
        status: 403,
        json: { message: "You are not authorized for this operation", took: 0, requestId: "standin" },
      };
    if (request.method !== "POST") return { status: 405, json: { message: "Method not allowed" } };
    const body = jsonOf(request.body);
    if (body === null) return unprocessable("Request body is not valid JSON");
    const accepted: StandinAnswer = {
      status: 202,
      json: {
        result: "Request will be processed",
        took: 0.01,
        requestId: `standin-${this.server.requests.length + 1}`,
      },
    };
    if (request.path === "/v2/alerts") {
      if (!this.validators.create(body)) return unprocessable(describe(this.validators.create.errors));
      const alert = body as { message: string; alias?: string; responders?: { username?: string }[] };
      const alias = alert.alias ?? alert.message;
      const existing = this.alerts.get(alias);
      if (!existing || existing.status === "closed")
        this.alerts.set(alias, {
          alias,
          status: "open",
          message: alert.message,
          responders: (alert.responders ?? []).map((r) => r.username ?? ""),
        });
      return accepted;
    }
    const match = /^\/v2\/alerts\/([^/]+)\/(acknowledge|close|responders)$/.exec(request.path);
    if (!match?.[1] || !match[2]) return { status: 404, json: { message: "Not found" } };
    if (request.query.get("identifierType") !== "alias")
      return unprocessable("identifierType must be alias here (the stand-in keeps alerts by alias)");
    const alias = decodeURIComponent(match[1]);
    const validate = match[2] === "responders" ? this.validators.responder : this.validators.action;
    if (!validate(body)) return unprocessable(describe(validate.errors));
    const alert = this.alerts.get(alias);
    // Opsgenie accepts the request and fails it later for an unknown alias; the stand-in does too.
    if (!alert) return accepted;
    if (match[2] === "acknowledge" && alert.status === "open") alert.status = "acknowledged";
    if (match[2] === "close") alert.status = "closed";
    if (match[2] === "responders")
      alert.responders.push((body as { responder: { username?: string } }).responder.username ?? "");
    return accepted;
  }

  /** Someone acknowledges or closes the alert in Opsgenie: its webhook integration posts the action. */
  async webhook(params: {
    readonly alias: string;
    readonly action: "Acknowledge" | "Close";
    readonly username: string;
    readonly secret?: string;
    readonly url?: string;
  }): Promise<number> {
    const alert = this.alerts.get(params.alias);
    if (alert) alert.status = params.action === "Acknowledge" ? "acknowledged" : "closed";
    const body = JSON.stringify({
      source: { name: "", type: "mobile" },
      alert: {
        updatedAt: Date.now() * 1000,
        tags: ["firstline"],
        message: alert?.message ?? "",
        username: params.username,
        alertId: "052652ac-standin",
        source: "Firstline",
        alias: params.alias,
        tinyId: "1",
        createdAt: Date.now(),
        userId: "daed1180-standin",
        entity: "",
      },
      action: params.action,
      integrationId: "37c8f316-standin",
      integrationName: "Firstline",
    });
    const url = params.url ?? this.options.webhookUrl;
    if (!url) throw new Error("no webhook URL to send to");
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${params.secret ?? this.options.webhookSecret}`,
      },
      body,
    });
    return response.status;
  }

  async close(): Promise<void> {
    await this.server.close();
  }
}

function unprocessable(message: string): StandinAnswer {
  return { status: 422, json: { message, took: 0, requestId: "standin" } };
}

function describe(errors: readonly { instancePath: string; message?: string }[] | null | undefined): string {
  return (errors ?? []).map((e) => `${e.instancePath || "body"} ${e.message ?? "is invalid"}`).join("; ");
}
