import {
  isUrgent,
  urgentLanes,
  QUEUE_DEFAULTS,
  type DeadLetter,
  type QueuedDelivery,
  type WorkQueue,
  type WorkQueueParams,
} from "./work-queue.js";

interface Waiting {
  readonly delivery: QueuedDelivery;
  readonly rank: number;
  readonly order: number;
  readonly attempt: number;
}

/**
 * The work queue of one instance, in its memory: a restart loses what was waiting (GitHub shows
 * those deliveries as answered; redeliver them from the app's settings). Use Redis to keep them.
 */
export class MemoryWorkQueue implements WorkQueue {
  readonly kind = "memory";
  private readonly waiting: Waiting[] = [];
  private readonly known = new Set<string>();
  private readonly dead: DeadLetter[] = [];
  private running = 0;
  private runningUrgent = 0;
  private retrying = 0;
  private order = 0;
  private idleWaiters: (() => void)[] = [];
  private closed = false;

  constructor(private readonly params: WorkQueueParams & { readonly now: () => number }) {}

  add(delivery: QueuedDelivery, rank: number): Promise<void> {
    if (this.closed || this.known.has(delivery.id)) return Promise.resolve();
    this.known.add(delivery.id);
    if (this.known.size > 20_000) {
      const oldest = this.known.values().next().value;
      if (oldest !== undefined) this.known.delete(oldest);
    }
    this.enqueue({ delivery, rank, order: this.order++, attempt: 1 });
    return Promise.resolve();
  }

  private enqueue(item: Waiting): void {
    // Kept sorted by rank, then arrival: the next job is always the first.
    let at = this.waiting.findIndex(
      (w) => w.rank > item.rank || (w.rank === item.rank && w.order > item.order),
    );
    if (at < 0) at = this.waiting.length;
    this.waiting.splice(at, 0, item);
    this.pump();
  }

  private pump(): void {
    const lanes = this.params.concurrency ?? QUEUE_DEFAULTS.concurrency;
    // Urgent deliveries have lanes of their own: they never wait for routine work to finish.
    for (let i = 0; !this.closed && i < this.waiting.length;) {
      const next = this.waiting[i];
      if (!next) break;
      const urgent = isUrgent(next.rank);
      if (urgent ? this.runningUrgent >= urgentLanes(lanes) : this.running >= lanes) {
        if (!urgent) break; // the rest rank lower still
        i += 1;
        continue;
      }
      this.waiting.splice(i, 1);
      if (urgent) this.runningUrgent += 1;
      else this.running += 1;
      void this.run(next).finally(() => {
        if (urgent) this.runningUrgent -= 1;
        else this.running -= 1;
        this.pump();
        this.checkIdle();
      });
    }
    this.checkIdle();
  }

  private async run(item: Waiting): Promise<void> {
    try {
      await this.params.work(item.delivery);
    } catch (error) {
      const attempts = this.params.attempts ?? QUEUE_DEFAULTS.attempts;
      const reason = error instanceof Error ? error.message : String(error);
      if (item.attempt >= attempts) {
        this.dead.unshift({
          id: item.delivery.id,
          name: item.delivery.name,
          reason,
          failedAt: this.params.now(),
        });
        this.dead.splice(100);
        this.params.log.error(
          { delivery: item.delivery.id, event: item.delivery.name, attempts, reason },
          "delivery failed every attempt: dead letter",
        );
        return;
      }
      this.params.log.warn(
        { delivery: item.delivery.id, event: item.delivery.name, attempt: item.attempt, reason },
        "delivery failed: retrying",
      );
      this.retrying += 1;
      const delay = (this.params.backoffMs ?? QUEUE_DEFAULTS.backoffMs) * 2 ** (item.attempt - 1);
      setTimeout(() => {
        this.retrying -= 1;
        this.enqueue({ ...item, attempt: item.attempt + 1 });
      }, delay).unref();
    }
  }

  private checkIdle(): void {
    if (this.waiting.length > 0 || this.running > 0 || this.runningUrgent > 0 || this.retrying > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  deadLetters(): Promise<DeadLetter[]> {
    return Promise.resolve([...this.dead]);
  }

  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.checkIdle();
    });
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}
