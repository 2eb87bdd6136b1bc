import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { conditional, errorAnswer, type Answer } from "./answer.js";
import { isActor } from "./auth.js";
import type { EmulatorCore } from "./core.js";
import type { FaultOutcome } from "./faults.js";
import { answerGraphQL } from "./graphql/endpoint.js";
import { ApiError } from "./http-error.js";
import { parseJsonBody, queryObject, readBody, writeResponse } from "./http-io.js";
import {
  matchOperation,
  validateRequest,
  validateResponse,
  type MatchedOperation,
} from "./openapi-validator.js";
import { RateLimits, type RateResource } from "./rate-limit.js";
import { restHandlers } from "./routes/index.js";
import type { Actor } from "./state/types.js";
import type { WebhookEvent } from "./webhooks/payloads.js";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const FREE_OPERATIONS = new Set(["rate-limit/get"]);

function callerKey(actor: Actor): string {
  return actor.kind === "app"
    ? "app"
    : actor.kind === "installation"
      ? `installation:${actor.installationId}`
      : `user:${actor.login}`;
}

function actorName(actor: Actor): string {
  return actor.kind === "app" ? "app" : actor.login;
}

function resourceOf(operationId: string): RateResource {
  return operationId === "graphql" ? "graphql" : operationId.startsWith("search/") ? "search" : "core";
}

/** Runs the matched operation's handler (or GraphQL), collecting the webhooks it causes. */
async function runOperation(
  core: EmulatorCore,
  params: {
    operationId: string;
    matched: MatchedOperation | null;
    actor: Actor;
    url: URL;
    accept: string;
    body: unknown;
    events: WebhookEvent[];
  },
): Promise<Answer> {
  const now = core.clock.now();
  if (params.operationId === "graphql") {
    const rate = core.rateLimits.peek(callerKey(params.actor), "graphql");
    const answer = await answerGraphQL(
      {
        shapes: core.shapes,
        actor: params.actor,
        rate: { ...rate, used: rate.used + 1, remaining: Math.max(0, rate.remaining - 1) },
        now,
        emit: (event) => params.events.push(event),
      },
      params.body,
    );
    return { ...answer, headers: {} };
  }
  const handler = restHandlers[params.operationId];
  if (!handler || !params.matched) return errorAnswer(404, "Not Found");
  const result = await handler(
    {
      state: core.state,
      shapes: core.shapes,
      now,
      emit: (event) => params.events.push(event),
      auth: core.auth,
      rateLimits: core.rateLimits,
      caller: callerKey(params.actor),
    },
    {
      params: params.matched.params,
      query: queryObject(params.url),
      body: params.body,
      actor: params.actor,
      url: params.url,
      accept: params.accept,
    },
  );
  return {
    status: result.status,
    body: result.body,
    ...(result.raw === undefined ? {} : { raw: result.raw }),
    headers: { ...result.headers },
  };
}

/**
 * One REST or GraphQL request, in GitHub's order: route, authentication, injected faults, primary
 * rate limit, JSON and OpenAPI validation, then the operation. Every request is logged.
 */
export async function handleApiRequest(
  core: EmulatorCore,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
): Promise<void> {
  const method = (request.method ?? "GET").toUpperCase();
  const url = new URL(request.url ?? "/", core.shapes.base);
  const rawBody = await readBody(request);
  const isGraphQL = path === "/graphql" && method === "POST";
  const matched = isGraphQL ? null : await matchOperation({ method, rawPath: path });
  const operationId = isGraphQL ? "graphql" : (matched?.operationId ?? null);
  const write = !isGraphQL && WRITE_METHODS.has(method);
  const events: WebhookEvent[] = [];
  let actor: Actor | null = null;
  let fault: FaultOutcome | null = null;
  let answer: Answer;

  const resolved = core.auth.resolve(request.headers.authorization);
  if (operationId === null) {
    core.stderr(
      `[firstline emulator] unknown operation: ${method} ${path} is not implemented (answered 404)`,
    );
    answer = errorAnswer(404, "Not Found");
  } else if (!isActor(resolved)) {
    answer = errorAnswer(resolved.status, resolved.message);
  } else {
    actor = resolved;
    answer = await answerAuthenticated(core, {
      operationId,
      matched: matched ?? null,
      actor,
      url,
      path,
      method,
      rawBody,
      write,
      events,
      request,
      onFault: (outcome) => (fault = outcome),
    });
  }

  if (
    core.validateResponses &&
    matched &&
    answer.status < 300 &&
    answer.status !== 204 &&
    answer.body !== undefined &&
    answer.raw === undefined
  ) {
    for (const problem of await validateResponse(answer.body, matched, answer.status))
      core.responseProblems.push(`${matched.operationId} ${answer.status}: ${problem}`);
  }
  const headers: Record<string, string> = {
    date: core.clock.now().toUTCString(),
    "x-github-media-type": "github.v3; format=json",
    "x-github-api-version-selected": "2022-11-28",
    "x-github-request-id": randomBytes(8).toString("hex").toUpperCase(),
    ...answer.headers,
  };
  // The change has happened: its webhooks follow the answer, in order.
  core.dispatcher.enqueue(events);
  writeResponse(response, {
    status: answer.status,
    headers,
    body: answer.raw ?? (answer.body === undefined ? undefined : JSON.stringify(answer.body)),
  });
  core.log.record({
    at: core.clock.now().toISOString(),
    method,
    path: `${path}${url.search}`,
    operationId,
    route: isGraphQL ? "POST /graphql" : (matched?.route ?? null),
    status: answer.status,
    write,
    actor: actor ? actorName(actor) : null,
    fault,
  });
}

