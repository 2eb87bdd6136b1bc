import type { Context } from "probot";
import { CONFIG_PATH, firstlineConfigSchema } from "../../core/config/firstline-config.js";
import { readAll } from "../../github/read-all.js";
import { configCheckReport } from "../../core/check-report.js";
import { postCheckRun } from "../../github/check-runs.js";
import { loadRepoConfig } from "../../github/repo-config.js";
import { checkRotaPullRequest } from "../../github/rota-pull-request.js";
import { splitRepo, transportOf } from "../../github/transport.js";
import type { FirstlineService } from "../service.js";

type PullContext = Context<"pull_request"> | Context<"pull_request_review">;

/**
 * A pull request in the support repository opened or updated, or a review given or dismissed:
 * check a change to the rota (notice, approvals, rules, fairness) and a change to the
 * configuration, each as a check run. Pull requests anywhere else are not Firstline's business.
 */
export async function handlePullRequest(context: PullContext, service: FirstlineService): Promise<void> {
  await service.deliveries.once(context.id, async () => {
    const repo = context.payload.repository.full_name;
    if (repo.toLowerCase() !== service.supportRepo.toLowerCase()) return;
    const number = context.payload.pull_request.number;
    const gh = transportOf(context.octokit);
    await service.locks.run(`${repo}#${number}`, async () => {
      const loaded = await loadRepoConfig({ gh, reader: service.reader, repo });
      const config = loaded.kind === "valid" ? loaded.config : firstlineConfigSchema.parse({});
      const botLogin = await service.botLogin();
      const outcome = await checkRotaPullRequest({
        gh,
        reader: service.reader,
        repo,
        number,
        dir: config.rota.dir,
        admins: config.rota.admins.length > 0 ? config.rota.admins : undefined,
        zone: config.timezone,
        now: service.clock(),
        botLogin,
      });
      context.log.info(
        { repo, number, outcome: outcome.kind === "checked" ? outcome.result.verdict : outcome.kind },
        "checked rota pull request",
      );
      if (context.name === "pull_request")
        await checkConfigInPullRequest({ context: context as Context<"pull_request">, service });
    });
  });
}

async function checkConfigInPullRequest(params: {
  context: Context<"pull_request">;
  service: FirstlineService;
}): Promise<void> {
  const { context, service } = params;
  const repo = context.payload.repository.full_name;
  const gh = transportOf(context.octokit);
  const files = await readAll(gh, "GET /repos/{owner}/{repo}/pulls/{pull_number}/files", {
    ...splitRepo(repo),
    pull_number: context.payload.pull_request.number,
  });
  if (!files.some((f) => f.filename === CONFIG_PATH)) return;
  const headSha = context.payload.pull_request.head.sha;
  const loaded = await loadRepoConfig({ gh, reader: service.reader, repo, ref: headSha });
  const problems =
    loaded.kind === "broken"
      ? loaded.problems.filter((p) => p.file.endsWith(CONFIG_PATH)).map((p) => ({ ...p, file: CONFIG_PATH }))
      : [];
  await postCheckRun({
    gh,
    repo,
    headSha,
    report: configCheckReport({ path: CONFIG_PATH, problems }),
    completedAt: service.clock(),
  });
}
