import { KeyedLock } from "../keyed-lock.js";
import { pendingPagesOver } from "./pending-pages.js";
import type { KeyedTexts, StateStore } from "./state-store.js";

/** Texts by key, in this instance's memory. */
function textsInMemory(): KeyedTexts {
  const map = new Map<string, string>();
  return {
    set: (key, value) => {
      map.set(key, value);
      return Promise.resolve();
    },
    delete: (key) => {
      map.delete(key);
      return Promise.resolve();
    },
    list: () => Promise.resolve([...map]),
  };
}

/**
 * The state of one instance, in its memory: what `npm run demo`, the tests and a single instance
 * use. Bounded: past `capacity` seen keys, the oldest are forgotten first. A restart forgets it
 * all; the sweep rebuilds the pages awaiting escalation from the issues.
 */
export class MemoryStateStore implements StateStore {
  readonly kind = "memory";
  private readonly seen = new Map<string, number>();
  private readonly locks = new KeyedLock();
  private readonly leases = new Map<string, number>();
  private readonly values = new Map<string, { readonly value: string; readonly until: number }>();

  constructor(private readonly params: { readonly now?: () => number; readonly capacity?: number } = {}) {}

  private now(): number {
    return this.params.now?.() ?? Date.now();
  }

  markSeen(key: string, ttlMs: number): Promise<boolean> {
    if (this.seenNow(key)) return Promise.resolve(false);
    this.seen.delete(key);
    this.seen.set(key, this.now() + ttlMs);
    if (this.seen.size > (this.params.capacity ?? 20_000)) {
      const oldest = this.seen.keys().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return Promise.resolve(true);
  }

  private seenNow(key: string): boolean {
    const until = this.seen.get(key);
    return until !== undefined && until > this.now();
  }

  isSeen(key: string): Promise<boolean> {
    return Promise.resolve(this.seenNow(key));
  }

  forgetSeen(key: string): Promise<void> {
    this.seen.delete(key);
    return Promise.resolve();
  }

  withLock<T>(key: string, task: () => Promise<T>): Promise<T> {
    return this.locks.run(key, task);
  }

  tryLease(name: string, ttlMs: number): Promise<boolean> {
    // One instance: the lease is always its own; it only stops one run overlapping the next.
    this.leases.set(name, this.now() + ttlMs);
    return Promise.resolve(true);
  }

  getValue(key: string): Promise<string | undefined> {
    const entry = this.values.get(key);
    if (entry && entry.until <= this.now()) this.values.delete(key);
    return Promise.resolve(entry && entry.until > this.now() ? entry.value : undefined);
  }

  setValue(key: string, value: string, ttlMs: number): Promise<void> {
    this.values.set(key, { value, until: this.now() + ttlMs });
    return Promise.resolve();
  }

  deleteValue(key: string): Promise<void> {
    this.values.delete(key);
    return Promise.resolve();
  }

  readonly pendingPages = pendingPagesOver(textsInMemory());
  readonly pendingMail = textsInMemory();

  close(): Promise<void> {
    return Promise.resolve();
  }
}
