import { createPrivateKey } from "node:crypto";
import * as z from "zod";
import { readYaml, validateYaml } from "../../src/core/config/parse-yaml.js";
import type { Emulator, EmulatorInfo } from "./index.js";
import { seedSchema } from "./state/seed-schema.js";
import { defineCommand, printJson, type CommandIo } from "../../src/cli/command.js";
import { InputError } from "../../src/shell/input-error.js";
import { instantOption } from "../../src/shell/options.js";

const portOption = z
  .string()
  .regex(/^\d+$/, "must be a port number")
  .transform(Number)
  .refine((port) => port <= 65_535, "must be a port number up to 65535");

function readSeed(io: CommandIo, file: string): z.output<typeof seedSchema> {
  const read = readYaml({ file, text: io.readTextFile(file) });
  if (!read.ok) throw new InputError(read.problems);
  const seed = validateYaml({ raw: read.value.raw, schema: seedSchema, sources: [read.value] });
  if (!seed.ok) throw new InputError(seed.problems);
  return seed.value;
}

function readPrivateKey(io: CommandIo, file: string): string {
  const pem = io.readTextFile(file);
  try {
    createPrivateKey(pem);
  } catch {
    throw InputError.of({ file, path: "", message: "is not a PEM private key" });
  }
  return pem;
}

function describe(info: EmulatorInfo, keyFile: string | undefined): string {
  const lines = [
    `GitHub emulator listening on ${info.url}`,
    `  REST ${info.url} (also under /api/v3), GraphQL ${info.url}/graphql`,
    `  Control API ${info.url}/_emulator (see dev/emulator/README.md)`,
    `  App id ${info.appId}, slug ${info.appSlug}, acting as ${info.botLogin}`,
    `  Webhooks: ${info.webhook ? `${info.webhook.url}${info.webhook.signed ? " (signed)" : " (unsigned)"}` : "none yet (POST /_emulator/webhook)"}`,
    `  Installations: ${info.installations.length > 0 ? info.installations.map((i) => `${i.id} on ${i.account}`).join(", ") : "none"}`,
    `  Users: ${info.users.length > 0 ? info.users.map((u) => `${u.login} (Authorization: token ${u.token})`).join(", ") : "none"}`,
  ];
  if (keyFile) lines.push(`  Private key written to ${keyFile}`);
  else if (info.privateKeyPem)
    lines.push("  Private key (PEM, for Probot's PRIVATE_KEY):", info.privateKeyPem.trimEnd());
  lines.push("Stop with Ctrl+C.");
  return `${lines.join("\n")}\n`;
}

/** Resolves on the first SIGINT or SIGTERM. */
function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve(signal);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

/** `emulator`: runs the local GitHub emulator until stopped. */
export const emulatorCommand = defineCommand({
  name: "emulator",
  summary: "Run the local GitHub emulator (REST, GraphQL, webhooks) until stopped",
  usage:
    "firstline emulator [--port N] [--host H] [--now INSTANT] [--seed FILE] [--webhook-url URL --webhook-secret S] [--app-id N] [--private-key FILE | --private-key-out FILE] [--json]",
  options: {
    port: "string",
    host: "string",
    now: "string",
    seed: "string",
    "webhook-url": "string",
    "webhook-secret": "string",
    "app-id": "string",
    "private-key": "string",
    "private-key-out": "string",
  },
  schema: z.object({
    port: portOption.default(0),
    host: z.string().min(1).default("127.0.0.1"),
    now: instantOption.optional(),
    seed: z.string().min(1).optional(),
    "webhook-url": z.url().optional(),
    "webhook-secret": z.string().min(1).optional(),
    "app-id": z
      .string()
      .regex(/^[1-9]\d*$/, "must be a positive whole number")
      .transform(Number)
      .optional(),
    "private-key": z.string().min(1).optional(),
    "private-key-out": z.string().min(1).optional(),
  }),
  run: async ({ options, io, json }) => {
    const seed = options.seed ? readSeed(io, options.seed) : undefined;
    const privateKeyPem = options["private-key"] ? readPrivateKey(io, options["private-key"]) : undefined;
    // Loaded here, not at the top: the emulator's dependencies would slow every other command.
    const { startEmulator } = await import("./index.js");
    let emulator: Emulator;
    try {
      emulator = await startEmulator({
        port: options.port,
        host: options.host,
        now: options.now ? options.now.toJSDate() : io.now(),
        ...(options["app-id"] ? { appId: options["app-id"] } : {}),
        ...(privateKeyPem ? { privateKeyPem } : {}),
        ...(seed ? { seed } : {}),
        ...(options["webhook-url"]
          ? { webhook: { url: options["webhook-url"], secret: options["webhook-secret"] } }
          : {}),
        stderr: (line) => io.stderr(`${line}\n`),
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE" || code === "EACCES") {
        throw InputError.of({
          file: "--port",
          path: "",
          message: `cannot listen on ${options.host}:${options.port} (${code})`,
        });
      }
      throw error;
    }
    const keyFile = options["private-key-out"];
    if (keyFile && emulator.privateKeyPem) io.writeTextFile(keyFile, emulator.privateKeyPem);
    if (json) printJson(io, emulator.info());
    else io.stdout(describe(emulator.info(), keyFile));
    await untilStopped();
    await emulator.close();
    return 0;
  },
});
