import { readFileSync } from "node:fs";
import { z } from "zod";
import { requestTimeoutFromEnv } from "../github/timed-fetch.js";
import { startAppServer } from "./server.js";
import { MemoryWorkQueue } from "./queue/memory-work-queue.js";
import { DelayedJobWakeups } from "./escalation-wakeups.js";
import { RedisWorkQueue } from "./queue/redis-work-queue.js";
import { FirstlineService } from "./service.js";
import { openStateStore } from "./state/open-state-store.js";

/**
 * `npm start`: the app as a long-lived server, configured from the environment (APP_ID,
 * PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT, and GHE_HOST for GitHub Enterprise), with
 * the retrying Octokit, the schedule and the /firstline routes.
 */
function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`firstline: ${name} is not set (see the README, "Installing the GitHub App")`);
    process.exit(2);
  }
  return value;
}

const privateKey =
  process.env["PRIVATE_KEY"]?.replace(/\\n/g, "\n") ??
  (process.env["PRIVATE_KEY_PATH"]
    ? readFileSync(process.env["PRIVATE_KEY_PATH"], "utf8")
    : required("PRIVATE_KEY"));
if (!privateKey.includes("PRIVATE KEY")) {
  console.error("firstline: the private key is empty or not a PEM key (PRIVATE_KEY or PRIVATE_KEY_PATH)");
  process.exit(2);
}
const supportRepo = required("FIRSTLINE_SUPPORT_REPO");
if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(supportRepo)) {
  console.error(
    `firstline: FIRSTLINE_SUPPORT_REPO must be owner/name (the agency's support repository), not "${supportRepo}"`,
  );
  process.exit(2);
}
const gheHost = process.env["GHE_HOST"];
// REDIS_URL: state, work queue and GitHub's limits shared by every instance; without it, one instance.
const redisUrl = process.env["REDIS_URL"] || undefined;
// FIRSTLINE_TAKEOVER_MS: how long the work of an instance that died (its queued job, its locks)
// stays with it before another instance takes it over; 30 s by default.
const takeover = z.coerce
  .number()
  .int()
  .min(500)
  .max(600_000)
  .default(30_000)
  .safeParse(process.env["FIRSTLINE_TAKEOVER_MS"] || undefined);
if (!takeover.success) {
  console.error(
    `firstline: FIRSTLINE_TAKEOVER_MS must be a whole number of milliseconds from 500 to 600000, not "${process.env["FIRSTLINE_TAKEOVER_MS"] ?? ""}"`,
  );
  process.exit(2);
}
const takeoverMs = takeover.data;
const store = openStateStore({ redisUrl, lockTtlMs: takeoverMs });
const service = new FirstlineService({
  store,
  ...(redisUrl ? { escalationWakeups: new DelayedJobWakeups({ url: redisUrl, now: () => Date.now() }) } : {}),
});
const server = await startAppServer({
  appId: Number(required("APP_ID")),
  privateKey,
  webhookSecret: required("WEBHOOK_SECRET"),
  ...(gheHost ? { baseUrl: `${process.env["GHE_PROTOCOL"] ?? "https"}://${gheHost}/api/v3` } : {}),
  port: Number(process.env["PORT"] ?? 3000),
  requestTimeoutMs: requestTimeoutFromEnv(process.env),
  host: process.env["HOST"] ?? "0.0.0.0",
  logLevel: (process.env["LOG_LEVEL"] as "info" | undefined) ?? "info",
  app: { service },
  queue: ({ work, log }) =>
    redisUrl
      ? new RedisWorkQueue({ url: redisUrl, work, log, lockMs: takeoverMs })
      : new MemoryWorkQueue({ work, log, now: () => Date.now() }),
  ...(redisUrl ? { redisUrl } : {}),
});
console.log(`Firstline is listening: webhooks at ${server.webhookUrl}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void server
      .close()
      .then(() => store.close())
      .then(() => process.exit(0));
  });
}
