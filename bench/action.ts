import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { agencySeed, AUTOMATION_USER } from "../dev/demo/agency-seed.js";
import { resultOutput, runAction } from "../dev/demo/run-action.js";
import { startEmulator } from "../dev/emulator/index.js";
import { bundleComposition, type BundleComposition } from "./bundle-composition.js";
import { startFirstRequestProxy } from "./first-request-proxy.js";
import { nodeBinaries } from "./node-binaries.js";
import { median } from "./seeded-random.js";
import { seedWithTickets, sweepUntilQuiet, withStack } from "./stack-bench.js";

/** Cold starts on one Node binary, beside a bare `node -e 0` in the same run. */
export interface ActionStart {
  readonly node: string;
  readonly version: string;
  readonly runs: number;
  readonly bareNodeMs: number;
  /**
   * From spawn to the first API request (sla-sweep on a repository with no tickets), with V8's
   * code cache from the runs before (NODE_COMPILE_CACHE; Node 22.1 and later use it).
   */
  readonly firstRequestMs: number;
  /** From spawn to exit, the same run. */
  readonly exitMs: number;
  /** To first request with an empty code cache, as the first run of a job on a fresh runner. */
  readonly firstRequestColdCacheMs: number;
  /** To exit with an empty code cache (writing it included). */
  readonly exitColdCacheMs: number;
}

export interface ActionBench extends BundleComposition {
  /** To first request on the runtime action.yml names (Node 24), or the benchmark's Node without it. */
  readonly coldStartMs: number;
  readonly starts: readonly ActionStart[];
  readonly quietSweep: {
    readonly tickets: number;
    readonly latencyMs: number;
    readonly wallMs: number;
    readonly requests: number;
    readonly writes: number;
  };
}

const NOW = "2026-12-02T11:00:00Z";

function timed(params: {
  nodePath: string;
  args: string[];
  env: Record<string, string>;
}): Promise<{ startedAt: number; ms: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const child = spawn(params.nodePath, params.args, { env: params.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve({ startedAt, ms: performance.now() - startedAt, stderr })
        : reject(new Error(`${params.args.join(" ")} exited ${code}: ${stdout}${stderr}`)),
    );
  });
}

/**
 * The Action as a runner starts it (`node dist/index.js`, sla-sweep, this repository's
 * configuration and rota) against the emulator's agency with no tickets: spawn to first request
 * and to exit, each binary beside a bare `node -e 0`, interleaved so both see the same machine.
 */
export async function benchStarts(runs: number, entry = "dist/index.js"): Promise<ActionStart[]> {
  const emulator = await startEmulator({ now: new Date(NOW), seed: agencySeed(), stderr: () => undefined });
  const proxy = await startFirstRequestProxy(emulator.url);
  try {
    const dir = mkdtempSync(join(tmpdir(), "firstline-bench-action-"));
    const files = { GITHUB_OUTPUT: join(dir, "output"), GITHUB_STEP_SUMMARY: join(dir, "summary") };
    const env = {
      PATH: process.env["PATH"] ?? "",
      ...files,
      GITHUB_REPOSITORY: "northgate/support",
      GITHUB_API_URL: proxy.url,
      FIRSTLINE_NOW: NOW,
      INPUT_COMMAND: "sla-sweep",
      INPUT_TOKEN: `user-${AUTOMATION_USER}`,
      "INPUT_BOT-LOGIN": AUTOMATION_USER,
    };
    const binaries = nodeBinaries();
    const samples = binaries.map(() => ({
      bare: [] as number[],
      first: [] as number[],
      exit: [] as number[],
      firstCold: [] as number[],
      exitCold: [] as number[],
    }));
    // Each binary keeps its code cache in a folder of its own; a cold run gets an empty one.
    const warmCache = binaries.map((_, i) => join(dir, `compile-cache-${i}`));
    for (const file of Object.values(files)) writeFileSync(file, "");
    // Runs first until one writes nothing: they open the dashboard and the month's upkeep and
    // give the upkeep tickets their cards, which every measured run then finds in place.
    for (let warmUp = 0; warmUp < 5; warmUp++) {
      emulator.log.reset();
      await timed({ nodePath: process.execPath, args: ["dist/index.js"], env });
      if (emulator.log.summary().writes === 0) break;
    }
    for (const [i, binary] of binaries.entries())
      await timed({
        nodePath: binary.path,
        args: [entry],
        env: { ...env, NODE_COMPILE_CACHE: warmCache[i] ?? "" },
      });
    for (let run = 0; run < runs; run++) {
      for (const [i, binary] of binaries.entries()) {
        const sample = samples[i];
        if (!sample) continue;
        sample.bare.push((await timed({ nodePath: binary.path, args: ["-e", "0"], env })).ms);
        for (const cache of ["cold", "warm"] as const) {
          for (const file of Object.values(files)) writeFileSync(file, "");
          proxy.reset();
          const compileCache = cache === "warm" ? (warmCache[i] ?? "") : mkdtempSync(join(dir, "cold-"));
          const action = await timed({
            nodePath: binary.path,
            args: [entry],
            env: { ...env, NODE_COMPILE_CACHE: compileCache },
          });
          const first = proxy.firstRequestAt();
          if (first === undefined) throw new Error(`the Action made no request: ${action.stderr}`);
          (cache === "warm" ? sample.first : sample.firstCold).push(first - action.startedAt);
          (cache === "warm" ? sample.exit : sample.exitCold).push(action.ms);
        }
      }
    }
    return binaries.map((binary, i) => ({
      node: binary.label,
      version: binary.version,
      runs,
      bareNodeMs: Math.round(median(samples[i]?.bare ?? [])),
      firstRequestMs: Math.round(median(samples[i]?.first ?? [])),
      exitMs: Math.round(median(samples[i]?.exit ?? [])),
      firstRequestColdCacheMs: Math.round(median(samples[i]?.firstCold ?? [])),
      exitColdCacheMs: Math.round(median(samples[i]?.exitCold ?? [])),
    }));
  } finally {
    await proxy.close();
    await emulator.close();
  }
}

