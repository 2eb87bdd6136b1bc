import * as z from "zod";
import { emitRepoEvent, type ChangeEnv } from "../changes/env.js";
import { forbidden, notFound, validationFailed } from "../http-error.js";
import { paginate } from "../pagination.js";
import { annotation as annotationShape, checkRun as checkRunShape } from "../shapes/checks.js";
import { resolveRef } from "../state/git.js";
import type { AnnotationRecord, CheckRunRecord, RepoRecord } from "../state/types.js";
import {
  actingLogin,
  queryString,
  intParam,
  visibleRepo,
  type RouteEnv,
  type RouteHandler,
  type RouteRequest,
} from "./context.js";

const annotationSchema = z.looseObject({
  path: z.string(),
  start_line: z.number().int(),
  end_line: z.number().int(),
  start_column: z.number().int().optional(),
  end_column: z.number().int().optional(),
  annotation_level: z.enum(["notice", "warning", "failure"]),
  message: z.string(),
  title: z.string().optional(),
  raw_details: z.string().optional(),
});

const outputSchema = z.looseObject({
  title: z.string().optional(),
  summary: z.string().optional(),
  text: z.string().optional(),
  annotations: z.array(annotationSchema).optional(),
});

const fieldsSchema = z.looseObject({
  name: z.string().optional(),
  head_sha: z.string().optional(),
  details_url: z.string().optional(),
  external_id: z.string().optional(),
  status: z.enum(["queued", "in_progress", "completed", "waiting", "requested", "pending"]).optional(),
  started_at: z.string().optional(),
  conclusion: z.string().optional(),
  completed_at: z.string().optional(),
  output: outputSchema.optional(),
});

type CheckFields = z.output<typeof fieldsSchema>;

function requireApp(request: RouteRequest): void {
  if (request.actor.kind !== "installation") throw forbidden("You must authenticate via a GitHub App.");
}

function toAnnotation(input: z.output<typeof annotationSchema>): AnnotationRecord {
  return {
    path: input.path,
    startLine: input.start_line,
    endLine: input.end_line,
    startColumn: input.start_column ?? null,
    endColumn: input.end_column ?? null,
    level: input.annotation_level,
    message: input.message,
    title: input.title ?? null,
    rawDetails: input.raw_details ?? null,
  };
}

/** Applies fields to a run; annotations are appended, as GitHub does across updates. */
function applyFields(env: RouteEnv, run: CheckRunRecord, input: CheckFields): void {
  if (input.name !== undefined) run.name = input.name;
  if (input.details_url !== undefined) run.detailsUrl = input.details_url;
  if (input.external_id !== undefined) run.externalId = input.external_id;
  if (input.started_at !== undefined) run.startedAt = new Date(input.started_at);
  if (input.status !== undefined) run.status = input.status;
  if (input.conclusion !== undefined) {
    run.conclusion = input.conclusion;
    run.status = "completed";
  }
  if (run.status === "completed")
    run.completedAt = input.completed_at ? new Date(input.completed_at) : (run.completedAt ?? env.now);
  if (input.output) {
    const annotations = input.output.annotations ?? [];
    if (annotations.length > 50)
      throw validationFailed(
        [{ resource: "CheckRun", code: "invalid", field: "output.annotations" }],
        "Only 50 annotations are allowed per request",
      );
    if (input.output.title !== undefined) run.output.title = input.output.title;
    if (input.output.summary !== undefined) run.output.summary = input.output.summary;
    if (input.output.text !== undefined) run.output.text = input.output.text;
    run.annotations.push(...annotations.map(toAnnotation));
  }
  if (run.status === "completed" && run.conclusion === null) {
    throw validationFailed(
      [{ resource: "CheckRun", code: "missing_field", field: "conclusion" }],
      'Invalid request.\n\n"conclusion" wasn\'t supplied.',
    );
  }
}

