import { DEMO_PROJECT, withDemoProject } from "../dev/demo/project-and-service.js";
import { createProject, dumpProjectItems, projectsOf } from "../dev/emulator/graphql/projects-state.js";
import { readServiceHistory } from "../src/github/service-history.js";
import { transportOf } from "../src/github/transport.js";
import { AUTOMATION_USER } from "../dev/demo/agency-seed.js";
import { seedWithTickets, sweepUntilQuiet, withStack } from "./stack-bench.js";

type SweepResult = { sweeps: { project?: { deferred: number; items: number } }[] };

/**
 * Project writes of one sweep over 1,000 open tickets on the Project when 10 of them change
 * state. The Project is filled first, as the app would (sweeps 8 minutes apart within GitHub's
 * write limits), until every open ticket has its item and a sweep finds nothing to do. Then ten
 * new change requests come in on Monday morning and go on the Project; by the afternoon, nobody
 * having answered them, they have breached, and one sweep is measured. (Requests that triage
 * finds short of information are set waiting on the client, so their SLA pauses and never
 * breaches: the bench's earlier bug reports measured 0 for that reason.) The figure counts the sweep's
 * mutations, and `changed` the items whose values differ before and after it (read from the
 * emulator, not assumed), so a scenario in which the tickets do not change shows as such.
 */
export async function benchProjectSweep(tickets = 1000): Promise<{
  tickets: number;
  changed: number;
  changedFields: Record<string, number>;
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
    const openItems = () => dumpProjectItems(stack.emulator.state, DEMO_PROJECT).filter((i) => !i.archived);
    /**
     * Sweeps 8 minutes apart until one keeps the Project and finds nothing to write or defer (a
     * sweep whose Project step failed does not count as quiet: that stopped the filling early).
     */
    const fill = async (limit: number): Promise<number> => {
      let sweeps = 0;
      for (; sweeps < limit; sweeps++) {
        const before = mutations.length;
        stack.emulator.clock.advance({ minutes: 8 });
        const result = (await stack.sweep()) as SweepResult;
        if (mutations.length === before && result.sweeps.every((s) => s.project?.deferred === 0)) break;
      }
      return sweeps;
    };
    // GitHub's 80 writes a minute let one sweep add about ten tickets (a mutation per field),
    // and 500 an hour about seventy.
    const { settleSweeps } = await sweepUntilQuiet(stack);
    const fillSweeps = settleSweeps + (await fill(400));
    // Ten new change requests on Monday morning, put on the Project by the sweeps that follow.
    stack.emulator.clock.set(new Date("2026-12-07T10:00:00Z"));
    for (let i = 0; i < 10; i++) {
      await stack.as("pat").rest.issues.create({
        owner: "acme",
        repo: "website",
        title: `Unanswered ${i + 1}: please change the phone number`,
        body: `Please change the phone number on contact page ${i + 1} to 0161 496 0000.`,
      });
    }
    await stack.settle();
    await fill(20);
    const before = mutations.length;
    stack.emulator.clock.advance({ minutes: 5 });
    await stack.sweep();
    const quietProjectWrites = mutations.length - before;
    // Monday afternoon: nobody answered them (a first response within four working hours), so
    // all ten have breached.
    stack.emulator.clock.set(new Date("2026-12-07T16:00:00Z"));
    const valuesBefore = new Map(openItems().map((i) => [i.draft ?? `${i.repo}#${i.number}`, i.values]));
    const start = mutations.length;
    await stack.sweep();
    const sent = mutations.slice(start);
    const byMutation: Record<string, number> = {};
    for (const m of sent) byMutation[m.name] = (byMutation[m.name] ?? 0) + 1;
    const changedFields: Record<string, number> = {};
    let changed = 0;
    for (const item of openItems()) {
      const was = valuesBefore.get(item.draft ?? `${item.repo}#${item.number}`) ?? {};
      const fields = Object.keys({ ...was, ...item.values }).filter((f) => was[f] !== item.values[f]);
      if (fields.length > 0) changed += 1;
      for (const f of fields) changedFields[f] = (changedFields[f] ?? 0) + 1;
    }
    return {
      tickets: openItems().length,
      changed,
      changedFields,
      projectWrites: sent.length,
      byMutation,
      fillSweeps,
      quietProjectWrites,
    };
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
