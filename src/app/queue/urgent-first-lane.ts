interface WaitingWrite {
  readonly rank: number;
  readonly order: number;
  readonly start: () => Promise<void>;
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

  /** Runs `task` in its turn: lower rank first, then first come. */
  run<T>(rank: number, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ rank, order: this.order++, start: () => task().then(resolve, reject) });
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
        if (next) await next.start();
      }
    } finally {
      this.running = false;
    }
  }
}
