/**
 * How long handling one hostile input may take before the test calls it runaway work (an alias bomb
 * expanded, a pattern backtracking). Normal handling takes milliseconds and runaway work takes
 * minutes, so a limit this far from both holds on a busy machine and still catches the fault.
 */
export const RUNAWAY_MS = 10_000;
