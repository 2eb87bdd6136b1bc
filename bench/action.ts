import { statSync } from "node:fs";
import { runAction } from "../src/demo/run-action.js";
import { median } from "./seeded-random.js";

/** The Action's cold start as a runner starts it (`node dist/index.js` for `rota-check`), and its bundle size. */
export async function benchAction(runs = 5): Promise<{ coldStartMs: number; bundleBytes: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await runAction({ inputs: { command: "rota-check", "rota-dir": "rota" }, env: { FIRSTLINE_NOW: "2026-11-26T12:00:00Z" } });
    if (run.code !== 0) throw new Error(`the Action failed: ${run.stdout}${run.stderr}`);
    times.push(run.ms);
  }
  return { coldStartMs: Math.round(median(times)), bundleBytes: statSync("dist/index.js").size };
}
