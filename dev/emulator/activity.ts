/**
 * Knows whether the emulator is quiet: no API request being answered and no webhook queued or in
 * flight. Tests await `waitForIdle()` to let the app finish reacting to a change.
 */
export class Activity {
  private requests = 0;
  private waiters: { resolve: () => void; timer: NodeJS.Timeout }[] = [];

  constructor(private readonly deliveriesBusy: () => boolean) {}

  begin(): void {
    this.requests += 1;
  }

  end(): void {
    this.requests -= 1;
    this.changed();
  }

  busy(): boolean {
    return this.requests > 0 || this.deliveriesBusy();
  }

  /** Called whenever something may have become quiet. */
  changed(): void {
    if (this.waiters.length === 0 || this.busy()) return;
    // Look again a moment later: an app often makes its next call right after answering a webhook.
    setTimeout(() => {
      if (this.busy()) return;
      const waiting = this.waiters;
      this.waiters = [];
      for (const waiter of waiting) {
        clearTimeout(waiter.timer);
        waiter.resolve();
      }
    }, 5);
  }

  /** Resolves once quiet; rejects after `timeoutMs` so a stuck app fails a test instead of hanging it. */
  waitForIdle(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter.timer !== timer);
        reject(new Error(`the emulator was still busy after ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push({ resolve, timer });
      this.changed();
    });
  }
}
