import { seedWithTickets, sweepUntilQuiet, withStack } from "./stack-bench.js";

/**
 * API requests of one sweep over 1,000 open tickets once they are up to date, and the writes of a
 * second sweep right after (a quiet sweep), once the app has brought every ticket up to date.
 */
export async function benchSweep(tickets = 1000): Promise<{ tickets: number; requests: number; quietWrites: number; settleSweeps: number; firstSweepRequests: number; operations: Record<string, number> }> {
  return withStack({ seed: seedWithTickets(tickets, "2026-11-02T10:00:00Z"), now: new Date("2026-12-02T11:00:00Z") }, async (stack) => {
    const { settleSweeps, firstSweepRequests } = await sweepUntilQuiet(stack);
    stack.emulator.log.reset();
    await stack.sweep();
    const measured = stack.emulator.log.summary().requests;
    const operations: Record<string, number> = {};
    for (const r of measured) operations[r.operationId ?? r.path] = (operations[r.operationId ?? r.path] ?? 0) + 1;
    const requests = measured.length;
    stack.emulator.log.reset();
    await stack.sweep();
    const quietWrites = stack.emulator.log.summary().writes;
    return { tickets, requests, quietWrites, settleSweeps, firstSweepRequests, operations };
  });
}
