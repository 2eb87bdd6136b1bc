import { firstlineConfigSchema } from "../src/core/config/firstline-config.js";
import { computeDue } from "../src/core/sla/due.js";
import { buildSlaPolicy } from "../src/core/sla/policy.js";
import { PRIORITIES } from "../src/core/labels.js";
import { median, seededRandom } from "./seeded-random.js";

/**
 * SLA due computations per second on one core: a year of seeded random instants, priorities and
 * clients (with and without out-of-hours cover, two bank-holiday regions).
 */
export function benchCalendar(): { dueComputationsPerSecond: number } {
  const config = firstlineConfigSchema.parse({
    clients: [
      { id: "a", name: "A", plan: "standard", outOfHours: true },
      { id: "b", name: "B", plan: "enhanced" },
      { id: "c", name: "C", plan: "standard", holidays: { region: "scotland" } },
    ],
  });
  const policy = buildSlaPolicy({ config });
  const terms = ["a", "b", "c"].map((id) => policy.client(id)).filter((t) => t !== undefined);
  const random = seededRandom(42);
  const yearStart = Date.parse("2026-01-01T00:00:00Z");
  const count = 200_000;
  const inputs = Array.from({ length: count }, () => ({
    terms: terms[Math.floor(random() * terms.length)] ?? terms[0]!,
    priority: PRIORITIES[Math.floor(random() * 4)] ?? "P3",
    opened: yearStart + Math.floor(random() * 365 * 86_400_000),
  }));
  // Warm the day cache and the JIT once, as a long-running app would be.
  for (const input of inputs) computeDue({ ...input, metric: "firstResponse" });
  const rates: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = process.hrtime.bigint();
    let checksum = 0;
    for (const input of inputs) {
      const answer = computeDue({ ...input, metric: "firstResponse" });
      if (typeof answer !== "string") checksum += answer.due % 7;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (checksum < 0) throw new Error("unreachable");
    rates.push(count / seconds);
  }
  return { dueComputationsPerSecond: Math.round(median(rates)) };
}
