// A Firstline app server in a process of its own, so the memory benchmark measures the app alone.
// Reads EMULATOR_URL, APP_ID, PRIVATE_KEY_FILE, WEBHOOK_SECRET; prints its URL; answers "rss" on stdin.
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { startAppServer } from "../src/app/server.js";
import { FirstlineService } from "../src/app/service.js";

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const service = new FirstlineService({ botLogin: "firstline[bot]" });
const server = await startAppServer({
  appId: Number(env("APP_ID")),
  privateKey: readFileSync(env("PRIVATE_KEY_FILE"), "utf8"),
  webhookSecret: env("WEBHOOK_SECRET"),
  baseUrl: env("EMULATOR_URL"),
  fastFail: true,
  logLevel: "fatal",
  app: { service, schedule: false, sweepSecret: undefined, supportRepo: "northgate/support" },
});
console.log(JSON.stringify({ url: server.webhookUrl }));
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === "rss") {
    global.gc?.();
    const usage = process.memoryUsage();
    console.log(
      JSON.stringify({
        rssMb: Math.round(usage.rss / 1048576),
        heapUsedMb: Math.round(usage.heapUsed / 1048576),
      }),
    );
  }
  if (line.trim() === "exit") {
    await server.close();
    process.exit(0);
  }
}
