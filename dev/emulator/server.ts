import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { KeyObject } from "node:crypto";
import { Activity } from "./activity.js";
import { handleApiRequest } from "./api.js";
import { appKeys, AuthService } from "./auth.js";
import { createClock, type EmulatorClock } from "./clock.js";
import { controlActions, type ControlActions } from "./control/actions.js";
import { controlRoutes, type EmulatorInfo } from "./control/routes.js";
import type { EmulatorCore } from "./core.js";
import { Faults, type FaultChanges, type FaultSettings } from "./faults.js";
import { writeResponse } from "./http-io.js";
import { RateLimits } from "./rate-limit.js";
import { RequestLog, type RequestLogSummary } from "./request-log.js";
import { dumpState, type StateDump } from "./state/dump.js";
import type { SeedInput } from "./state/seed-schema.js";
import { EmulatorState } from "./state/store.js";
import { WebhookDispatcher, type DeliveryRecord, type WebhookTarget } from "./webhooks/dispatcher.js";

/** How to start the emulator; everything has a default. */
export interface EmulatorOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  readonly host?: string;
  /** The emulated clock's start (default: the real time at start). */
  readonly now?: Date;
  /** Where webhooks go; may also be set later (`setWebhook`, `POST /_emulator/webhook`). */
  readonly webhook?: WebhookTarget;
  readonly appId?: number;
  readonly appSlug?: string;
  readonly appName?: string;
  /** The app's private key; a fresh RSA pair is made when neither key is given. */
  readonly privateKeyPem?: string;
  /** Verify JWTs with this public key only (the private key then stays with the caller). */
  readonly publicKey?: string | KeyObject;
  readonly faults?: FaultChanges;
  readonly seed?: SeedInput;
  /** Check every REST answer against GitHub's response schemas (tests turn this on). */
  readonly validateResponses?: boolean;
  /** Where complaints about unknown operations go (default: stderr). */
  readonly stderr?: (line: string) => void;
  /** How long the app may take to answer a webhook (default 10 s, as GitHub). */
  readonly webhookTimeoutMs?: number;
}

/** A running emulator: its address, credentials, and the control API as functions. */
export interface Emulator extends ControlActions {
  readonly url: string;
  readonly port: number;
  readonly appId: number;
  readonly appSlug: string;
  readonly botLogin: string;
  readonly privateKeyPem: string | null;
  /** The raw records, for assertions the dump does not cover. */
  readonly state: EmulatorState;
  readonly clock: EmulatorClock;
  readonly log: {
    readonly summary: () => RequestLogSummary;
    readonly count: (operationId: string) => number;
    readonly reset: () => void;
  };
  readonly faults: {
    readonly set: (changes: FaultChanges) => FaultSettings;
    readonly reset: () => FaultSettings;
    readonly settings: () => FaultSettings;
  };
  readonly info: () => EmulatorInfo;
  readonly dump: () => StateDump;
  readonly deliveries: () => readonly DeliveryRecord[];
  readonly redeliver: (deliveryId: string) => DeliveryRecord;
  readonly setWebhook: (target: WebhookTarget | null) => void;
  /** Resolves when no API request is being answered and no webhook is queued or in flight (rejects after `timeoutMs`, default 60 s). */
  readonly waitForIdle: (options?: { readonly timeoutMs?: number }) => Promise<void>;
  /** REST answers that broke GitHub's response schema (only with `validateResponses`). */
  readonly responseProblems: () => readonly string[];
  readonly close: () => Promise<void>;
}

