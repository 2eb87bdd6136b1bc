import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { spawnServer } from "./server-process.js";
import {
  ensureDebianServer,
  findBinary,
  installCommand,
  type DebianServer,
  type ServerAvailability,
} from "./debian-package.js";

/** Debian's package names the binary `prometheus-alertmanager`; upstream builds call it `alertmanager`. */
export const ALERTMANAGER: DebianServer = {
  name: "Prometheus Alertmanager",
  debianPackage: "prometheus-alertmanager",
  binaries: ["prometheus-alertmanager", "alertmanager"],
  envOverride: "ALERTMANAGER_BIN",
};

/** The message a missing Alertmanager fails with. */
export const MISSING_ALERTMANAGER = `Prometheus Alertmanager is not installed: install Debian's prometheus-alertmanager (\`${installCommand(ALERTMANAGER)}\`) to run the Alertmanager end-to-end test`;

/** Finds Alertmanager, installing it with apt-get when the tests run as root on a Debian machine. */
export function ensureAlertmanager(env: NodeJS.ProcessEnv = process.env): ServerAvailability {
  return ensureDebianServer(ALERTMANAGER, env);
}

/** One alert as Alertmanager's API v2 takes it (`POST /api/v2/alerts`). */
export interface PostableAlert {
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly startsAt?: string;
  readonly endsAt?: string;
  readonly generatorURL?: string;
}

/** A running Alertmanager on loopback, with its own config and storage in a temporary folder. */
export interface RunningAlertmanager {
  readonly url: string;
  /** Sends alerts to Alertmanager's API, as Prometheus does. */
  readonly post: (alerts: readonly PostableAlert[]) => Promise<void>;
  /** What Alertmanager logged so far (for failure messages). */
  readonly log: () => string;
  /** Kills the process and removes its folder; safe to call twice. */
  readonly stop: () => Promise<void>;
}

/** The path of the Alertmanager binary on PATH (or ALERTMANAGER_BIN), or null. */
export function findAlertmanager(env: NodeJS.ProcessEnv = process.env): string | null {
  return findBinary(ALERTMANAGER, env);
}

/** A TCP port nobody listens on at this moment, on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The Alertmanager configuration: every alert goes to one webhook receiver with a bearer token,
 * resolutions included, grouped and flushed within a second so a test runs in seconds.
 */
export function alertmanagerConfig(params: { readonly webhookUrl: string; readonly bearer: string }): string {
  return stringify({
    route: {
      receiver: "firstline",
      group_by: ["alertname", "client"],
      group_wait: "1s",
      group_interval: "1s",
      repeat_interval: "1h",
    },
    receivers: [
      {
        name: "firstline",
        webhook_configs: [
          {
            url: params.webhookUrl,
            send_resolved: true,
            http_config: { authorization: { type: "Bearer", credentials: params.bearer } },
          },
        ],
      },
    ],
  });
}

/**
 * Starts the real Prometheus Alertmanager on free loopback ports (clustering off, storage in a
 * temporary folder) and waits until `/-/ready` answers. Throws `MISSING_ALERTMANAGER` when the
 * binary is not installed.
 */
export async function startAlertmanager(params: {
  readonly webhookUrl: string;
  readonly bearer: string;
  readonly readyTimeoutMs?: number;
}): Promise<RunningAlertmanager> {
  const binary = findAlertmanager();
  if (!binary) throw new Error(MISSING_ALERTMANAGER);
  const dir = mkdtempSync(join(tmpdir(), "firstline-alertmanager-"));
  const configFile = join(dir, "alertmanager.yml");
  writeFileSync(configFile, alertmanagerConfig(params));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = [
    `--config.file=${configFile}`,
    `--storage.path=${join(dir, "data")}`,
    `--web.listen-address=127.0.0.1:${port}`,
    "--cluster.listen-address=",
    "--log.level=info",
  ];
  const supervised = spawnServer({ binary, args, dir });
  const { child, stop } = supervised;
  const deadline = Date.now() + (params.readyTimeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(
        `Alertmanager exited with code ${child.exitCode} before it was ready:\n${supervised.output()}`,
      );
    }
    const ready = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `Alertmanager was not ready within ${params.readyTimeoutMs ?? 30_000} ms:\n${supervised.output()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    post: async (alerts) => {
      const response = await fetch(`${url}/api/v2/alerts`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(alerts),
      });
      if (!response.ok)
        throw new Error(`Alertmanager refused the alerts: ${response.status} ${await response.text()}`);
    },
    log: supervised.output,
    stop,
  };
}
