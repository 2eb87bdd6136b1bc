import { createHmac, randomUUID } from "node:crypto";
import { githubTime } from "../clock.js";
import type { JsonObject } from "../shapes/context.js";
import type { WebhookEvent } from "./payloads.js";

/** Where webhooks go: the app's URL and the secret they are signed with. */
export interface WebhookTarget {
  readonly url: string;
  readonly secret?: string | undefined;
}

/** One attempt to deliver a webhook, as GitHub's "Recent deliveries" page shows it. */
export interface DeliveryRecord {
  /** The `X-GitHub-Delivery` id; a redelivery keeps the original id. */
  readonly id: string;
  readonly event: string;
  readonly action: string | null;
  /** The app's HTTP status, or null when nothing answered. */
  status: number | null;
  error: string | null;
  readonly redelivery: boolean;
  /** Emulator time when it was sent. */
  deliveredAt: string | null;
  durationMs: number | null;
  readonly payload: JsonObject;
  /** The exact bytes sent (and signed). */
  readonly body: string;
}

/** HMAC-SHA256 of the exact body, as in `X-Hub-Signature-256`. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/**
 * Sends webhooks one at a time, in the order the changes happened, after the API response that
 * caused them. Every attempt is recorded.
 */
export class WebhookDispatcher {
  private target: WebhookTarget | null;
  private readonly queue: DeliveryRecord[] = [];
  private readonly records: DeliveryRecord[] = [];
  private running = false;

  constructor(
    private readonly options: {
      readonly target: WebhookTarget | null;
      readonly now: () => Date;
      readonly appId: number;
      readonly timeoutMs: number;
      readonly onSettled: () => void;
    },
  ) {
    this.target = options.target;
  }

  setTarget(target: WebhookTarget | null): void {
    this.target = target;
  }

  getTarget(): WebhookTarget | null {
    return this.target;
  }

  /** Queues new deliveries; they start once the current call stack (the API answer) is done. */
  enqueue(events: readonly WebhookEvent[]): void {
    for (const event of events) {
      this.push({
        id: randomUUID(),
        event: event.name,
        action: event.action,
        status: null,
        error: null,
        redelivery: false,
        deliveredAt: null,
        durationMs: null,
        payload: event.payload,
        body: JSON.stringify(event.payload),
      });
    }
  }

  /** Sends a recorded delivery again: same id, same bytes. */
  redeliver(deliveryId: string): DeliveryRecord {
    const original = this.records.find((record) => record.id === deliveryId);
    if (!original) throw new Error(`no delivery with id ${deliveryId}`);
    const again: DeliveryRecord = {
      ...original,
      status: null,
      error: null,
      redelivery: true,
      deliveredAt: null,
      durationMs: null,
    };
    this.push(again);
    return again;
  }

  deliveries(): readonly DeliveryRecord[] {
    return this.records;
  }

  clear(): void {
    this.records.length = 0;
  }

  /** True while a delivery is queued or in flight. */
  busy(): boolean {
    return this.running || this.queue.length > 0;
  }

  private push(record: DeliveryRecord): void {
    this.queue.push(record);
    this.records.push(record);
    if (!this.running) {
      this.running = true;
      setImmediate(() => void this.drain());
    }
  }

  private async drain(): Promise<void> {
    for (let next = this.queue.shift(); next; next = this.queue.shift()) await this.send(next);
    this.running = false;
    this.options.onSettled();
  }

  private async send(record: DeliveryRecord): Promise<void> {
    record.deliveredAt = githubTime(this.options.now());
    const target = this.target;
    if (!target) {
      record.error = "no webhook URL configured";
      return;
    }
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "user-agent": "GitHub-Hookshot/firstline-emulator",
      "x-github-event": record.event,
      "x-github-delivery": record.id,
      "x-github-hook-id": "1",
      "x-github-hook-installation-target-type": "integration",
      "x-github-hook-installation-target-id": String(this.options.appId),
    };
    if (target.secret) {
      headers["x-hub-signature-256"] = signBody(target.secret, record.body);
      headers["x-hub-signature"] =
        `sha1=${createHmac("sha1", target.secret).update(record.body).digest("hex")}`;
    }
    const started = performance.now();
    try {
      const response = await fetch(target.url, {
        method: "POST",
        headers,
        body: record.body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      await response.arrayBuffer();
      record.status = response.status;
    } catch (error) {
      record.error = (error as Error).message;
    } finally {
      record.durationMs = Math.round(performance.now() - started);
    }
  }
}