/**
 * A quiet sweep by the Action over `tickets` open tickets with `latencyMs` on every API answer:
 * the app brings every ticket up to date first, then the Action (trusting the app's cards) runs
 * `sla-sweep` and should find nothing to write. Wall time from spawn to exit, median of `runs`.
 */
async function benchQuietSweep(params: {
  tickets: number;
  latencyMs: number;
  runs: number;
}): Promise<ActionBench["quietSweep"]> {
  return withStack(
    { seed: seedWithTickets(params.tickets, "2026-11-02T10:00:00Z"), now: new Date("2026-12-02T11:00:00Z") },
    async (stack) => {
      await sweepUntilQuiet(stack);
      stack.emulator.faults.set({ latencyMs: params.latencyMs });
      const times: number[] = [];
      let requests = 0;
      let writes = 0;
      // The first run (not measured) rewrites the dashboard in the Action's own words.
      for (let run = -1; run < params.runs; run++) {
        stack.emulator.log.reset();
        const now = stack.emulator.clock.now().toISOString();
        const result = await runAction({
          inputs: {
            command: "sla-sweep",
            token: `user-${AUTOMATION_USER}`,
            "bot-login": stack.emulator.botLogin,
          },
          env: { GITHUB_API_URL: stack.emulator.url, FIRSTLINE_NOW: now },
        });
        if (result.code !== 0) throw new Error(`the Action failed: ${result.stdout}${result.stderr}`);
        const swept = resultOutput(result.output) as { tickets: number };
        if (swept.tickets < params.tickets)
          throw new Error(`the Action swept ${swept.tickets} tickets, not ${params.tickets}`);
        if (run < 0) continue;
        times.push(result.ms);
        requests = stack.emulator.log.summary().total;
        writes = stack.emulator.log.summary().writes;
      }
      return {
        tickets: params.tickets,
        latencyMs: params.latencyMs,
        wallMs: Math.round(median(times)),
        requests,
        writes,
      };
    },
  );
}

/** The Action: its bundle, its cold start on Node 20 and 24, and a quiet sweep at 50 ms latency. */
export async function benchAction(runs = 10): Promise<ActionBench> {
  const composition = bundleComposition();
  const starts = await benchStarts(runs);
  const quietSweep = await benchQuietSweep({ tickets: 1000, latencyMs: 50, runs: 10 });
  const onRunner = starts.find((s) => s.node === "Node 24") ?? starts[0];
  return { ...composition, coldStartMs: onRunner?.firstRequestMs ?? 0, starts, quietSweep };
}
