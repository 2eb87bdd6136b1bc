import { agencySeed } from "../dev/demo/agency-seed.js";
import { withStack } from "./stack-bench.js";

/**
 * Every API request the app makes for one new ticket, counted by the emulator, once the app is
 * warm (its installation token and the repository's labels exist, as for every ticket but a
 * repository's first): the configuration read (a conditional request), the labels, the card.
 */
export async function benchTicket(): Promise<{
  requestsPerNewTicket: number;
  writesPerNewTicket: number;
  operations: Record<string, number>;
}> {
  return withStack({ seed: agencySeed(), now: new Date("2026-12-02T11:00:00Z") }, async (stack) => {
    const open = async (title: string) => {
      await stack.as("rosa").rest.issues.create({
        owner: "riverside",
        repo: "tenant-portal",
        title,
        body: "Please change the opening hours on the contact page.",
      });
      await stack.settle();
    };
    await open("Warm-up ticket");
    stack.emulator.log.reset();
    await open("Please update the opening hours");
    const log = stack.emulator.log.summary();
    const app = log.requests.filter((r) => r.actor !== "rosa");
    const operations: Record<string, number> = {};
    for (const r of app) operations[r.operationId ?? r.path] = (operations[r.operationId ?? r.path] ?? 0) + 1;
    return {
      requestsPerNewTicket: app.length,
      writesPerNewTicket: app.filter((r) => r.write).length,
      operations,
    };
  });
}
