import { DateTime } from "luxon";
import { withDemoProject } from "../src/demo/project-and-service.js";
import { createProject, projectsOf } from "../src/emulator/graphql/projects-state.js";
import { readServiceHistory } from "../src/github/service-history.js";
import { transportOf } from "../src/github/transport.js";
import { AUTOMATION_USER } from "../src/demo/agency-seed.js";
import { seedWithTickets, sweepUntilQuiet, withStack } from "./stack-bench.js";

/**
 * Project writes of one sweep over 1,000 open tickets on the Project when 10 of them change
 * state (10 unanswered tickets breach their first response target; the other 990 stay as they
 * were), once the Project is up to date.
 */
export async function benchProjectSweep(tickets = 1000): Promise<{ tickets: number; changed: number; projectWrites: number; byMutation: Record<string, number>; fillSweeps: number; quietProjectWrites: number }> {
  const seed = seedWithTickets(tickets - 10, "2026-11-02T10:00:00Z", { editConfig: withDemoProject });
  // Ten tickets nobody has answered yet, opened at 10:00 on the day of the measurement.
  const unanswered = Array.from({ length: 10 }, (_, i) => ({
    repo: "acme/website",
    title: `Unanswered ${i + 1}: the contact form does not send`,
    body: "The contact form does not send.",
    author: "pat",
    labels: ["client: acme", "priority: P3", "type: bug"],
    labeledBy: "alice-okafor",
    createdAt: `2026-12-03T10:0${i}:00Z`,
  }));
  return withStack({ seed: { ...seed, issues: [...(seed.issues ?? []), ...unanswered] }, now: new Date("2026-12-03T10:30:00Z") }, async (stack) => {
    createProject(stack.emulator.state, { owner: "northgate", title: "Support queue", now: new Date("2026-12-01T09:00:00Z") });
    const mutations = projectsOf(stack.emulator.state).mutations;
    // The Project is filled over several sweeps (GitHub's write limits), then left quiet.
    const { settleSweeps } = await sweepUntilQuiet(stack);
    let before = mutations.length;
    await stack.sweep();
    const quietProjectWrites = mutations.length - before;
    // The next working day, the ten unanswered tickets have breached.
    stack.emulator.clock.set(DateTime.fromISO("2026-12-04T12:00:00Z").toJSDate());
    before = mutations.length;
    await stack.sweep();
    const sent = mutations.slice(before);
    const byMutation: Record<string, number> = {};
    for (const m of sent) byMutation[m.name] = (byMutation[m.name] ?? 0) + 1;
    return { tickets, changed: 10, projectWrites: sent.length, byMutation, fillSweeps: settleSweeps, quietProjectWrites };
  });
}

/** Requests to read a month's tickets for the charts, 2,000 closed tickets in it: one per hundred. */
export async function benchChartHistory(closed = 2000): Promise<{ closed: number; requests: number; tickets: number }> {
  const base = seedWithTickets(0, "2026-11-02T10:00:00Z");
  const opened = (i: number) => new Date(Date.parse("2026-11-02T08:00:00Z") + i * 10 * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
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
  return withStack({ seed: { ...base, issues: [...(base.issues ?? []), ...issues] }, now: new Date("2026-12-01T09:00:00Z") }, async (stack) => {
    const gh = transportOf(stack.as(AUTOMATION_USER));
    stack.emulator.log.reset();
    // A month's charts, as the monthly report reads them: the tickets opened in November.
    const { tickets } = await readServiceHistory({ gh, repos: ["acme/website"], now: Date.parse("2026-11-30T12:00:00Z"), zone: "Europe/London", months: 1 });
    return { closed, requests: stack.emulator.log.summary().total, tickets: tickets.length };
  });
}
