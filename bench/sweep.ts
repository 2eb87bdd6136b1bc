import { startAnotherApp, SWEEP_SECRET, type Stack } from "../dev/demo/stack.js";
import { seedWithTickets, sweepUntilQuiet, withStack } from "./stack-bench.js";

/** A second app process on the same GitHub, as after a restart; its sweep is called over HTTP. */
async function restartedApp(
  stack: Stack,
): Promise<{ sweep: () => Promise<void>; close: () => Promise<void> }> {
  const app = await startAnotherApp({ emulator: stack.emulator, sweepSecret: SWEEP_SECRET });
  return {
    sweep: async () => {
      await fetch(`${app.url}/firstline/sweep`, {
        method: "POST",
        headers: { authorization: `Bearer ${SWEEP_SECRET}` },
      });
      await stack.settle();
    },
    close: () => app.close(),
  };
}

/**
 * API requests of one sweep over 1,000 open tickets once they are up to date, and the writes of a
 * second sweep right after (a quiet sweep), once the app has brought every ticket up to date.
 */
export async function benchSweep(
  tickets = 1000,
  options: { readonly longTickets?: number; readonly commentsEach?: number } = {},
): Promise<{
  tickets: number;
  requests: number;
  quietWrites: number;
  settleSweeps: number;
  firstSweepRequests: number;
  restartRequests: number;
  operations: Record<string, number>;
}> {
  return withStack(
    {
      seed: seedWithTickets(tickets, "2026-11-02T10:00:00Z", options),
      now: new Date("2026-12-02T11:00:00Z"),
    },
    async (stack) => {
      const { settleSweeps, firstSweepRequests } = await sweepUntilQuiet(stack);
      stack.emulator.log.reset();
      await stack.sweep();
      const measured = stack.emulator.log.summary().requests;
      const operations: Record<string, number> = {};
      for (const r of measured)
        operations[r.operationId ?? r.path] = (operations[r.operationId ?? r.path] ?? 0) + 1;
      const requests = measured.length;
      stack.emulator.log.reset();
      await stack.sweep();
      const quietWrites = stack.emulator.log.summary().writes;
      // A restart: a new process with cold caches (no ETags, installations or known dashboard).
      const restarted = await restartedApp(stack);
      stack.emulator.log.reset();
      await restarted.sweep();
      const restartRequests = stack.emulator.log.summary().requests.filter((r) => r.actor !== "app").length;
      await restarted.close();
      return {
        tickets,
        requests,
        quietWrites,
        settleSweeps,
        firstSweepRequests,
        restartRequests,
        operations,
      };
    },
  );
}
