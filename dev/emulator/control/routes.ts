import type { IncomingMessage, ServerResponse } from "node:http";
import * as z from "zod";
import type { EmulatorCore } from "../core.js";
import { faultChangesSchema } from "../faults.js";
import { parseJsonBody, readBody, writeResponse } from "../http-io.js";
import { dumpState } from "../state/dump.js";
import { seedSchema } from "../state/seed-schema.js";
import { alertSchema, dismissSchema, pushSchema, type ControlActions } from "./actions.js";

/** What `GET /_emulator` answers: how to talk to this emulator. */
export interface EmulatorInfo {
  readonly url: string;
  readonly appId: number;
  readonly appSlug: string;
  readonly botLogin: string;
  /** The app's private key (PEM), for Probot's PRIVATE_KEY; null when only a public key was given. */
  readonly privateKeyPem: string | null;
  readonly webhook: { readonly url: string; readonly signed: boolean } | null;
  readonly installations: readonly { readonly id: number; readonly account: string }[];
  /** Seeded users and the token that acts as each (`Authorization: token user-<login>`). */
  readonly users: readonly { readonly login: string; readonly token: string }[];
}

const clockSchema = z.union([
  z.strictObject({ now: z.iso.datetime({ offset: true }) }),
  z.strictObject({ advanceMinutes: z.number() }),
]);
const webhookSchema = z.strictObject({ url: z.url(), secret: z.string().optional() });
const idleSchema = z
  .strictObject({ timeoutMs: z.number().int().positive().max(120_000).optional() })
  .optional();

type ControlAnswer = { status: number; body?: unknown };
type ControlRoute = {
  method: string;
  pattern: RegExp;
  run: (match: string[], body: unknown) => ControlAnswer | Promise<ControlAnswer>;
};

/** The `/_emulator/...` routes: not GitHub's API, so neither validated against OpenAPI nor logged. */
export function controlRoutes(
  core: EmulatorCore,
  actions: ControlActions,
  info: () => EmulatorInfo,
): (request: IncomingMessage, response: ServerResponse, path: string) => Promise<void> {
  const repo = "([^/]+/[^/]+)";
  const routes: ControlRoute[] = [
    { method: "GET", pattern: /^\/_emulator\/?$/, run: () => ({ status: 200, body: info() }) },
    {
      method: "POST",
      pattern: /^\/_emulator\/seed$/,
      run: (_m, body) => (actions.seed(seedSchema.parse(body ?? {})), { status: 200, body: info() }),
    },
    {
      method: "GET",
      pattern: /^\/_emulator\/state$/,
      run: () => ({ status: 200, body: dumpState(core.state, core.clock.now()) }),
    },
    {
      method: "GET",
      pattern: /^\/_emulator\/clock$/,
      run: () => ({ status: 200, body: { now: core.clock.now().toISOString() } }),
    },
    {
      method: "POST",
      pattern: /^\/_emulator\/clock$/,
      run: (_m, body) => {
        const input = clockSchema.parse(body);
        if ("now" in input) core.clock.set(new Date(input.now));
        else core.clock.advance({ minutes: input.advanceMinutes });
        return { status: 200, body: { now: core.clock.now().toISOString() } };
      },
    },
    {
      method: "GET",
      pattern: /^\/_emulator\/faults$/,
      run: () => ({ status: 200, body: core.faults.settings() }),
    },
    {
      method: "POST",
      pattern: /^\/_emulator\/faults$/,
      run: (_m, body) => ({ status: 200, body: core.faults.set(faultChangesSchema.parse(body ?? {})) }),
    },
    {
      method: "DELETE",
      pattern: /^\/_emulator\/faults$/,
      run: () => ({ status: 200, body: core.faults.reset() }),
    },
    { method: "GET", pattern: /^\/_emulator\/log$/, run: () => ({ status: 200, body: core.log.summary() }) },
    { method: "DELETE", pattern: /^\/_emulator\/log$/, run: () => (core.log.reset(), { status: 204 }) },
    {
      method: "GET",
      pattern: /^\/_emulator\/deliveries$/,
      run: () => ({ status: 200, body: core.dispatcher.deliveries() }),
    },
    {
      method: "DELETE",
      pattern: /^\/_emulator\/deliveries$/,
      run: () => (core.dispatcher.clear(), { status: 204 }),
    },
    {
      method: "POST",
      pattern: /^\/_emulator\/deliveries\/([^/]+)\/redeliver$/,
      run: (m) => ({ status: 202, body: core.dispatcher.redeliver(String(m[1])) }),
    },
    {
      method: "POST",
      pattern: /^\/_emulator\/idle$/,
      run: async (_m, body) => {
        await core.activity.waitForIdle(idleSchema.parse(body)?.timeoutMs ?? 10_000);
        return { status: 200, body: { idle: true } };
      },
    },
    {
      method: "POST",
      pattern: /^\/_emulator\/webhook$/,
      run: (_m, body) => (
        core.dispatcher.setTarget(webhookSchema.parse(body)),
        { status: 200, body: info() }
      ),
    },
    {
      method: "DELETE",
      pattern: /^\/_emulator\/webhook$/,
      run: () => (core.dispatcher.setTarget(null), { status: 204 }),
    },
    {
      method: "GET",
      pattern: /^\/_emulator\/self-check$/,
      run: () => ({ status: 200, body: { responseProblems: core.responseProblems } }),
    },
    {
      method: "POST",
      pattern: new RegExp(`^/_emulator/repos/${repo}/push$`),
      run: (m, body) => ({ status: 201, body: actions.push(String(m[1]), pushSchema.parse(body)) }),
    },
    {
      method: "POST",
      pattern: new RegExp(`^/_emulator/repos/${repo}/dependabot/alerts$`),
      run: (m, body) => ({ status: 201, body: actions.createAlert(String(m[1]), alertSchema.parse(body)) }),
    },
    {
      method: "POST",
      pattern: new RegExp(`^/_emulator/repos/${repo}/dependabot/alerts/(\\d+)/fix$`),
      run: (m) => (actions.fixAlert(String(m[1]), Number(m[2])), { status: 204 }),
    },
    {
      method: "POST",
      pattern: new RegExp(`^/_emulator/repos/${repo}/dependabot/alerts/(\\d+)/dismiss$`),
      run: (m, body) => (
        actions.dismissAlert(String(m[1]), Number(m[2]), dismissSchema.parse(body)),
        { status: 204 }
      ),
    },
  ];

  return async (request, response, path) => {
    const method = (request.method ?? "GET").toUpperCase();
    const decoded = decodeURIComponent(path);
    const route = routes.find((candidate) => candidate.method === method && candidate.pattern.test(decoded));
    const send = (answer: ControlAnswer): void =>
      writeResponse(response, {
        status: answer.status,
        headers: {},
        body: answer.body === undefined ? undefined : JSON.stringify(answer.body),
      });
    if (!route)
      return send({
        status: 404,
        body: { message: `No control route ${method} ${path}; see dev/emulator/README.md` },
      });
    const parsed = parseJsonBody(await readBody(request));
    if (!parsed.ok) return send({ status: 400, body: { message: "Problems parsing JSON" } });
    try {
      send(await route.run(route.pattern.exec(decoded)?.slice(0) ?? [], parsed.value));
    } catch (error) {
      const message = error instanceof z.ZodError ? z.prettifyError(error) : (error as Error).message;
      send({ status: 400, body: { message } });
    }
  };
}
