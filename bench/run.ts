// npm run bench: measures Firstline against its limits and writes bench/results.json.
import { cpus } from "node:os";
import { mkdirSync, writeFileSync } from "node:fs";
import { benchAction } from "./action.js";
import { benchCalendar } from "./calendar.js";
import { benchMemory } from "./memory.js";
import { benchSweep } from "./sweep.js";
import { benchTicket } from "./ticket.js";
import { benchWebhooks } from "./webhooks.js";
import { benchSite } from "./site.js";

interface Row {
  readonly figure: string;
  readonly value: number | string;
  readonly goal: string;
}

const results: Record<string, unknown> = {
  at: new Date().toISOString(),
  machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? "unknown" },
};
const rows: Row[] = [];
/** `npm run bench -- --only sweep,sweep-long` measures some sections only. */
const onlyIndex = process.argv.indexOf("--only");
const only = onlyIndex >= 0 ? new Set((process.argv[onlyIndex + 1] ?? "").split(",")) : null;
const section = async <T>(name: string, run: () => Promise<T> | T, describe: (value: T) => Row[]) => {
  if (only && !only.has(name)) return;
  process.stderr.write(`measuring ${name}...\n`);
  const value = await run();
  results[name] = value;
  rows.push(...describe(value));
};

await section("calendar", benchCalendar, (v) => [{ figure: "SLA due computations per second (one core)", value: v.dueComputationsPerSecond, goal: ">= 200,000" }]);
await section("ticket", benchTicket, (v) => [
  { figure: "API requests for one new ticket", value: v.requestsPerNewTicket, goal: "<= 3" },
  { figure: "  of which writes", value: v.writesPerNewTicket, goal: "" },
]);
await section("webhooks", () => benchWebhooks(200), (v) => [
  { figure: `Webhook events per second (${v.events} new tickets)`, value: v.eventsPerSecond, goal: "" },
  { figure: "  handling time p50 (ms)", value: v.p50Ms, goal: "" },
  { figure: "  handling time p99 (ms)", value: v.p99Ms, goal: "" },
]);
await section("sweep", () => benchSweep(1000), (v) => [
  { figure: `API requests per sweep of ${v.tickets} open tickets`, value: v.requests, goal: "<= 10 (one per 100 tickets)" },
  { figure: "  writes on a quiet sweep", value: v.quietWrites, goal: "0" },
  { figure: "  requests of the first sweep after a restart (cold caches)", value: v.restartRequests, goal: "" },
]);
await section("sweep-long", () => benchSweep(1000, { longTickets: 10, commentsEach: 300 }), (v) => [
  { figure: `API requests per sweep of ${v.tickets} open tickets, 10 of them with 300 comments`, value: v.requests, goal: "<= 20 (10 pages and one per long ticket)" },
  { figure: "  requests of the first sweep after a restart (cold caches)", value: v.restartRequests, goal: "" },
]);
await section("site", () => benchSite(500), (v) => [{ figure: `Site build for ${v.runbooks} runbooks (ms)`, value: v.buildMs, goal: "" }]);
await section("action", () => benchAction(5), (v) => [
  { figure: "Action cold start, rota-check (ms)", value: v.coldStartMs, goal: "" },
  { figure: "Action bundle (bytes)", value: v.bundleBytes, goal: "" },
]);
await section("memory", () => benchMemory(10_000), (v) => [
  { figure: `App resident memory after ${v.events} events (MB)`, value: v.rssMb, goal: "" },
  { figure: "  at start (MB)", value: v.rssAtStartMb, goal: "" },
]);

mkdirSync("bench", { recursive: true });
writeFileSync(only ? "bench/results-partial.json" : "bench/results.json", `${JSON.stringify(results, null, 2)}\n`);
const width = Math.max(...rows.map((r) => r.figure.length));
console.log(`${"figure".padEnd(width)}  ${"value".padStart(12)}  goal or limit`);
for (const row of rows) {
  const value = typeof row.value === "number" ? row.value.toLocaleString("en-GB") : row.value;
  console.log(`${row.figure.padEnd(width)}  ${value.padStart(12)}  ${row.goal}`);
}
console.log("\nwrote bench/results.json");
