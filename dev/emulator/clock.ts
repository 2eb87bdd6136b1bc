/**
 * The emulator's clock: every timestamp the emulated GitHub writes comes from here. It stands
 * still unless a test or scenario sets or advances it, so runs are repeatable.
 */
export interface EmulatorClock {
  /** The current emulated instant (a fresh Date each call). */
  readonly now: () => Date;
  /** Jumps to an instant; going backwards is allowed (tests sometimes need it). */
  readonly set: (instant: Date) => void;
  /** Moves forward by whole or fractional minutes. */
  readonly advance: (params: { readonly minutes: number }) => void;
}

/** A clock starting at `start`. */
export function createClock(start: Date): EmulatorClock {
  let current = start.getTime();
  if (Number.isNaN(current)) throw new Error("the emulator clock needs a valid start instant");
  return {
    now: () => new Date(current),
    set: (instant) => {
      if (Number.isNaN(instant.getTime())) throw new Error("not a valid instant");
      current = instant.getTime();
    },
    advance: ({ minutes }) => {
      if (!Number.isFinite(minutes)) throw new Error("minutes must be a finite number");
      current += Math.round(minutes * 60_000);
    },
  };
}

/** GitHub's timestamp format: ISO 8601 in UTC without milliseconds (`2026-10-16T16:00:00Z`). */
export function githubTime(instant: Date): string {
  return `${instant.toISOString().slice(0, 19)}Z`;
}
