import { createHmac } from "node:crypto";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { jsonOf, StandinServer, type StandinAnswer } from "./standin-server.js";
// PagerDuty's own request schema of the Events API v2 (from its published OpenAPI description).
import eventsSchema from "./pagerduty-events-v2.schema.json" with { type: "json" };

/** A PagerDuty alert as the stand-in keeps it, by dedup key. */
export interface StandinIncident {
  readonly dedupKey: string;
  status: "triggered" | "acknowledged" | "resolved";
  summary: string;
  /** Every event received for it, in order. */
  readonly events: { action: string; notify: readonly string[] }[];
}

/**
 * A stand-in for PagerDuty: the Events API v2 (`POST /v2/enqueue`) validated against PagerDuty's
 * own request schema, answering as PagerDuty does (202 with the dedup key; 400 with the errors; a
 * wrong routing key refused), and v3 webhooks sent back, signed with `X-PagerDuty-Signature`.
 */
export class PagerDutyStandin {
  readonly server: StandinServer;
  readonly incidents = new Map<string, StandinIncident>();
  private readonly validate;
  private eventCount = 0;

  constructor(
    private readonly options: {
      readonly routingKey: string;
      readonly webhookSecret: string;
      readonly webhookUrl?: string;
    },
  ) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    this.validate = ajv.compile(eventsSchema);
    this.server = new StandinServer((request) => this.handle(request));
  }

  async start(): Promise<this> {
    await this.server.start();
    return this;
  }

  get eventsUrl(): string {
    return `${this.server.url}/v2/enqueue`;
  }

  private handle(request: { method: string; path: string; body: string }): StandinAnswer {
    if (request.method !== "POST" || request.path !== "/v2/enqueue")
      return { status: 404, json: { status: "not found" } };
    const body = jsonOf(request.body);
    if (body === null)
      return {
        status: 400,
        json: {
          status: "invalid event",
          message: "Event object is invalid",
          errors: ["Request body is not valid JSON"],
        },
      };
    if (!this.validate(body)) {
      const errors = (this.validate.errors ?? []).map(
        (e) => `${e.instancePath || "event"} ${e.message ?? "is invalid"}`,
      );
      return { status: 400, json: { status: "invalid event", message: "Event object is invalid", errors } };
    }
    const event = body as {
      routing_key: string;
      event_action: string;
      dedup_key?: string;
      payload?: { summary: string; custom_details?: { notify?: string[] } };
    };
    if (event.routing_key !== this.options.routingKey)
      return {
        status: 400,
        json: {
          status: "invalid event",
          message: "Event object is invalid",
          errors: ["Invalid routing key"],
        },
      };
    const dedupKey = event.dedup_key ?? `standin-${++this.eventCount}`;
    let incident = this.incidents.get(dedupKey);
    if (event.event_action === "trigger") {
      if (!incident || incident.status === "resolved") {
        incident = { dedupKey, status: "triggered", summary: event.payload?.summary ?? "", events: [] };
        this.incidents.set(dedupKey, incident);
      }
      incident.summary = event.payload?.summary ?? incident.summary;
    } else if (incident && incident.status !== "resolved") {
      incident.status = event.event_action === "acknowledge" ? "acknowledged" : "resolved";
    }
    incident?.events.push({
      action: event.event_action,
      notify: event.payload?.custom_details?.notify ?? [],
    });
    return { status: 202, json: { status: "success", message: "Event processed", dedup_key: dedupKey } };
  }

  /**
   * Someone acknowledges (or resolves) the alert in PagerDuty: the stand-in sends the v3 webhook
   * PagerDuty sends, signed with the subscription's secret (or, to test forgery, another one).
   */
  async webhook(params: {
    readonly dedupKey: string;
    readonly type: "incident.acknowledged" | "incident.resolved";
    readonly agent: { readonly id: string; readonly name: string };
    readonly at: Date;
    readonly signWith?: string;
    readonly eventId?: string;
    readonly url?: string;
  }): Promise<number> {
    const incident = this.incidents.get(params.dedupKey);
    if (incident) incident.status = params.type === "incident.acknowledged" ? "acknowledged" : "resolved";
    const body = JSON.stringify({
      event: {
        id: params.eventId ?? `01${Math.random().toString(36).slice(2, 12).toUpperCase()}`,
        event_type: params.type,
        resource_type: "incident",
        occurred_at: params.at.toISOString(),
        agent: {
          html_url: `https://example.pagerduty.com/users/${params.agent.id}`,
          id: params.agent.id,
          self: `https://api.pagerduty.com/users/${params.agent.id}`,
          summary: params.agent.name,
          type: "user_reference",
        },
        client: null,
        data: {
          id: "Q1STANDIN",
          type: "incident",
          self: "https://api.pagerduty.com/incidents/Q1STANDIN",
          html_url: "https://example.pagerduty.com/incidents/Q1STANDIN",
          number: 1,
          status: params.type === "incident.acknowledged" ? "acknowledged" : "resolved",
          incident_key: params.dedupKey,
          created_at: params.at.toISOString(),
          title: incident?.summary ?? "",
          urgency: "high",
        },
      },
    });
    const signature = `v1=${createHmac("sha256", params.signWith ?? this.options.webhookSecret)
      .update(body, "utf8")
      .digest("hex")}`;
    const url = params.url ?? this.options.webhookUrl;
    if (!url) throw new Error("no webhook URL to send to");
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-pagerduty-signature": signature,
        "x-webhook-id": "standin",
        "user-agent": "PagerDuty-Webhook/V3.0",
      },
      body,
    });
    return response.status;
  }

  async close(): Promise<void> {
    await this.server.close();
  }
}

