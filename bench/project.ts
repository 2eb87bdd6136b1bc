import { withDemoProject } from "../dev/demo/project-and-service.js";
import { createProject, projectsOf } from "../dev/emulator/graphql/projects-state.js";
import { readServiceHistory } from "../src/github/service-history.js";
import { transportOf } from "../src/github/transport.js";
import { AUTOMATION_USER } from "../dev/demo/agency-seed.js";
import { seedWithTickets, sweepUntilQuiet, withStack } from "./stack-bench.js";

/**
 * Project writes of one sweep over 1,000 open tickets on the Project when 10 of them change
 * state: once the Project is full and quiet, ten new tickets come in and are added; two working
 * days later, nobody having answered them, they have breached. The other 990 stay as they were.
 */
export async function benchProjectSweep(tickets = 1000): Promise<{
  tickets: number;
  changed: number;
  projectWrites: number;
  byMutation: Record<string, number>;
  fillSweeps: number;
  quietProjectWrites: number;
}> {
  const seed = seedWithTickets(tickets - 10, "2026-11-02T10:00:00Z", { editConfig: withDemoProject });
  return withStack({ seed, now: new Date("2026-12-03T10:30:00Z") }, async (stack) => {
    createProject(stack.emulator.state, {
      owner: "northgate",
      title: "Support queue",
      now: new Date("2026-12-01T09:00:00Z"),
    });
    const mutations = projectsOf(stack.emulator.state).mutations;
    // The Project is filled over many sweeps: GitHub's 80 writes a minute let one sweep add about
    // ten tickets (a mutation per field), and 500 an hour about seventy, so sweeps every 8 minutes.
    const { settleSweeps } = await sweepUntilQuiet(stack);
    let fillSweeps = settleSweeps;
    for (; fillSweeps < 400; fillSweeps++) {
      const before = mutations.length;
      stack.emulator.clock.advance({ minutes: 8 });
      const result = (await stack.sweep()) as { sweeps: { project?: { deferred: number } }[] };
      // Done when a sweep neither writes nor leaves anything for later (an hour's budget spent writes nothing but defers).
      if (mutations.length === before && result.sweeps.every((s) => (s.project?.deferred ?? 0) === 0)) break;
    }
    // Ten new tickets on Monday morning, added by the sweeps that follow.
    stack.emulator.clock.set(new Date("2026-12-07T10:00:00Z"));
    for (let i = 0; i < 10; i++) {
      await stack.as("pat").rest.issues.create({
        owner: "acme",
        repo: "website",
        title: `Unanswered ${i + 1}: the contact form does not send`,
        body: "The contact form does not send.",
      });
    }
    await stack.settle();
    for (let i = 0; i < 5; i++) {
      stack.emulator.clock.advance({ minutes: 2 });
      await stack.sweep();
    }
    const before = mutations.length;
    stack.emulator.clock.advance({ minutes: 2 });
    await stack.sweep();
    const quietProjectWrites = mutations.length - before;
    // Wednesday: nobody answered them, so all ten have breached.
    stack.emulator.clock.set(new Date("2026-12-09T09:00:00Z"));
    const start = mutations.length;
    await stack.sweep();
    const sent = mutations.slice(start);
    const byMutation: Record<string, number> = {};
    for (const m of sent) byMutation[m.name] = (byMutation[m.name] ?? 0) + 1;
    return { tickets, changed: 10, projectWrites: sent.length, byMutation, fillSweeps, quietProjectWrites };
  });
}

/** Requests to read a month's tickets for the charts, 2,000 closed tickets in it: one per hundred. */
export async function benchChartHistory(
  closed = 2000,
): Promise<{ closed: number; requests: number; tickets: number }> {
  const base = seedWithTickets(0, "2026-11-02T10:00:00Z");
  const opened = (i: number) =>
    new Date(Date.parse("2026-11-02T08:00:00Z") + i * 10 * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
  const issues = Array.from({ length: closed }, (_, i) => ({
    repo: "acme/website",
    title: `Closed ${i + 1}`,
    body: "Please change the text.",
    author: "pat",
    state: "closed" as const,
    labels: ["client: acme", "priority: P3", "type: change"],
    labeledBy: "alice-okafor",
    createdAt: opened(i),
    comments: [{ author: "alice-okafor", body: "Done.", createdAt: opened(i) }],
  }));
  return withStack(
    { seed: { ...base, issues: [...(base.issues ?? []), ...issues] }, now: new Date("2026-12-01T09:00:00Z") },
    async (stack) => {
      const gh = transportOf(stack.as(AUTOMATION_USER));
      stack.emulator.log.reset();
      // A month's charts, as the monthly report reads them: the tickets opened in November.
      const { tickets } = await readServiceHistory({
        gh,
        repos: ["acme/website"],
        now: Date.parse("2026-11-30T12:00:00Z"),
        zone: "Europe/London",
        months: 1,
        botLogin: stack.emulator.botLogin,
      });
      return { closed, requests: stack.emulator.log.summary().total, tickets: tickets.length };
    },
  );
}
