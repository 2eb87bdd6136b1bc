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

  constructor(private readonly acquire: () => Promise<void>) {}

  /**
   * Runs `task` in its turn: lower rank first, then first come. A task that makes several writes
   * in one request (`slots`) goes in one slot, and the writes after it wait the slots it borrowed,
   * so the pace over a minute stays what GitHub asks.
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
        const next = this.waiting.shift();
        if (!next) continue;
        await next.start();
        for (let borrowed = 1; borrowed < next.slots; borrowed++) await this.acquire().catch(() => undefined);
      }
    } finally {
      this.running = false;
    }
  }
}
