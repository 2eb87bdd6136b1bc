import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { z } from "zod";

/** Escalates one page now, if a step is due (under the ticket's lock, decided from the issue). */
export type EscalateOne = (key: string) => Promise<void>;

interface WakeupLogger {
  error: (obj: object, msg?: string) => void;
}

/**
 * Wake-ups at the moment an escalation step falls due, so the second line is told at 5 minutes,
 * not at the next minute's check. Each wake-up only asks for the page to be looked at: the step is
 * decided from the issue as it is then, under the ticket's lock, so a wake-up that comes twice, late
 * or for a page acknowledged meanwhile sends nothing twice and nothing it should not. The minute
 * check stays as the net under them.
 */
export interface EscalationWakeups {
  /** Wakes the page `key` at `atMs` (the app's clock). The same key and time are one wake-up. */
  at(key: string, atMs: number): Promise<void>;
  /** Starts answering wake-ups (a long-lived server); until then this instance sets no timer. */
  start(escalate: EscalateOne, log: WakeupLogger): void;
  close(): Promise<void>;
}

/**
 * Timers in this process: lost with it, and rebuilt by the first minute's check after a start,
 * which looks at every page on the watch list and sets each one's next wake-up.
 */
export class TimerWakeups implements EscalationWakeups {
  private readonly timers = new Map<string, { readonly atMs: number; readonly timer: NodeJS.Timeout }>();
  private escalate: EscalateOne | undefined;
  private log: WakeupLogger | undefined;

  constructor(private readonly now: () => number) {}

  at(key: string, atMs: number): Promise<void> {
    if (!this.escalate || this.timers.get(key)?.atMs === atMs) return Promise.resolve();
    clearTimeout(this.timers.get(key)?.timer);
    const timer = setTimeout(
      () => {
        this.timers.delete(key);
        void this.escalate?.(key).catch((error: unknown) =>
          this.log?.error({ page: key, reason: String(error) }, "escalation wake-up failed"),
        );
      },
      Math.max(0, atMs - this.now()),
    );
    timer.unref();
    this.timers.set(key, { atMs, timer });
    return Promise.resolve();
  }

  start(escalate: EscalateOne, log: WakeupLogger): void {
    this.escalate = escalate;
    this.log = log;
  }

  /** The wake-ups set, by page (for tests and the dashboard). */
  pending(): ReadonlyMap<string, number> {
    return new Map([...this.timers].map(([key, { atMs }]) => [key, atMs]));
  }

  close(): Promise<void> {
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.escalate = undefined;
    return Promise.resolve();
  }
}

const QUEUE_NAME = "firstline-escalations";
const wakeupSchema = z.object({ key: z.string().min(1).max(300) });

/**
 * BullMQ delayed jobs on Redis: a wake-up outlives the instance that set it, and whichever
 * instance is alive when it falls due answers it. Every instance that sees a page sets the same
 * wake-up under the same job id (page and time), so it is one job.
 */
export class DelayedJobWakeups implements EscalationWakeups {
  private readonly connections: Redis[] = [];
  private readonly queue: Queue;
  private worker: Worker | undefined;

  constructor(private readonly params: { readonly url: string; readonly now: () => number }) {
    this.queue = new Queue(QUEUE_NAME, {
      connection: this.connect(),
      defaultJobOptions: {
        attempts: 3,
        backoff: { type: "exponential", delay: 5_000 },
        removeOnComplete: { age: 24 * 3600 },
        removeOnFail: { count: 1000 },
      },
    });
  }

  private connect(): Redis {
    const connection = new Redis(this.params.url, { maxRetriesPerRequest: null });
    this.connections.push(connection);
    return connection;
  }

  async at(key: string, atMs: number): Promise<void> {
    // BullMQ's custom ids may not contain ':'; a page key is `owner/name#number`.
    await this.queue.add(
      "escalate",
      { key },
      { jobId: `${key.replaceAll(":", "_")}@${atMs}`, delay: Math.max(0, atMs - this.params.now()) },
    );
  }

  /** The wake-ups waiting in Redis, by page and time (for tests). */
  async pending(): Promise<{ readonly key: string; readonly atMs: number; readonly id: string }[]> {
    const jobs = await this.queue.getDelayed();
    return jobs.flatMap((job) => {
      const parsed = wakeupSchema.safeParse(job.data);
      const atMs = Number(job.id?.split("@").pop());
      return parsed.success && job.id ? [{ key: parsed.data.key, atMs, id: job.id }] : [];
    });
  }

  /** Runs a waiting wake-up now (for tests, which cannot wait five minutes). */
  async promote(id: string): Promise<void> {
    await (await this.queue.getJob(id))?.promote();
  }

  start(escalate: EscalateOne, log: WakeupLogger): void {
    if (this.worker) return;
    this.worker = new Worker(
      QUEUE_NAME,
      async (job) => {
        await escalate(wakeupSchema.parse(job.data).key);
      },
      { connection: this.connect(), concurrency: 2 },
    );
    this.worker.on("failed", (job, error) =>
      log.error({ wakeup: job?.id, reason: error.message }, "escalation wake-up failed"),
    );
    this.worker.on("error", (error) => log.error({ reason: error.message }, "escalation wake-up error"));
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
    await Promise.all(this.connections.map((c) => c.quit().catch(() => undefined)));
  }
}
