/** A verified webhook delivery waiting to be worked on. */
export interface QueuedDelivery {
  /** GitHub's delivery id (`X-GitHub-Delivery`): the same delivery queued twice is one job. */
  readonly id: string;
  /** The event name (`X-GitHub-Event`). */
  readonly name: string;
  readonly payload: unknown;
  /** How urgent it is (1 first); its writes wait their turn by it. */
  readonly rank?: number;
}

/** A delivery that failed every attempt: kept, logged and counted on the dashboard. */
export interface DeadLetter {
  readonly id: string;
  readonly name: string;
  readonly reason: string;
  readonly failedAt: number;
}

/**
 * Deliveries acknowledged at once and worked on in the background: most urgent first (rank 1
 * before 2), a few at a time (so writes wait here, in order, rather than in the HTTP client's
 * limiter), each retried with backoff, and those that fail every attempt kept as dead letters.
 * Urgent deliveries (rank 1: P1 tickets, alerts, pages) have as many lanes again of their own, so
 * they start at once even while every routine lane waits on GitHub's write pace.
 */
export interface WorkQueue {
  readonly kind: "memory" | "redis";
  add(delivery: QueuedDelivery, rank: number): Promise<void>;
  /** Deliveries that failed every attempt, newest first (at most 100). */
  deadLetters(): Promise<DeadLetter[]>;
  /** Resolves once nothing is waiting, running or due for a retry. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** What the queue calls to work on a delivery; it throws to ask for a retry. */
export type DeliveryWorker = (delivery: QueuedDelivery) => Promise<void>;

export interface QueueLogger {
  error: (obj: object, msg?: string) => void;
  warn: (obj: object, msg?: string) => void;
}

/** What every work queue is built with. */
export interface WorkQueueParams {
  readonly work: DeliveryWorker;
  readonly log: QueueLogger;
  /** Attempts per delivery, the first included (default 5). */
  readonly attempts?: number;
  /** The wait before the first retry, doubled for each next one (default 2 s). */
  readonly backoffMs?: number;
  /** Routine deliveries worked on at once by one instance (default 4); urgent ones have four times as many lanes. */
  readonly concurrency?: number;
}

/** How many attempts a delivery gets, and how many are worked on at once by one instance. */
export const QUEUE_DEFAULTS = { attempts: 5, backoffMs: 2_000, concurrency: 4 } as const;

/**
 * Urgent deliveries' lanes: four times the routine ones. Urgent work is rare and spends its time
 * waiting for write slots and GitHub's answers, not on the CPU; with enough lanes, ten P1 tickets
 * at once are all at their card together and their cards share one request.
 */
export function urgentLanes(concurrency: number): number {
  return concurrency * 4;
}

/** Rank 1 (P1 tickets, security alerts, pages) works in lanes of its own. */
export function isUrgent(rank: number): boolean {
  return rank <= 1;
}
