/**
 * Runs a job every `everyMinutes`, at `offsetMinutes` past each slot (off the hour, when
 * GitHub's own scheduled load peaks), never two at once. A run that has not ended after
 * `maxRunMinutes` (every request has a time limit, so this means something is wrong) is reported
 * and no longer holds back the next: the schedule never stays stuck "running". Returns a stop
 * function.
 */
export function scheduleEvery(params: {
  readonly everyMinutes: number;
  readonly offsetMinutes: number;
  readonly now: () => number;
  readonly job: () => Promise<void>;
  readonly onError: (error: unknown) => void;
  readonly maxRunMinutes?: number;
}): () => void {
  const { everyMinutes, offsetMinutes, now, job, onError } = params;
  const maxRunMs = (params.maxRunMinutes ?? 30) * 60_000;
  const period = everyMinutes * 60_000;
  const offset = offsetMinutes * 60_000;
  let running: { since: number; run: number } | null = null;
  let runs = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const arm = () => {
    if (stopped) return;
    const t = now();
    const next = Math.floor((t - offset) / period) * period + period + offset;
    timer = setTimeout(fire, next - t);
    timer.unref();
  };
  const fire = () => {
    if (running && now() - running.since > maxRunMs) {
      onError(
        new Error(
          `the scheduled job started ${Math.round((now() - running.since) / 60_000)} minutes ago has not ended; starting the next one`,
        ),
      );
      running = null;
    }
    if (!running) {
      const mine = { since: now(), run: ++runs };
      running = mine;
      job()
        .catch(onError)
        .finally(() => {
          if (running === mine) running = null;
        });
    }
    arm();
  };
  arm();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
