// npm run bench: measures Firstline against its limits and writes bench/results.json.
// `npm run bench -- action sweep` measures only the sections named.
import { cpus, loadavg } from "node:os";
import { mkdirSync, writeFileSync } from "node:fs";
import { benchAction } from "./action.js";
import { benchBurst, type BurstRun } from "./burst.js";
import { benchCalendar } from "./calendar.js";
import { benchMemory } from "./memory.js";
import { benchSweep } from "./sweep.js";
import { benchTicket } from "./ticket.js";
import { benchWebhooks } from "./webhooks.js";
import { benchSite } from "./site.js";
import { benchChartHistory, benchProjectSweep } from "./project.js";

interface Row {
  readonly figure: string;
  readonly value: number | string;
  readonly goal: string;
}

const results: Record<string, unknown> = {
  at: new Date().toISOString(),
  // The load average says how busy a shared machine was: wall-clock figures scale with it.
  machine: {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    loadAverage: loadavg().map((l) => Math.round(l * 10) / 10),
  },
};
const rows: Row[] = [];
const only = process.argv.slice(2);
const section = async <T>(name: string, run: () => Promise<T> | T, describe: (value: T) => Row[]) => {
  if (only.length > 0 && !only.includes(name)) return;
  process.stderr.write(`measuring ${name}...\n`);
  const value = await run();
  results[name] = value;
  rows.push(...describe(value));
};

await section("calendar", benchCalendar, (v) => [
  {
    figure: "SLA due computations per second (one core)",
    value: v.dueComputationsPerSecond,
    goal: ">= 200,000",
  },
]);
await section("ticket", benchTicket, (v) => [
  { figure: "API requests for one new ticket", value: v.requestsPerNewTicket, goal: "<= 3" },
  { figure: "  of which writes", value: v.writesPerNewTicket, goal: "" },
]);
await section(
  "webhooks",
  () => benchWebhooks(200),
  (v) => [
    { figure: `Webhook events per second (${v.events} new tickets)`, value: v.eventsPerSecond, goal: "" },
    { figure: "  handling time p50 (ms)", value: v.p50Ms, goal: "" },
    { figure: "  handling time p99 (ms)", value: v.p99Ms, goal: "" },
  ],
);
const burstRows = (run: BurstRun | null, label: string) =>
  run
    ? [
        {
          figure: `Burst of ${run.tickets} new tickets (${run.p1Tickets} P1), ${label}: acknowledgement p99 (ms)`,
          value: run.ackP99Ms,
          goal: "< 100",
        },
        { figure: "  time to card of the P1 tickets, p99 (ms)", value: run.p1CardP99Ms, goal: "< 5,000" },
        { figure: "  time until the last card (ms)", value: run.lastCardMs, goal: "" },
        {
          figure: "  requests for a repository's first ticket / a warm ticket",
          value: `${run.requestsFirstTicket} / ${run.requestsWarmTicket}`,
          goal: "<= 6 / <= 2",
        },
        {
          figure: "  requests for the instance's first ticket (support repository in another installation)",
          value: run.requestsInstanceFirstTicket,
          goal: "",
        },
      ]
    : [{ figure: `Burst, ${label}`, value: "skipped: redis-server not installed", goal: "" }];