function emitCheckRun(
  env: RouteEnv,
  login: string,
  repo: RepoRecord,
  run: CheckRunRecord,
  action: string,
): void {
  const change: ChangeEnv = { ...env, actorLogin: login };
  emitRepoEvent(change, {
    name: "check_run",
    action,
    repo,
    fields: { check_run: checkRunShape(env.shapes, run) },
  });
}

function findRun(env: RouteEnv, repo: RepoRecord, request: RouteRequest): CheckRunRecord {
  const run = env.state.checkRuns.get(intParam(request.params["check_run_id"], 0));
  if (!run || run.repoId !== repo.id) throw notFound();
  return run;
}

export const checkHandlers: Readonly<Record<string, RouteHandler>> = {
  "checks/create": (env, request) => {
    const repo = visibleRepo(env, request);
    requireApp(request);
    const login = actingLogin(env, request.actor);
    const input = fieldsSchema.parse(request.body);
    const headSha = input.head_sha ?? "";
    if (!repo.commits.has(headSha))
      throw validationFailed(
        [{ resource: "CheckRun", code: "invalid", field: "head_sha" }],
        `No commit found for SHA: ${headSha}`,
      );
    const run: CheckRunRecord = {
      id: env.state.nextId(),
      repoId: repo.id,
      name: input.name ?? "",
      headSha,
      status: "queued",
      conclusion: null,
      startedAt: env.now,
      completedAt: null,
      detailsUrl: null,
      externalId: null,
      output: { title: null, summary: null, text: null },
      annotations: [],
    };
    applyFields(env, run, input);
    env.state.checkRuns.set(run.id, run);
    emitCheckRun(env, login, repo, run, "created");
    return { status: 201, body: checkRunShape(env.shapes, run) };
  },

  "checks/update": (env, request) => {
    const repo = visibleRepo(env, request);
    requireApp(request);
    const login = actingLogin(env, request.actor);
    const run = findRun(env, repo, request);
    const wasCompleted = run.status === "completed";
    applyFields(env, run, fieldsSchema.parse(request.body ?? {}));
    if (!wasCompleted && run.status === "completed") emitCheckRun(env, login, repo, run, "completed");
    return { status: 200, body: checkRunShape(env.shapes, run) };
  },

  "checks/get": (env, request) => {
    const repo = visibleRepo(env, request);
    return { status: 200, body: checkRunShape(env.shapes, findRun(env, repo, request)) };
  },

  "checks/list-for-ref": (env, request) => {
    const repo = visibleRepo(env, request);
    const sha = resolveRef(repo, String(request.params["ref"]));
    if (!sha)
      throw validationFailed(
        [{ resource: "Commit", code: "invalid", field: "ref" }],
        `No commit found for SHA: ${String(request.params["ref"])}`,
      );
    const name = queryString(request, "check_name");
    const status = queryString(request, "status");
    let runs = [...env.state.checkRuns.values()]
      .filter((run) => run.repoId === repo.id && run.headSha === sha)
      .filter((run) => name === undefined || run.name === name)
      .filter((run) => status === undefined || run.status === status)
      .sort((a, b) => b.id - a.id);
    if ((queryString(request, "filter") ?? "latest") === "latest") {
      runs = runs.filter((run, index) => runs.findIndex((other) => other.name === run.name) === index);
    }
    const { page, headers } = paginate({ items: runs, url: request.url });
    return {
      status: 200,
      body: { total_count: runs.length, check_runs: page.map((run) => checkRunShape(env.shapes, run)) },
      headers,
    };
  },

  "checks/list-annotations": (env, request) => {
    const repo = visibleRepo(env, request);
    const run = findRun(env, repo, request);
    const { page, headers } = paginate({ items: run.annotations, url: request.url });
    return {
      status: 200,
      body: page.map((entry) => annotationShape(env.shapes, repo, run.headSha, entry)),
      headers,
    };
  },
};
