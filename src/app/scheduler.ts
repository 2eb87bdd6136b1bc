/**
 * Runs a job every `everyMinutes`, at `offsetMinutes` past each slot (off the hour, when
 * GitHub's own scheduled load peaks), never two at once. Returns a stop function.
 */
export function scheduleEvery(params: {
  readonly everyMinutes: number;
  readonly offsetMinutes: number;
  readonly now: () => number;
  readonly job: () => Promise<void>;
  readonly onError: (error: unknown) => void;
}): () => void {
  const { everyMinutes, offsetMinutes, now, job, onError } = params;
  const period = everyMinutes * 60_000;
  const offset = offsetMinutes * 60_000;
  let running = false;
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
    if (!running) {
      running = true;
      job()
        .catch(onError)
        .finally(() => {
          running = false;
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
