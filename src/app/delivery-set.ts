/**
 * Remembers recent webhook delivery ids, so the same delivery handled twice (GitHub's retry, a
 * manual redelivery) does its work once. Bounded: the oldest ids are forgotten first.
 */
export class DeliverySet {
  private readonly seen = new Set<string>();
  constructor(private readonly capacity = 10_000) {}

  /** True the first time an id is offered, false for every repeat. */
  firstTime(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    if (this.seen.size > this.capacity) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }
}
