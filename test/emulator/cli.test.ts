import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { emulatorCommand } from "../../dev/emulator/command.js";
import { runCliWith } from "../helpers/memory-io.js";

const runEmulator = (argv: readonly string[], files: Record<string, string> = {}) =>
  runCliWith({ argv: ["emulator", ...argv], files, commands: [emulatorCommand] });

const SEED = `users:
  - login: pat
orgs:
  - login: acme
    members: [{ login: alice, role: admin }]
repos:
  - owner: acme
    name: website
installations:
  - account: acme
    id: 42
`;

describe("the emulator on its own (npm run emulator)", () => {
  it("refuses an unusable seed file with its file, key path and line", async () => {
    const result = await runEmulator(["--seed", "seed.yml"], {
      "seed.yml": "users:\n  - login: pat\n    nickname: p\n",
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('seed.yml:3: users[0].nickname: unknown key "nickname"\n');
    expect((await runEmulator(["--port", "http"])).stderr).toBe(
      "firstline emulator: --port must be a port number\n",
    );
  });

  it("runs from lib/emulator.js, prints its URL and credentials, serves the seed and stops on SIGTERM", async () => {
    const dir = mkdtempSync(join(tmpdir(), "firstline-emulator-"));
    writeFileSync(join(dir, "seed.yml"), SEED);
    const child = spawn(
      "node",
      [
        "lib/emulator.js",
        "--port",
        "0",
        "--seed",
        join(dir, "seed.yml"),
        "--now",
        "2026-10-16T16:00:00+01:00",
        "--json",
      ],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    // A test that times out must not leave the emulator running into the next one.
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    });
    let stdout = "";
    const info = await new Promise<{
      url: string;
      appId: number;
      privateKeyPem: string;
      installations: unknown[];
      users: unknown[];
    }>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString("utf8");
        try {
          resolve(JSON.parse(stdout) as never);
        } catch {
          // not complete yet
        }
      });
      child.once("exit", (code) => reject(new Error(`exited early with ${String(code)}`)));
    });
    expect(info.privateKeyPem).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    expect(info.installations).toEqual([{ id: 42, account: "acme" }]);
    expect(info.users).toEqual([
      { login: "pat", token: "user-pat" },
      { login: "alice", token: "user-alice" },
    ]);
    const response = await fetch(`${info.url}/repos/acme/website/issues`, {
      method: "POST",
      headers: { authorization: "token user-pat", "content-type": "application/json" },
      body: JSON.stringify({ title: "Hello" }),
    });
    expect(await response.json()).toMatchObject({ number: 1, created_at: "2026-10-16T15:00:00Z" });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
