import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { freePort } from "./alertmanager.js";
import { ensureDebianServer, type DebianServer, type ServerAvailability } from "./debian-package.js";

/** Debian's `redis-server` package. */
export const REDIS: DebianServer = { name: "Redis", debianPackage: "redis-server", binaries: ["redis-server"], envOverride: "REDIS_SERVER_BIN" };

/** Finds redis-server, installing it with apt-get when the tests run as root on a Debian machine. */
export function ensureRedis(env: NodeJS.ProcessEnv = process.env): ServerAvailability {
  return ensureDebianServer(REDIS, env);
}

/** A running Redis on loopback with no persistence, in a throwaway folder. */
export interface RunningRedis {
  readonly url: string;
  /** Stops the server and removes its folder; safe to call twice. */
  readonly stop: () => Promise<void>;
}

const running = new Set<ChildProcess>();
// A crashed or interrupted test run must not leave Redis behind.
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** Starts `redis-server` on a free loopback port (no RDB, no AOF) and waits until it answers PING. */
export async function startRedis(params: { readonly binary: string; readonly readyTimeoutMs?: number }): Promise<RunningRedis> {
  const dir = mkdtempSync(join(tmpdir(), "firstline-redis-"));
  const port = await freePort();
  const child = spawn(params.binary, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, "--protected-mode", "yes"], { stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => void (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => void (output += chunk.toString("utf8")));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `redis://127.0.0.1:${port}`;
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
  const deadline = Date.now() + (params.readyTimeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`redis-server exited at start:\n${output}`);
    }
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on("error", () => undefined); // not listening yet: asked again below
    const ready = await probe
      .connect()
      .then(() => probe.ping())
      .then((answer) => answer === "PONG")
      .catch(() => false);
    probe.disconnect();
    if (ready) return { url, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`redis-server did not answer on ${url}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