/** A schedule override as the stand-in keeps it. */
export interface StandinOverride {
  readonly id: string;
  readonly start: string;
  readonly end: string;
  readonly userId: string;
}

/**
 * PagerDuty's REST API for schedule overrides, as a stand-in: `Authorization: Token token=...`
 * or 401; `since` and `until` required to list; each new override needs start, end and a
 * user_reference (400 otherwise); a past override cannot be deleted.
 */
export class PagerDutyRestStandin {
  readonly server: StandinServer;
  readonly schedules = new Map<string, StandinOverride[]>();
  private next = 1;

  constructor(private readonly options: { readonly token: string; readonly now: () => number }) {
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
    if (request.headers["authorization"] !== `Token token=${this.options.token}`)
      return { status: 401, json: { error: { message: "Unauthorized", code: 2006 } } };
    const match = /^\/schedules\/([A-Z0-9]+)\/overrides(?:\/([A-Z0-9]+))?$/.exec(request.path);
    if (!match?.[1]) return { status: 404, json: { error: { message: "Not Found", code: 2100 } } };
    const list = this.schedules.get(match[1]) ?? [];
    this.schedules.set(match[1], list);
    if (request.method === "GET") {
      const since = request.query.get("since");
      const until = request.query.get("until");
      if (!since || !until)
        return {
          status: 400,
          json: {
            error: {
              message: "Invalid Input Provided",
              code: 2001,
              errors: ["since and until are required"],
            },
          },
        };
      const overrides = list.filter(
        (o) => Date.parse(o.end) > Date.parse(since) && Date.parse(o.start) < Date.parse(until),
      );
      return {
        status: 200,
        json: {
          overrides: overrides.map((o) => ({
            id: o.id,
            start: o.start,
            end: o.end,
            user: { id: o.userId, type: "user_reference" },
          })),
        },
      };
    }
    if (request.method === "POST" && !match[2]) {
      const body = jsonOf(request.body) as {
        overrides?: { start?: string; end?: string; user?: { id?: string; type?: string } }[];
      } | null;
      const entries = body?.overrides;
      if (!Array.isArray(entries) || entries.length === 0)
        return {
          status: 400,
          json: {
            error: {
              message: "Invalid Input Provided",
              code: 2001,
              errors: ["overrides must be a non-empty array"],
            },
          },
        };
      const bad = entries.find(
        (o) =>
          !o.start ||
          !o.end ||
          Number.isNaN(Date.parse(o.start)) ||
          Number.isNaN(Date.parse(o.end)) ||
          Date.parse(o.end) <= Date.parse(o.start) ||
          o.user?.type !== "user_reference" ||
          !o.user.id,
      );
      if (bad)
        return {
          status: 400,
          json: {
            error: {
              message: "Invalid Input Provided",
              code: 2001,
              errors: ["each override needs start < end and a user_reference"],
            },
          },
        };
      const created = entries.map((o) => ({
        id: `PO${String(this.next++).padStart(5, "0")}`,
        start: o.start ?? "",
        end: o.end ?? "",
        userId: o.user?.id ?? "",
      }));
      list.push(...created);
      return {
        status: 201,
        json: created.map((o) => ({
          status: 201,
          override: { id: o.id, start: o.start, end: o.end, user: { id: o.userId, type: "user_reference" } },
        })),
      };
    }
    if (request.method === "DELETE" && match[2]) {
      const index = list.findIndex((o) => o.id === match[2]);
      if (index < 0) return { status: 404, json: { error: { message: "Not Found", code: 2100 } } };
      const found = list[index];
      if (found && Date.parse(found.end) <= this.options.now())
        return { status: 400, json: { error: { message: "Cannot remove a past override", code: 2001 } } };
      list.splice(index, 1);
      return { status: 200, json: {} };
    }
    return { status: 405, json: { error: { message: "Method Not Allowed" } } };
  }

  async close(): Promise<void> {
    await this.server.close();
  }
}
