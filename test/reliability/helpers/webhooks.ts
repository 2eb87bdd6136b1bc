import { createHmac, randomUUID } from "node:crypto";
import type { DeliveryRecord } from "../../../dev/emulator/webhooks/dispatcher.js";
import type { Stack } from "./stack.js";

/** `sha256=<HMAC of the exact body>`, as GitHub signs a delivery. */
export function sign(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/**
 * Posts a webhook to the app as GitHub would. `signature` overrides the header (null leaves it
 * out), so tests can send wrong or missing signatures.
 */
export async function postWebhook(params: {
  readonly url: string;
  readonly event: string;
  readonly body: string | Buffer;
  readonly secret: string;
  readonly id?: string;
  readonly signature?: string | null;
  readonly contentType?: string;
}): Promise<number> {
  const headers: Record<string, string> = {
    "content-type": params.contentType ?? "application/json",
    "x-github-event": params.event,
    "x-github-delivery": params.id ?? randomUUID(),
    "user-agent": "GitHub-Hookshot/reliability",
  };
  const signature = params.signature === undefined ? sign(params.secret, params.body) : params.signature;
  if (signature !== null) headers["x-hub-signature-256"] = signature;
  const response = await fetch(params.url, { method: "POST", headers, body: params.body });
  await response.arrayBuffer();
  return response.status;
}

/** The emulator's delivery of `issues.opened` for one issue. */
export function openedDelivery(stack: Stack, repo: string, number: number): DeliveryRecord {
  const found = stack.emulator
    .deliveries()
    .find(
      (d) =>
        d.event === "issues" &&
        d.action === "opened" &&
        !d.redelivery &&
        (d.payload["issue"] as { number: number }).number === number &&
        (d.payload["repository"] as { full_name: string }).full_name === repo,
    );
  if (!found) throw new Error(`no issues.opened delivery for ${repo}#${number}`);
  return found;
}