/** Starts the GitHub emulator on a real HTTP port. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const clock = createClock(options.now ?? new Date());
  const appId = options.appId ?? 1;
  const appSlug = options.appSlug ?? "firstline";
  const state = new EmulatorState({
    app: {
      id: appId,
      slug: appSlug,
      name: options.appName ?? "Firstline",
      ownerLogin: "firstline-dev",
      botLogin: `${appSlug}[bot]`,
    },
    now: clock.now(),
  });
  const keys = appKeys({ privateKeyPem: options.privateKeyPem, publicKey: options.publicKey });
  // Filled once the port is known; no request can arrive before that.
  const ready: {
    core?: EmulatorCore;
    control?: (request: IncomingMessage, response: ServerResponse, path: string) => Promise<void>;
  } = {};

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://emulator").pathname;
    const work = async (): Promise<void> => {
      const { core, control } = ready;
      if (!core || !control) throw new Error("emulator not ready");
      if (path === "/_emulator" || path.startsWith("/_emulator/")) return control(request, response, path);
      const apiPath =
        path === "/api/graphql"
          ? "/graphql"
          : path.startsWith("/api/v3/")
            ? path.slice("/api/v3".length)
            : path;
      core.activity.begin();
      try {
        await handleApiRequest(core, request, response, apiPath);
      } finally {
        core.activity.end();
      }
    };
    work().catch((error: unknown) => {
      (options.stderr ?? ((line) => process.stderr.write(`${line}\n`)))(
        `[firstline emulator] ${(error as Error).stack ?? String(error)}`,
      );
      if (!response.headersSent)
        writeResponse(response, {
          status: 500,
          headers: {},
          body: JSON.stringify({ message: "Server Error" }),
        });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1";
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  const dispatcher: WebhookDispatcher = new WebhookDispatcher({
    target: options.webhook ?? null,
    now: clock.now,
    appId,
    timeoutMs: options.webhookTimeoutMs ?? 10_000,
    onSettled: () => activity.changed(),
  });
  const activity = new Activity(() => dispatcher.busy());
  const faults = new Faults();
  if (options.faults) faults.set(options.faults);
  const built: EmulatorCore = {
    state,
    shapes: { state, base: url },
    clock,
    auth: new AuthService({ state, keys, realNow: () => Date.now() }),
    faults,
    rateLimits: new RateLimits(clock.now),
    log: new RequestLog(),
    dispatcher,
    activity,
    validateResponses: options.validateResponses ?? false,
    responseProblems: [],
    stderr: options.stderr ?? ((line) => process.stderr.write(`${line}\n`)),
  };
  ready.core = built;
  const actions = controlActions(built);
  const info = (): EmulatorInfo => {
    const target = dispatcher.getTarget();
    return {
      url,
      appId,
      appSlug,
      botLogin: state.app.botLogin,
      privateKeyPem: keys.privateKeyPem,
      webhook: target ? { url: target.url, signed: Boolean(target.secret) } : null,
      installations: [...state.installations.values()].map((record) => ({
        id: record.id,
        account: record.accountLogin,
      })),
      users: [...state.accounts.values()]
        .filter((account) => account.type === "User")
        .map((account) => ({ login: account.login, token: `user-${account.login}` })),
    };
  };
  ready.control = controlRoutes(built, actions, info);
  if (options.seed) actions.seed(options.seed);

  return {
    ...actions,
    url,
    port,
    appId,
    appSlug,
    botLogin: state.app.botLogin,
    privateKeyPem: keys.privateKeyPem,
    state,
    clock,
    log: {
      summary: () => built.log.summary(),
      count: (operationId) => built.log.count(operationId),
      reset: () => built.log.reset(),
    },
    faults: {
      set: (changes) => faults.set(changes),
      reset: () => faults.reset(),
      settings: () => faults.settings(),
    },
    info,
    dump: () => dumpState(state, clock.now()),
    deliveries: () => dispatcher.deliveries(),
    redeliver: (deliveryId) => dispatcher.redeliver(deliveryId),
    setWebhook: (target) => dispatcher.setTarget(target),
    waitForIdle: (waitOptions) => built.activity.waitForIdle(waitOptions?.timeoutMs ?? 60_000),
    responseProblems: () => [...built.responseProblems],
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
