import { afterEach, describe, expect, it, vi } from "vitest";
import { scheduleEvery } from "../../src/app/scheduler.js";

describe("the schedule", () => {
  afterEach(() => vi.useRealTimers());

  it("never stays stuck on a run that does not end: it reports it and starts the next", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-02T10:00:00Z") });
    const errors: string[] = [];
    let started = 0;
    const stop = scheduleEvery({
      everyMinutes: 5,
      offsetMinutes: 2,
      now: () => Date.now(),
      maxRunMinutes: 12,
      job: () => {
        started += 1;
        return new Promise<void>(() => undefined);
      },
      onError: (error) => errors.push((error as Error).message),
    });
    await vi.advanceTimersByTimeAsync(3 * 60_000);
    expect(started).toBe(1);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(started).toBe(1);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(started).toBe(2);
    expect(errors[0]).toMatch(/has not ended; starting the next one/);
    stop();
  });

  it("never runs two at once while a run is within its time", async () => {
    vi.useFakeTimers({ now: new Date("2026-12-02T10:00:00Z") });
    let running = 0;
    let most = 0;
    const stop = scheduleEvery({
      everyMinutes: 1,
      offsetMinutes: 0,
      now: () => Date.now(),
      job: async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 150_000));
        running -= 1;
      },
      onError: () => undefined,
    });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(most).toBe(1);
    stop();
  });
});
