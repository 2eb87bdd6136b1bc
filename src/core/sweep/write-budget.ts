/** GitHub's secondary limits for content creation. */
export const WRITE_LIMITS = { perMinute: 80, perHour: 500 } as const;

/**
 * How many writes may be made now without crossing GitHub's secondary limits, given when the
 * recent writes were made. What does not fit is left for the next sweep.
 */
export function writeAllowance(params: {
  readonly recentWrites: readonly number[];
  readonly now: number;
  readonly limits?: { perMinute: number; perHour: number };
}): number {
  const limits = params.limits ?? WRITE_LIMITS;
  const lastMinute = params.recentWrites.filter((t) => t > params.now - 60_000).length;
  const lastHour = params.recentWrites.filter((t) => t > params.now - 3_600_000).length;
  return Math.max(0, Math.min(limits.perMinute - lastMinute, limits.perHour - lastHour));
}
