import type { Document, OpenAPIBackend, Operation, ValidationResult } from "openapi-backend";

type ErrorObject = NonNullable<ValidationResult["errors"]>[number];

/** The matched operation of a REST request, with its decoded path parameters. */
export interface MatchedOperation {
  readonly operationId: string;
  /** `POST /repos/{owner}/{repo}/issues` */
  readonly route: string;
  readonly params: Readonly<Record<string, string>>;
  readonly operation: Operation;
}

export interface RequestShape {
  readonly method: string;
  /** The path as received, still percent-encoded, without the query. */
  readonly rawPath: string;
  readonly query: Readonly<Record<string, string | string[]>>;
  readonly contentType: string | undefined;
  readonly body: unknown;
}

let backend: Promise<OpenAPIBackend> | undefined;

const isDateTime = (text: string): boolean =>
  /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(text) && !Number.isNaN(Date.parse(text));

/** One validator per process: the description is fixed, and compiling it is the slow part. */
function loadBackend(): Promise<OpenAPIBackend> {
  backend ??= (async () => {
    // Loaded on first use, so commands that never start the emulator do not pay for it.
    const { OpenAPIBackend } = await import("openapi-backend");
    const module = await import("./openapi/github-subset.json", { with: { type: "json" } });
    const api = new OpenAPIBackend({
      definition: module.default as unknown as Document,
      strict: true,
      quick: true,
      validate: true,
      coerceTypes: true,
      // The description is generated and fixed: checking it against the JSON Schema meta-schema
      // for every compiled validator (Ajv's default) costs a second per process and finds nothing.
      ajvOpts: {
        allErrors: true,
        verbose: true,
        strict: false,
        logger: false,
        validateSchema: false,
        code: { optimize: false },
      },
      customizeAjv: (ajv) => {
        ajv.addFormat("date-time", { type: "string", validate: isDateTime });
        for (const format of ["uri", "uri-template", "email", "timestamp", "repo.nwo", "date"])
          ajv.addFormat(format, true);
        return ajv;
      },
    });
    await api.init();
    return api;
  })();
  return backend;
}

/** GitHub's contents route takes a path with slashes in one parameter: fold it into one segment. */
function matchablePath(rawPath: string): string {
  const contents = /^(\/repos\/[^/]+\/[^/]+\/contents\/)(.+)$/.exec(rawPath);
  if (!contents?.[1] || !contents[2]) return rawPath;
  return `${contents[1]}${encodeURIComponent(safeDecode(contents[2]).replace(/^\/+|\/+$/g, ""))}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The operation a request is for, or undefined when the emulator does not implement it. */
export async function matchOperation(
  request: Pick<RequestShape, "method" | "rawPath">,
): Promise<MatchedOperation | undefined> {
  const api = await loadBackend();
  const path = matchablePath(request.rawPath);
  const operation = api.matchOperation({ method: request.method, path, headers: {} });
  if (!operation?.operationId) return undefined;
  const raw = api.router.parseRequest({ method: request.method, path, headers: {} }, operation)
    .params as Record<string, string>;
  const params = Object.fromEntries(Object.entries(raw).map(([name, value]) => [name, safeDecode(value)]));
  return {
    operationId: operation.operationId,
    route: `${request.method.toUpperCase()} ${operation.path}`,
    params,
    operation,
  };
}

function describe(error: ErrorObject): string {
  const where = error.instancePath
    .replace(/^\/requestBody\/?/, "")
    .replace(/^\/query\//, "query parameter ")
    .replace(/^\/path\//, "path parameter ");
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "required") {
    const name = String(params["missingProperty"]);
    return where ? `For '${where}', "${name}" wasn't supplied.` : `"${name}" wasn't supplied.`;
  }
  if (error.keyword === "additionalProperties") {
    const name = String(params["additionalProperty"]);
    return where ? `For '${where}', "${name}" is not a permitted key.` : `"${name}" is not a permitted key.`;
  }
  if (error.keyword === "enum") {
    const allowed =
      (params["allowedValues"] as unknown[] | undefined)?.map((value) => JSON.stringify(value)).join(", ") ??
      "";
    return `${JSON.stringify(error.data)} is not a member of [${allowed}] for '${where}'.`;
  }
  if (error.keyword === "type")
    return `For '${where || "body"}', ${JSON.stringify(error.data)} is not ${String(params["type"])}.`;
  return `For '${where || "body"}', ${error.message ?? "is invalid"}.`;
}

/** GitHub-style messages for everything the request breaks; an empty list when it is valid. */
export async function validateRequest(request: RequestShape, matched: MatchedOperation): Promise<string[]> {
  const api = await loadBackend();
  const result = api.validateRequest(
    {
      method: request.method,
      path: matchablePath(request.rawPath),
      headers: request.contentType ? { "content-type": request.contentType } : {},
      query: { ...request.query },
      body: request.body as object,
    },
    matched.operation,
  );
  if (result.valid) return [];
  const messages = (result.errors ?? [])
    .filter((error) => !["oneOf", "anyOf", "if"].includes(error.keyword))
    .map(describe);
  return [...new Set(messages.length > 0 ? messages : (result.errors ?? []).map(describe))];
}

/** Checks an answer against the operation's documented response schema (a self-check for tests). */
export async function validateResponse(
  body: unknown,
  matched: MatchedOperation,
  status: number,
): Promise<string[]> {
  const api = await loadBackend();
  const result = api.validateResponse(body, matched.operation, status);
  if (result.valid) return [];
  return (result.errors ?? [])
    .slice(0, 5)
    .map((error) => `${error.instancePath || "/"} ${error.message ?? "is invalid"}`);
}

/** Every operation id in the committed description. */
export async function describedOperations(): Promise<string[]> {
  const api = await loadBackend();
  return api.getOperations().flatMap((operation) => (operation.operationId ? [operation.operationId] : []));
}
