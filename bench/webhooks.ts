import { agencySeed } from "../dev/demo/agency-seed.js";
import { median } from "./seeded-random.js";
import { withStack } from "./stack-bench.js";

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/**
 * Signed webhook deliveries through the app's real HTTP server against the emulator with no
 * latency: new tickets opened by clients, each triaged, labelled and carded by the app. Handling
 * time is what the emulator measured from sending a delivery to the app's answer.
 */
export async function benchWebhooks(
  events = 200,
): Promise<{ events: number; eventsPerSecond: number; p50Ms: number; p99Ms: number }> {
  return withStack({ seed: agencySeed(), now: new Date("2026-12-02T11:00:00Z") }, async (stack) => {
    await stack.as("rosa").rest.issues.create({
      owner: "riverside",
      repo: "tenant-portal",
      title: "Warm-up",
      body: "Please change the footer.",
    });
    await stack.settle();
    const before = stack.emulator.deliveries().length;
    const started = process.hrtime.bigint();
    for (let i = 0; i < events; i++) {
      await stack.as("rosa").rest.issues.create({
        owner: "riverside",
        repo: "tenant-portal",
        title: `Please update page ${i}`,
        body: "Please change the text on the page.",
      });
    }
    await stack.settle();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const opened = stack.emulator
      .deliveries()
      .slice(before)
      .filter((d) => d.event === "issues" && d.action === "opened");
    const durations = opened.map((d) => d.durationMs ?? 0);
    return {
      events: opened.length,
      eventsPerSecond: Math.round((opened.length / seconds) * 10) / 10,
      p50Ms: Math.round(median(durations)),
      p99Ms: Math.round(percentile(durations, 99)),
    };
  });
}
