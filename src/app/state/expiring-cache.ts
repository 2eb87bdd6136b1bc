/**
 * A cache of this instance's own, for answers that are cheap to ask GitHub again (team members,
 * installations): each entry expires after `ttlMs`, and past `capacity` entries the oldest go first.
 * Nothing here decides anything that instances must agree on; that lives in the state store.
 */
export class ExpiringCache<V> {
  private readonly entries = new Map<string, { readonly value: V; readonly until: number }>();

  constructor(
    private readonly params: {
      readonly ttlMs: number;
      readonly now: () => number;
      readonly capacity?: number;
    },
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until > this.params.now()) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, until: this.params.now() + this.params.ttlMs });
    if (this.entries.size > (this.params.capacity ?? 10_000)) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  /** The cached value, or `load()`'s, kept for next time. */
  async through(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const value = await load();
    this.set(key, value);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
