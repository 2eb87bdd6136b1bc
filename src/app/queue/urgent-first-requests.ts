import { isWriteRequest } from "../../github/write-pacing.js";
import { deliveryRankContext, UNRANKED } from "./urgent-writes-first.js";

interface Waiting {
  readonly rank: number;
  readonly write: boolean;
  readonly order: number;
  readonly start: () => void;
}

/** The throttling plugin's job options: a retry comes with priority 0. */
interface JobOptions {
  readonly priority?: number;
}

/**
 * At most `maxConcurrent` requests in flight in this process, and when more wait, the most urgent
 * delivery's first: a P1 ticket's reads and card do not queue behind a hundred routine tickets'
 * reads. Within a rank writes go before reads (a write here has already waited for its write slot),
 * then first come. A retry goes first of all, as the throttling plugin asks.
 */
export class UrgentFirstRequests {
  private readonly waiting: Waiting[] = [];
  private running = 0;
  private order = 0;

  constructor(private readonly maxConcurrent: number) {}

  schedule<T>(
    jobOptions: JobOptions,
    task: (...args: unknown[]) => Promise<T>,
    ...args: unknown[]
  ): Promise<T> {
    const options = args[0] as Parameters<typeof isWriteRequest>[0] | undefined;
    const rank = jobOptions.priority === 0 ? 0 : (deliveryRankContext.getStore() ?? UNRANKED);
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({
        rank,
        write: options ? isWriteRequest(options) : false,
        order: this.order++,
        start: () => {
          this.running += 1;
          task(...args)
            .then(resolve, reject)
            .finally(() => {
              this.running -= 1;
              this.next();
            });
        },
      });
      this.next();
    });
  }

  private next(): void {
    while (this.running < this.maxConcurrent && this.waiting.length > 0) {
      let best = 0;
      for (let i = 1; i < this.waiting.length; i++) if (before(this.waiting[i], this.waiting[best])) best = i;
      const [chosen] = this.waiting.splice(best, 1);
      chosen?.start();
    }
  }
}

function before(a: Waiting | undefined, b: Waiting | undefined): boolean {
  if (!a || !b) return false;
  if (a.rank !== b.rank) return a.rank < b.rank;
  if (a.write !== b.write) return a.write;
  return a.order < b.order;
}

/**
 * The throttling plugin's `global` group for the app: one limiter for the whole process, urgent
 * first, in place of the plugin's first-come group (which, on Redis, made a P1 ticket's card wait
 * behind every instance's queued reads). Ten at a time per instance keeps several instances far
 * under GitHub's 100 concurrent requests.
 */
export function urgentFirstGlobalGroup(maxConcurrent = 10): { key: () => UrgentFirstRequests } {
  const limiter = new UrgentFirstRequests(maxConcurrent);
  return { key: () => limiter };
}
