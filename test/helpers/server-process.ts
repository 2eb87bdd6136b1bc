import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";

const running = new Set<ChildProcess>();
// A crashed or interrupted test run must not leave a server behind.
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** A server process a test started, with its own throwaway folder. */
export interface ServerProcess {
  readonly child: ChildProcess;
  /** What it printed so far (for failure messages). */
  readonly output: () => string;
  /** Stops it (SIGTERM, then SIGKILL after 3 s) and removes its folder; safe to call twice. */
  readonly stop: () => Promise<void>;
}

/** Starts a server binary with its output collected; `dir` is removed when it stops. */
export function spawnServer(params: {
  readonly binary: string;
  readonly args: readonly string[];
  readonly dir: string;
  /** Its environment (the test process's by default). */
  readonly env?: NodeJS.ProcessEnv;
}): ServerProcess {
  const child = spawn(params.binary, params.args, {
    stdio: ["ignore", "pipe", "pipe"],
    ...(params.env ? { env: params.env } : {}),
  });
  running.add(child);
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => void (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => void (output += chunk.toString("utf8")));
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
    rmSync(params.dir, { recursive: true, force: true });
  };
  return { child, output: () => output, stop };
}