await section(
  "burst",
  () => benchBurst(),
  (v) => [...burstRows(v.memory, "one instance, memory"), ...burstRows(v.redis, "two instances, Redis")],
);
await section(
  "sweep",
  () => benchSweep(1000),
  (v) => [
    {
      figure: `API requests per sweep of ${v.tickets} open tickets`,
      value: v.requests,
      goal: "<= 10 (one per 100 tickets)",
    },
    { figure: "  writes on a quiet sweep", value: v.quietWrites, goal: "0" },
    {
      figure: "  requests of the first sweep after a restart (cold caches)",
      value: v.restartRequests,
      goal: "",
    },
  ],
);
await section(
  "sweep-long",
  () => benchSweep(1000, { longTickets: 10, commentsEach: 300 }),
  (v) => [
    {
      figure: `API requests per sweep of ${v.tickets} open tickets, 10 of them with 300 comments`,
      value: v.requests,
      goal: "<= 20 (10 pages and one per long ticket)",
    },
    {
      figure: "  requests of the first sweep after a restart (cold caches)",
      value: v.restartRequests,
      goal: "",
    },
  ],
);
await section(
  "project",
  () => benchProjectSweep(1000),
  (v) => [
    {
      figure: `Project writes per sweep of ${v.tickets} tickets when ${v.changed} change state`,
      value: v.projectWrites,
      goal: "10",
    },
    { figure: "  Project writes of a quiet sweep", value: v.quietProjectWrites, goal: "0" },
    { figure: "  items whose values that sweep changed", value: v.changed, goal: "10" },
    { figure: "  sweeps 8 minutes apart to fill the Project (write limits)", value: v.fillSweeps, goal: "" },
  ],
);
await section(
  "charts",
  () => benchChartHistory(2000),
  (v) => [
    {
      figure: `Requests to read a month's charts history, ${v.closed} closed tickets`,
      value: v.requests,
      goal: "<= 21 (one per 100, one more past 1,000 results)",
    },
  ],
);
await section(
  "site",
  () => benchSite(500),
  (v) => [{ figure: `Site build for ${v.runbooks} runbooks (ms)`, value: v.buildMs, goal: "" }],
);
await section(
  "action",
  () => benchAction(10),
  (v) => [
    ...v.starts.flatMap((s) => [
      {
        figure: `Action start on ${s.node} (${s.version}), bare \`node -e 0\` (ms)`,
        value: s.bareNodeMs,
        goal: "",
      },
      {
        figure: "  spawn to first request, sla-sweep, no tickets (ms)",
        value: s.firstRequestMs,
        goal: s.node === "Node 24" ? `<= ${s.bareNodeMs + 100} (bare + 100)` : "",
      },
      { figure: "  spawn to exit (ms)", value: s.exitMs, goal: "" },
      { figure: "  to first request, empty code cache (ms)", value: s.firstRequestColdCacheMs, goal: "" },
      { figure: "  to exit, empty code cache (ms)", value: s.exitColdCacheMs, goal: "" },
    ]),
    {
      figure: `Action bundle, all of dist/ (${v.files} files, bytes)`,
      value: v.bundleBytes,
      goal: "<= 1,500,000",
    },
    { figure: "  loaded by an sla-sweep run (bytes)", value: v.slaSweepBytes, goal: "" },
    { figure: "    of which before its first request (bytes)", value: v.slaSweepFirstRequestBytes, goal: "" },
    {
      figure: `Action quiet sweep of ${v.quietSweep.tickets} tickets at ${v.quietSweep.latencyMs} ms latency (ms)`,
      value: v.quietSweep.wallMs,
      goal: "< 2,000",
    },
    { figure: "  requests / writes", value: `${v.quietSweep.requests} / ${v.quietSweep.writes}`, goal: "" },
  ],
);
await section(
  "memory",
  () => benchMemory(10_000),
  (v) => [
    { figure: `App resident memory after ${v.events} events (MB)`, value: v.rssMb, goal: "" },
    { figure: "  at start (MB)", value: v.rssAtStartMb, goal: "" },
  ],
);

mkdirSync("bench", { recursive: true });
writeFileSync(
  only.length > 0 ? "bench/results-partial.json" : "bench/results.json",
  `${JSON.stringify(results, null, 2)}\n`,
);
const width = Math.max(...rows.map((r) => r.figure.length));
console.log(`${"figure".padEnd(width)}  ${"value".padStart(12)}  goal or limit`);
for (const row of rows) {
  const value = typeof row.value === "number" ? row.value.toLocaleString("en-GB") : row.value;
  console.log(`${row.figure.padEnd(width)}  ${value.padStart(12)}  ${row.goal}`);
}
console.log(
  `\nload average at the end: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(", ")} on ${cpus().length} cores`,
);
console.log("wrote bench/results.json");
// Probot's Redis connections for its throttling (the Redis burst) outlive the stack's close and
// keep reconnecting to the stopped server; the results are written, so the run ends here.
process.exit(0);
