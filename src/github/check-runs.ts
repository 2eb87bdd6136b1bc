import type { CheckReport } from "../core/check-report.js";
import { splitRepo, type GitHubTransport } from "./transport.js";

/** GitHub takes at most 50 annotations per request. */
const ANNOTATIONS_PER_REQUEST = 50;

/**
 * Posts a completed check run on a commit, with every annotation (in batches of 50, the first
 * with the creation and the rest as updates). Returns the check run's id.
 */
export async function postCheckRun(params: {
  readonly gh: GitHubTransport;
  readonly repo: string;
  readonly headSha: string;
  readonly report: CheckReport;
  readonly completedAt: Date;
}): Promise<number> {
  const { gh, report } = params;
  const where = splitRepo(params.repo);
  const batches: CheckReport["annotations"][] = [];
  for (let i = 0; i < report.annotations.length; i += ANNOTATIONS_PER_REQUEST)
    batches.push(report.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  const toGitHub = (batch: CheckReport["annotations"]) =>
    batch.map((a) => ({
      path: a.path,
      start_line: a.line,
      end_line: a.line,
      annotation_level: a.level,
      title: a.title.slice(0, 255),
      message: a.message.slice(0, 64_000),
    }));
  const output = (batch: CheckReport["annotations"]) => ({
    title: report.title.slice(0, 255),
    summary: report.summary.slice(0, 65_000),
    ...(batch.length > 0 ? { annotations: toGitHub(batch) } : {}),
  });
  const created = await gh.request("POST /repos/{owner}/{repo}/check-runs", {
    ...where,
    name: report.name,
    head_sha: params.headSha,
    status: "completed",
    conclusion: report.conclusion,
    completed_at: params.completedAt.toISOString(),
    output: output(batches[0] ?? []),
  });
  for (const batch of batches.slice(1)) {
    await gh.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
      ...where,
      check_run_id: created.data.id,
      output: output(batch),
    });
  }
  return Number(created.data.id);
}
