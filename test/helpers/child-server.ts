import type { ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";

const running = new Set<ChildProcess>();
// A crashed or interrupted test run must not leave a server behind.
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/**
 * Watches a server process a test started: collects what it prints, and stops it (SIGTERM, then
 * SIGKILL after 3 s) and removes its temporary folder; `stop` is safe to call twice.
 */
export function superviseChild(child: ChildProcess, dir: string): { readonly output: () => string; readonly stop: () => Promise<void> } {
  running.add(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => void (output += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => void (output += chunk.toString("utf8")));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 3_000);
      await exited;
      clearTimeout(killer);
    }
    running.delete(child);
    rmSync(dir, { recursive: true, force: true });
  };
  return { output: () => output, stop };
}
