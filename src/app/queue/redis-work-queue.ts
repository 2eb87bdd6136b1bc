import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { z } from "zod";
import {
  isUrgent,
  urgentLanes,
  QUEUE_DEFAULTS,
  type DeadLetter,
  type QueuedDelivery,
  type WorkQueue,
  type WorkQueueParams,
} from "./work-queue.js";

/** The routine deliveries' queue, and the urgent ones' (rank 1), each with its own workers. */
const QUEUE_NAMES = { routine: "firstline-deliveries", urgent: "firstline-deliveries-urgent" } as const;

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
  private readonly queues: { readonly routine: Queue; readonly urgent: Queue };
  private readonly workers: Worker[];
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
    const connect = () => new Redis(params.url, { maxRetriesPerRequest: null });
    const queueConnection = connect();
    this.connections = [queueConnection];
    const queue = (name: string) =>
      new Queue(name, {
        connection: queueConnection,
        defaultJobOptions: {
          attempts: this.attempts,
          backoff: { type: "exponential", delay: backoffMs },
          // Completed jobs are kept a day, so a redelivery of the same id is recognised and skipped.
          removeOnComplete: { age: 24 * 3600, count: 50_000 },
          removeOnFail: { count: 1000 },
        },
      });
    this.queues = { routine: queue(QUEUE_NAMES.routine), urgent: queue(QUEUE_NAMES.urgent) };
    const lockMs = params.lockMs ?? 30_000;
    const routineLanes = params.concurrency ?? QUEUE_DEFAULTS.concurrency;
    const worker = (name: string, concurrency: number) => {
      const connection = connect();
      this.connections.push(connection);
      const started = new Worker(
        name,
        async (job) => {
          const { rank, ...delivery } = deliverySchema.parse(job.data);
          await params.work(rank === undefined ? delivery : { ...delivery, rank });
        },
        {
          connection,
          concurrency,
          lockDuration: lockMs,
          stalledInterval: lockMs,
          maxStalledCount: 2,
        },
      );
      started.on("failed", (job, error) => {
        if (!job) return;
        const dead = job.attemptsMade >= this.attempts;
        const fields = {
          delivery: job.id,
          event: job.name,
          attempt: job.attemptsMade,
          reason: error.message,
        };
        if (dead) log.error(fields, "delivery failed every attempt: dead letter");
        else log.warn(fields, "delivery failed: retrying");
      });
      started.on("error", (error) => log.error({ reason: error.message }, "work queue error"));
      return started;
    };
    this.workers = [
      worker(QUEUE_NAMES.routine, routineLanes),
      worker(QUEUE_NAMES.urgent, urgentLanes(routineLanes)),
    ];
  }

  async add(delivery: QueuedDelivery, rank: number): Promise<void> {
    // BullMQ's custom ids may not contain ':'.
    // Two instances may rank one delivery differently (one has no configuration yet), so the same
    // delivery can be in both queues: the app's once-per-delivery lock makes the second a no-op.
    const queue = isUrgent(rank) ? this.queues.urgent : this.queues.routine;
    await queue.add(delivery.name, delivery, {
      jobId: `d-${delivery.id.replace(/:/g, "_")}`,
      priority: rank,
    });
  }

  async deadLetters(): Promise<DeadLetter[]> {
    const failed = [
      ...(await this.queues.urgent.getFailed(0, 99)),
      ...(await this.queues.routine.getFailed(0, 99)),
    ]
      .sort((a, b) => (b.finishedOn ?? b.timestamp) - (a.finishedOn ?? a.timestamp))
      .slice(0, 100);
    return failed.map((job) => ({
      id: String(job.id ?? ""),
      name: job.name,
      reason: job.failedReason,
      failedAt: job.finishedOn ?? job.timestamp,
    }));
  }

  async idle(): Promise<void> {
    for (;;) {
      const states = ["waiting", "active", "delayed", "prioritized", "waiting-children"] as const;
      const counts = [
        ...Object.values(await this.queues.routine.getJobCounts(...states)),
        ...Object.values(await this.queues.urgent.getJobCounts(...states)),
      ];
      if (counts.every((n) => n === 0)) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all([this.queues.routine.close(), this.queues.urgent.close()]);
    await Promise.all(this.connections.map((c) => c.quit().catch(() => undefined)));
  }
}