async function answerAuthenticated(
  core: EmulatorCore,
  params: {
    operationId: string;
    matched: MatchedOperation | null;
    actor: Actor;
    url: URL;
    path: string;
    method: string;
    rawBody: string;
    write: boolean;
    events: WebhookEvent[];
    request: IncomingMessage;
    onFault: (outcome: FaultOutcome) => void;
  },
): Promise<Answer> {
  if (core.faults.takeHang(params.path)) {
    // Never answered: the caller's time limit is what ends it (or a minute, at most).
    await new Promise<void>((resolve) => {
      const done = setTimeout(resolve, 60_000);
      params.request.socket.once("close", () => {
        clearTimeout(done);
        resolve();
      });
    });
    return errorAnswer(504, "Gateway Timeout");
  }
  const failing = core.faults.repoStatusFor(params.path);
  if (failing !== undefined)
    return errorAnswer(failing, failing === 451 ? "Repository access blocked" : "Injected failure");
  const { latencyMs, outcome } = core.faults.decide({ write: params.write });
  if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
  if (outcome === "server-error") {
    params.onFault(outcome);
    return errorAnswer(502, "Server Error");
  }
  if (outcome === "secondary-rate-limit") {
    params.onFault(outcome);
    const retryAfter = String(core.faults.settings().retryAfterSeconds);
    return errorAnswer(
      403,
      "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.",
      { "retry-after": retryAfter },
    );
  }
  const caller = callerKey(params.actor);
  const resource = resourceOf(params.operationId);
  const free = FREE_OPERATIONS.has(params.operationId);
  const before = core.rateLimits.peek(caller, resource);
  if (!free && before.remaining <= 0) {
    const who =
      params.actor.kind === "installation"
        ? `installation ID ${params.actor.installationId}`
        : actorName(params.actor);
    return errorAnswer(403, `API rate limit exceeded for ${who}.`, RateLimits.headers(before));
  }
  const parsed = parseJsonBody(params.rawBody);
  let answer: Answer;
  if (!parsed.ok) {
    answer = errorAnswer(400, "Problems parsing JSON");
  } else {
    answer = await validatedAnswer(core, { ...params, body: parsed.value });
  }
  // A GraphQL mutation's answer can be lost as a REST write's can (a query's loss is a plain error).
  const mutation = params.operationId === "graphql" && parsed.ok && isMutation(parsed.value);
  if (
    core.faults.takeLostAnswer({
      path: params.path,
      write: params.write || mutation,
      status: answer.status,
    })
  ) {
    params.onFault("server-error");
    return errorAnswer(502, "Server Error");
  }
  const notModified = conditional(params, answer);
  const status =
    free || notModified ? core.rateLimits.peek(caller, resource) : core.rateLimits.use(caller, resource, 1);
  return {
    ...(notModified ?? answer),
    headers: { ...RateLimits.headers(status), ...(notModified ?? answer).headers },
  };
}

async function validatedAnswer(
  core: EmulatorCore,
  params: {
    operationId: string;
    matched: MatchedOperation | null;
    actor: Actor;
    url: URL;
    path: string;
    method: string;
    body: unknown;
    events: WebhookEvent[];
    request: IncomingMessage;
  },
): Promise<Answer> {
  if (params.matched) {
    const problems = await validateRequest(
      {
        method: params.method,
        rawPath: params.path,
        query: queryObject(params.url),
        contentType: params.request.headers["content-type"],
        body: params.body,
      },
      params.matched,
    );
    if (problems.length > 0) {
      return {
        status: 422,
        body: {
          message: "Invalid request.",
          errors: problems,
          documentation_url: "https://docs.github.com/rest",
          status: "422",
        },
        headers: {},
      };
    }
  }
  try {
    return await runOperation(core, { ...params, accept: String(params.request.headers.accept ?? "") });
  } catch (error) {
    if (error instanceof ApiError)
      return { status: error.status, body: error.body, headers: { ...error.headers } };
    core.stderr(
      `[firstline emulator] ${params.operationId} failed: ${(error as Error).stack ?? String(error)}`,
    );
    return errorAnswer(500, "Server Error");
  }
}

/** Whether a GraphQL request's document is a mutation. */
function isMutation(body: unknown): boolean {
  const query = typeof body === "object" && body !== null ? (body as { query?: unknown }).query : undefined;
  return typeof query === "string" && /^\s*mutation\b/.test(query.replace(/#[^\n]*/g, ""));
}
