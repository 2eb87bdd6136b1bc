import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { z } from "zod";
import {
  QUEUE_DEFAULTS,
  type DeadLetter,
  type QueuedDelivery,
  type WorkQueue,
  type WorkQueueParams,
} from "./work-queue.js";

const QUEUE_NAME = "firstline-deliveries";

const deliverySchema = z.object({
  id: z.string(),
  name: z.string(),
  payload: z.unknown(),
  rank: z.number().optional(),
});

/**
 * The work queue shared by every instance, in Redis with BullMQ: a delivery queued twice (GitHub's
 * redelivery reaching another instance) is one job; a job whose worker dies (a crash, `SIGKILL`)
 * is taken up by another instance once its lock lapses; failed jobs stay in BullMQ's failed list,
 * which is the dead-letter list.
 */
export class RedisWorkQueue implements WorkQueue {
  readonly kind = "redis";
  private readonly queue: Queue;
  private readonly worker: Worker;
  private readonly connections: Redis[];
  private readonly attempts: number;

  constructor(
    params: WorkQueueParams & {
      readonly url: string;
      /** How long a job stays with a worker that stopped renewing its lock (a crash) before another takes it. */
      readonly lockMs?: number;
    },
  ) {
    const { log } = params;
    this.attempts = params.attempts ?? QUEUE_DEFAULTS.attempts;
    const backoffMs = params.backoffMs ?? QUEUE_DEFAULTS.backoffMs;
    // BullMQ's workers block on Redis, so they need connections that never give up a command.
    const queueConnection = new Redis(params.url, { maxRetriesPerRequest: null });
    const workerConnection = new Redis(params.url, { maxRetriesPerRequest: null });
    this.connections = [queueConnection, workerConnection];
    this.queue = new Queue(QUEUE_NAME, {
      connection: queueConnection,
      defaultJobOptions: {
        attempts: this.attempts,
        backoff: { type: "exponential", delay: backoffMs },
        // Completed jobs are kept a day, so a redelivery of the same id is recognised and skipped.
        removeOnComplete: { age: 24 * 3600, count: 50_000 },
        removeOnFail: { count: 1000 },
      },
    });
    const lockMs = params.lockMs ?? 30_000;
    this.worker = new Worker(
      QUEUE_NAME,
      async (job) => {
        const { rank, ...delivery } = deliverySchema.parse(job.data);
        await params.work(rank === undefined ? delivery : { ...delivery, rank });
      },
      {
        connection: workerConnection,
        concurrency: params.concurrency ?? QUEUE_DEFAULTS.concurrency,
        lockDuration: lockMs,
        stalledInterval: lockMs,
        maxStalledCount: 2,
      },
    );
    this.worker.on("failed", (job, error) => {
      if (!job) return;
      const dead = job.attemptsMade >= this.attempts;
      const fields = { delivery: job.id, event: job.name, attempt: job.attemptsMade, reason: error.message };
      if (dead) log.error(fields, "delivery failed every attempt: dead letter");
      else log.warn(fields, "delivery failed: retrying");
    });
    this.worker.on("error", (error) => log.error({ reason: error.message }, "work queue error"));
  }

  async add(delivery: QueuedDelivery, rank: number): Promise<void> {
    // BullMQ's custom ids may not contain ':'.
    await this.queue.add(delivery.name, delivery, {
      jobId: `d-${delivery.id.replace(/:/g, "_")}`,
      priority: rank,
    });
  }

  async deadLetters(): Promise<DeadLetter[]> {
    const failed = await this.queue.getFailed(0, 99);
    return failed.map((job) => ({
      id: String(job.id ?? ""),
      name: job.name,
      reason: job.failedReason,
      failedAt: job.finishedOn ?? job.timestamp,
    }));
  }

  async idle(): Promise<void> {
    for (;;) {
      const counts = await this.queue.getJobCounts(
        "waiting",
        "active",
        "delayed",
        "prioritized",
        "waiting-children",
      );
      if (Object.values(counts).every((n) => n === 0)) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async close(): Promise<void> {
    await this.worker.close();
    await this.queue.close();
    await Promise.all(this.connections.map((c) => c.quit().catch(() => undefined)));
  }
}
