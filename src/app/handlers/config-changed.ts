import type { Context } from "probot";
import { CONFIG_PATH } from "../../core/config/firstline-config.js";
import { configCheckReport } from "../../core/check-report.js";
import { postCheckRun } from "../../github/check-runs.js";
import {
  clearConfigProblems,
  configProblemBody,
  reportConfigProblems,
} from "../../github/config-problem-issue.js";
import { loadRepoConfig } from "../../github/repo-config.js";
import { transportOf } from "../../github/transport.js";
import type { FirstlineService } from "../service.js";

/**
 * A push that changes `.github/firstline.yml` of the support repository: check the file as pushed,
 * post a check run with the problems on their lines, and on the default branch keep the "cannot
 * read its configuration" issue in step (opened while broken, closed once fixed). The same file
 * pushed to any other repository is ignored (the dashboard says so once): only the agency's
 * support repository configures Firstline.
 */
export async function handleConfigPush(context: Context<"push">, service: FirstlineService): Promise<void> {
  const { payload } = context;
  if (payload.deleted) return;
  await service.deliveries.once(context.id, async () => {
    // Any push may change files the app caches (configuration, rota): read them afresh next time.
    service.reader.forget(payload.repository.full_name);
    const touched = payload.commits.some((c) =>
      [...(c.added ?? []), ...(c.modified ?? [])].includes(CONFIG_PATH),
    );
    if (!touched) return;
    const repo = payload.repository.full_name;
    if (repo.toLowerCase() !== service.supportRepo.toLowerCase()) {
      await service.memory.noteOwnConfigFile(repo, true);
      context.log.info(
        { repo, supportRepo: service.supportRepo },
        "ignored a configuration file outside the support repository",
      );
      return;
    }
    const gh = transportOf(context.octokit);
    const atHead = await loadRepoConfig({ gh, reader: service.reader, repo, ref: payload.after });
    const problems =
      atHead.kind === "broken" ? atHead.problems.filter((p) => p.file.endsWith(CONFIG_PATH)) : [];
    const report = configCheckReport({
      path: CONFIG_PATH,
      problems: problems.map((p) => ({ ...p, file: CONFIG_PATH })),
    });
    await postCheckRun({ gh, repo, headSha: payload.after, report, completedAt: service.clock() });
    const defaultBranch = `refs/heads/${payload.repository.default_branch}`;
    if (payload.ref !== defaultBranch) return;
    const botLogin = await service.botLogin();
    if (atHead.kind === "broken") {
      await reportConfigProblems({ gh, repo, botLogin, problems: atHead.problems });
      await service.memory.rememberReportedProblem(repo, configProblemBody(atHead.problems));
    } else {
      await clearConfigProblems({ gh, repo, botLogin });
      await service.memory.forgetReportedProblem(repo);
      if (atHead.kind === "valid") service.rememberGoodConfig(atHead.config);
    }
    context.log.info({ repo, conclusion: report.conclusion }, "checked configuration");
  });
}
