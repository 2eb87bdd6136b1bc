import type { IncomingMessage, ServerResponse } from "node:http";
import type { Probot } from "probot";
import { deliveryRank } from "../core/delivery-priority.js";
import type { FirstlineService } from "./service.js";
import type { WorkQueue } from "./queue/work-queue.js";

/** GitHub sends at most 25 MB in a delivery. */
const MAX_DELIVERY_BYTES = 25 * 1024 * 1024;

function answer(res: ServerResponse, status: number, json: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(`${JSON.stringify(json)}\n`);
}

/**
 * Answers a webhook delivery at once: its signature is checked over the exact body (400 when bad,
 * nothing queued), then it is queued with its rank and answered 202; the queue's workers hand it
 * to the app's handlers. A queue that cannot take it (Redis down) answers 503, so GitHub shows
 * the delivery as failed and it can be redelivered.
 */
export async function acceptWebhook(params: {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly probot: Probot;
  readonly queue: WorkQueue;
  readonly service: FirstlineService;
}): Promise<void> {
  const { req, res, probot, queue, service } = params;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_DELIVERY_BYTES) return answer(res, 413, { message: "delivery larger than 25 MB" });
    chunks.push(chunk as Buffer);
  }
  const body = Buffer.concat(chunks).toString("utf8");
  const id = req.headers["x-github-delivery"];
  const name = req.headers["x-github-event"];
  const signature = req.headers["x-hub-signature-256"];
  if (
    typeof id !== "string" ||
    typeof name !== "string" ||
    typeof signature !== "string" ||
    id === "" ||
    name === ""
  ) {
    return answer(res, 400, { message: "missing X-GitHub-Delivery, X-GitHub-Event or X-Hub-Signature-256" });
  }
  if (!(await probot.webhooks.verify(body, signature).catch(() => false)))
    return answer(res, 400, { message: "signature does not match" });
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    return answer(res, 400, { message: "the body is not JSON" });
  }
  const rank = deliveryRank({ name, payload, config: service.lastGoodConfig });
  try {
    await queue.add({ id, name, payload, rank }, rank);
  } catch (error) {
    probot.log.error(
      { delivery: id, reason: error instanceof Error ? error.message : String(error) },
      "could not queue a delivery",
    );
    return answer(res, 503, { message: "the work queue is unavailable" });
  }
  answer(res, 202, { queued: id });
}
