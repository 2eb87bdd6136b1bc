// npm run bench: measures Firstline against its limits and writes bench/results.json.
import { cpus } from "node:os";
import { mkdirSync, writeFileSync } from "node:fs";
import { benchCalendar } from "./calendar.js";

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

const calendar = benchCalendar();
results["calendar"] = calendar;
rows.push({ figure: "SLA due computations per second (one core)", value: calendar.dueComputationsPerSecond, goal: ">= 200,000" });

mkdirSync("bench", { recursive: true });
writeFileSync("bench/results.json", `${JSON.stringify(results, null, 2)}\n`);
const width = Math.max(...rows.map((r) => r.figure.length));
console.log(`${"figure".padEnd(width)}  ${"value".padStart(12)}  goal or limit`);
for (const row of rows) {
  const value = typeof row.value === "number" ? row.value.toLocaleString("en-GB") : row.value;
  console.log(`${row.figure.padEnd(width)}  ${value.padStart(12)}  ${row.goal}`);
}
console.log("\nwrote bench/results.json");
