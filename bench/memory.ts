import { spawn } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { agencySeed } from "../dev/demo/agency-seed.js";
import { startEmulator } from "../dev/emulator/index.js";

const SECRET = "bench-secret";

/**
 * Resident memory of the app, in a process of its own, after it has handled `events` signed
 * deliveries (issue edits in a served repository: each is verified, de-duplicated, and handled).
 */
export async function benchMemory(
  events = 10_000,
): Promise<{ events: number; rssMb: number; heapUsedMb: number; rssAtStartMb: number }> {
  const emulator = await startEmulator({
    now: new Date("2026-12-02T11:00:00Z"),
    seed: agencySeed(),
    stderr: () => undefined,
  });
  const dir = mkdtempSync(join(tmpdir(), "firstline-bench-"));
  writeFileSync(join(dir, "key.pem"), emulator.privateKeyPem ?? "");
  const child = spawn(process.execPath, ["--expose-gc", "scripts/run-ts.mjs", "bench/app-process.ts"], {
    env: {
      ...process.env,
      EMULATOR_URL: emulator.url,
      APP_ID: String(emulator.appId),
      PRIVATE_KEY_FILE: join(dir, "key.pem"),
      WEBHOOK_SECRET: SECRET,
    },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => JSON.parse(String((await lines.next()).value)) as Record<string, number | string>;
  try {
    const { url } = (await next()) as { url: string };
    child.stdin.write("rss\n");
    const atStart = await next();
    const installation = emulator.dump().installations.find((i) => i.account === "northgate")?.id ?? 1;
    const payload = JSON.stringify({
      action: "edited",
      issue: {
        number: 1,
        title: "x",
        body: "y",
        user: { login: "rosa" },
        labels: [],
        created_at: "2026-12-02T11:00:00Z",
      },
      changes: {},
      repository: {
        full_name: "northgate/support",
        name: "support",
        owner: { login: "northgate" },
        id: 1,
        node_id: "R_1",
      },
      sender: { login: "rosa", type: "User", id: 2 },
      installation: { id: installation, node_id: "I_1" },
    });
    const signature = `sha256=${createHmac("sha256", SECRET).update(payload).digest("hex")}`;
    for (let sent = 0; sent < events; sent += 50) {
      await Promise.all(
        Array.from({ length: 50 }, () =>
          fetch(url, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              "x-github-event": "issues",
              "x-github-delivery": randomUUID(),
              "x-hub-signature-256": signature,
            },
            body: payload,
          }).then((r) => r.arrayBuffer()),
        ),
      );
    }
    child.stdin.write("rss\n");
    const after = await next();
    return {
      events,
      rssMb: Number(after["rssMb"]),
      heapUsedMb: Number(after["heapUsedMb"]),
      rssAtStartMb: Number(atStart["rssMb"]),
    };
  } finally {
    child.stdin.write("exit\n");
    child.kill();
    await emulator.close();
  }
}
