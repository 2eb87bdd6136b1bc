/** Writes of this rank or more urgent may go before borrowed slots are paid back. */
const URGENT_RANK = 1;
/** Borrowed slots beyond which even urgent writes wait for them: a quarter of GitHub's 80 a minute. */
const MAX_URGENT_DEBT = 20;

interface WaitingWrite {
  readonly rank: number;
  readonly order: number;
  readonly start: () => Promise<void>;
  /** How many write slots it spends: a request that carries several writes borrows the slots after its own. */
  readonly slots: number;
}

/**
 * One installation's writes, one at a time: each waits for the next write slot (`acquire`: a
 * second after the last write, across instances with Redis), and only once the slot is there is
 * the most urgent waiting write chosen for it. So a P1 ticket's write that arrives while a routine
 * write waits for its slot takes that slot, rather than the one after.
 */
export class UrgentFirstLane {
  private readonly waiting: WaitingWrite[] = [];
  private running = false;
  private order = 0;
  /** Write slots borrowed by requests that carried several writes, not yet paid back. */
  private debt = 0;

  constructor(private readonly acquire: () => Promise<void>) {}

  /**
   * Runs `task` in its turn: lower rank first, then first come. A task that makes several writes
   * in one request (`slots`) goes in one slot and borrows the rest: the next routine write waits
   * until they are paid back, so the pace over a minute stays what GitHub asks, while urgent
   * writes go on.
   */
  run<T>(rank: number, task: () => Promise<T>, slots = 1): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({
        rank,
        order: this.order++,
        start: () => task().then(resolve, reject),
        slots: Math.max(1, Math.floor(slots)),
      });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        // A pace that cannot be asked (Redis down) lets the write go rather than hold every write.
        await this.acquire().catch(() => undefined);
        this.waiting.sort((a, b) => a.rank - b.rank || a.order - b.order);
        const next = this.waiting[0];
        if (!next) continue;
        // Slots borrowed by a request that carried several writes are paid back before the next
        // routine write (an urgent one goes on), or at once when the debt grows past a minute's
        // share, so the pace over a minute stays what GitHub asks.
        if (this.debt > 0 && (next.rank > URGENT_RANK || this.debt > MAX_URGENT_DEBT)) {
          this.debt -= 1;
          continue;
        }
        this.waiting.shift();
        this.debt += next.slots - 1;
        await next.start();
      }
    } finally {
      this.running = false;
    }
  }
}
