/**
 * GitHub's secondary limits on content a caller creates (issues, comments): at most 80 a minute
 * and 500 an hour. An email ticket creates two (the issue, its card), a reply one; a mailbox that
 * fills faster than that is taken in at this pace, the rest waiting in the mailbox for the next pass.
 */
export const CONTENT_WRITES_PER_MINUTE = 80;
export const CONTENT_WRITES_PER_HOUR = 500;

/** Content writes done, as `[at, count]` pairs, and whether `count` more fit at `now`. */
export function fitsWritePace(params: {
  readonly done: readonly (readonly [number, number])[];
  readonly now: number;
  readonly count: number;
}): boolean {
  const { done, now, count } = params;
  const within = (ms: number) => done.filter(([at]) => now - at < ms).reduce((sum, [, n]) => sum + n, 0);
  return (
    within(60_000) + count <= CONTENT_WRITES_PER_MINUTE &&
    within(3_600_000) + count <= CONTENT_WRITES_PER_HOUR
  );
}
