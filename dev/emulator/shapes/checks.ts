import { githubTime } from "../clock.js";
import { nodeId } from "../state/ids.js";
import type { AnnotationRecord, CheckRunRecord, RepoRecord } from "../state/types.js";
import { integration } from "./app.js";
import { segment, type JsonObject, type ShapeContext } from "./context.js";

function pullsAt(ctx: ShapeContext, repo: RepoRecord, sha: string): JsonObject[] {
  const api = `${ctx.base}/repos/${segment(repo.owner)}/${segment(repo.name)}`;
  return ctx.state
    .issuesOf(repo)
    .filter((issue) => issue.pull && issue.state === "open" && issue.pull.headSha === sha)
    .map((issue) => ({
      url: `${api}/pulls/${issue.number}`,
      id: issue.pull?.id,
      number: issue.number,
      head: { ref: issue.pull?.headRef, sha, repo: { id: repo.id, url: api, name: repo.name } },
      base: {
        ref: issue.pull?.baseRef,
        sha: repo.branches.get(issue.pull?.baseRef ?? "") ?? sha,
        repo: { id: repo.id, url: api, name: repo.name },
      },
    }));
}

/** GitHub's `check-run` (REST and the `check_run` webhook). */
export function checkRun(ctx: ShapeContext, record: CheckRunRecord): JsonObject {
  const repo = ctx.state.repoById(record.repoId);
  const api = `${ctx.base}/repos/${segment(repo.owner)}/${segment(repo.name)}`;
  const url = `${api}/check-runs/${record.id}`;
  const suiteId = record.id + 500_000;
  const branch = [...repo.branches.entries()].find(([, sha]) => sha === record.headSha)?.[0] ?? null;
  return {
    id: record.id,
    name: record.name,
    node_id: nodeId("CheckRun", record.id),
    head_sha: record.headSha,
    external_id: record.externalId ?? "",
    url,
    html_url: `${ctx.base}/${segment(repo.owner)}/${segment(repo.name)}/runs/${record.id}`,
    details_url: record.detailsUrl ?? `${ctx.base}/apps/${ctx.state.app.slug}`,
    status: record.status,
    conclusion: record.conclusion,
    started_at: githubTime(record.startedAt),
    completed_at: record.completedAt ? githubTime(record.completedAt) : null,
    output: {
      title: record.output.title,
      summary: record.output.summary,
      text: record.output.text,
      annotations_count: record.annotations.length,
      annotations_url: `${url}/annotations`,
    },
    check_suite: {
      id: suiteId,
      node_id: nodeId("CheckSuite", suiteId),
      head_branch: branch,
      head_sha: record.headSha,
      status: record.status,
      conclusion: record.conclusion,
      url: `${api}/check-suites/${suiteId}`,
      before: null,
      after: record.headSha,
      pull_requests: pullsAt(ctx, repo, record.headSha),
      app: integration(ctx),
      created_at: githubTime(record.startedAt),
      updated_at: githubTime(record.completedAt ?? record.startedAt),
    },
    app: integration(ctx),
    pull_requests: pullsAt(ctx, repo, record.headSha),
  };
}

/** GitHub's `check-annotation`. */
export function annotation(
  ctx: ShapeContext,
  repo: RepoRecord,
  headSha: string,
  record: AnnotationRecord,
): JsonObject {
  return {
    path: record.path,
    blob_href: `${ctx.base}/${segment(repo.owner)}/${segment(repo.name)}/blob/${headSha}/${record.path}`,
    start_line: record.startLine,
    end_line: record.endLine,
    start_column: record.startColumn,
    end_column: record.endColumn,
    annotation_level: record.level,
    title: record.title,
    message: record.message,
    raw_details: record.rawDetails,
  };
}
