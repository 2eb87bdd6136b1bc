import type { CommentOutcome as PartOutcome } from "../../github/comments-together.js";

interface Waiting<P> {
  readonly part: P;
  readonly settle: (outcome: PartOutcome) => void;
}

/**
 * Writes that may share one request, gathered while the one before is in flight: the first part
 * goes at once (in its own request, waiting for its write slot), and every part that arrives
 * meanwhile goes together in the next request, at most `max` to a request. So ten urgent cards
 * arriving within a second cost two requests, not ten slots a second apart. Each part's caller
 * learns its own outcome; a failed part never fails the others.
 */
export class WriteBatcher<P> {
  private readonly waiting: Waiting<P>[] = [];
  private sending = false;

  constructor(
    private readonly send: (parts: readonly P[]) => Promise<readonly PartOutcome[]>,
    private readonly max: number,
  ) {}

  /** Parts waiting for a request (not those in flight). */
  get waitingCount(): number {
    return this.waiting.length;
  }

  /** Resolves once the part is written; rejects with its own error when it is not. */
  submit(part: P): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({
        part,
        settle: (outcome) => (outcome.posted ? resolve() : reject(outcome.error)),
      });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, this.max);
        let outcomes: readonly PartOutcome[];
        try {
          outcomes = await this.send(batch.map((w) => w.part));
        } catch (error) {
          outcomes = batch.map(() => ({ posted: false, error }));
        }
        batch.forEach((w, i) =>
          w.settle(outcomes[i] ?? { posted: false, error: new Error("no outcome for this write") }),
        );
      }
    } finally {
      this.sending = false;
    }
  }
}
