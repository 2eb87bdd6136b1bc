import type { ProxyHooks } from "./api-proxy.js";

/**
 * What happens at the cut: `fail-after` lets the Nth write through and then the emulator fails
 * every request (its fault injection, `serverErrorShare: 1`), as when GitHub goes down mid-sweep;
 * `lose-answer` applies the Nth write but answers it 502, as when GitHub did the work and the
 * answer was lost on the way back, and then fails every request too.
 */
export type CutMode = "fail-after" | "lose-answer";

/** Proxy hooks that count the app's writes and cut GitHub off at the Nth. */
export interface WriteCutter {
  readonly hooks: ProxyHooks;
  /** Cut after `writes` more successful writes (0: the next request already fails). */
  readonly arm: (params: { readonly writes: number; readonly mode: CutMode }) => void;
  /** Back to passing everything through; the emulator's faults are the caller's to reset. */
  readonly disarm: () => void;
  /** Successful writes passed through so far. */
  readonly writes: () => number;
}

/** `cut` is called when the cut happens (it switches the emulator's faults on). */
export function writeCutter(params: { readonly cut: () => void }): WriteCutter {
  let total = 0;
  let armed: { left: number; mode: CutMode } | null = null;
  return {
    hooks: {
      after: (request, status) => {
        if (!request.write || status >= 400) return undefined;
        total += 1;
        if (!armed || --armed.left > 0) return undefined;
        const mode = armed.mode;
        armed = null;
        params.cut();
        return mode === "lose-answer" ? 502 : undefined;
      },
    },
    arm: ({ writes, mode }) => {
      armed = null;
      if (writes <= 0) params.cut();
      else armed = { left: writes, mode };
    },
    disarm: () => {
      armed = null;
    },
    writes: () => total,
  };
}
