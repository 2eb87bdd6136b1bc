/**
 * What "already sent" remembers: one key per event and recipient. Behind this small interface so it
 * can move to a shared store (several app instances) without touching the notifier.
 */
export interface SentLedger {
  /** Claims a key: true the first time, false once it is claimed (sent, or being sent). */
  claim(key: string): Promise<boolean>;
  /** Gives a claim back after a delivery failed for good, so a later event may try again. */
  release(key: string): Promise<void>;
}

/** The ledger in this process's memory, bounded (the oldest keys go first). */
export class MemorySentLedger implements SentLedger {
  private readonly keys = new Set<string>();
  constructor(private readonly limit = 50_000) {}

  claim(key: string): Promise<boolean> {
    if (this.keys.has(key)) return Promise.resolve(false);
    this.keys.add(key);
    if (this.keys.size > this.limit) {
      const oldest = this.keys.values().next().value;
      if (oldest !== undefined) this.keys.delete(oldest);
    }
    return Promise.resolve(true);
  }

  release(key: string): Promise<void> {
    this.keys.delete(key);
    return Promise.resolve();
  }
}
