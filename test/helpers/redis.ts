import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll } from "vitest";
import { freePort } from "./alertmanager.js";
import { spawnServer } from "./server-process.js";
import { ensureDebianServer, type DebianServer, type ServerAvailability } from "./debian-package.js";

/** Debian's `redis-server` package. */
export const REDIS: DebianServer = {
  name: "Redis",
  debianPackage: "redis-server",
  binaries: ["redis-server"],
  envOverride: "REDIS_SERVER_BIN",
};

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

/**
 * A real redis-server for the tests of one file: started before them on a free port, stopped
 * after. Returns the server's URL (throws if asked before it started).
 */
export function useRedisServer(availability: ServerAvailability): () => string {
  let redis: RunningRedis | undefined;
  beforeAll(async () => {
    if (!availability.available) throw new Error(availability.reason);
    redis = await startRedis({ binary: availability.binary });
  });
  afterAll(async () => redis?.stop());
  return () => {
    if (!redis) throw new Error("redis-server has not started");
    return redis.url;
  };
}

/** Starts `redis-server` on a free loopback port (no RDB, no AOF) and waits until it answers PING. */
export async function startRedis(params: {
  readonly binary: string;
  readonly readyTimeoutMs?: number;
}): Promise<RunningRedis> {
  const dir = mkdtempSync(join(tmpdir(), "firstline-redis-"));
  const port = await freePort();
  const { child, output, stop } = spawnServer({
    binary: params.binary,
    args: [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--dir",
      dir,
      "--protected-mode",
      "yes",
    ],
    dir,
  });
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + (params.readyTimeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`redis-server exited at start:\n${output()}`);
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
      throw new Error(`redis-server did not answer on ${url}:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
