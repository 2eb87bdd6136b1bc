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

  /** Forgets an id whose work failed, so GitHub's redelivery (the remedy for a failed delivery) runs it again. */
  forget(id: string): void {
    this.seen.delete(id);
  }

  /**
   * Runs `work` the first time a delivery id is seen; a repeat does nothing. If the work fails, the
   * id is forgotten, so a redelivery does it.
   */
  async once(id: string, work: () => Promise<void>): Promise<boolean> {
    if (!this.firstTime(id)) return false;
    try {
      await work();
      return true;
    } catch (error) {
      this.forget(id);
      throw error;
    }
  }
}
