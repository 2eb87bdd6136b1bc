import type { Context } from "probot";
import { planCoverCommand, hasCoverCommand } from "../../core/rota/cover-command.js";
import { applyTicketActions } from "../../github/apply-actions.js";
import { readRota } from "../../github/load-responders.js";
import { transportOf } from "../../github/transport.js";
import type { FirstlineService } from "../service.js";

/**
 * `/cover @who for @whom: why` in a comment on the support repository: a rota admin sets cover for
 * tonight. Firstline answers with one comment that records it, and pages go to the cover at once.
 */
export async function handleCoverCommand(
  context: Context<"issue_comment">,
  service: FirstlineService,
): Promise<void> {
  const { comment, repository } = context.payload;
  if (!hasCoverCommand(comment.body)) return;
  await service.deliveries.once(`cover:${context.id}`, async () => {
    const botLogin = await service.botLogin();
    const author = comment.user?.login ?? "ghost";
    if (author.toLowerCase() === botLogin.toLowerCase()) return;
    const gh = transportOf(context.octokit);
    const repo = repository.full_name;
    // Cover is set only on the agency's support repository, under its one configuration.
    if (repo.toLowerCase() !== service.supportRepo.toLowerCase()) return;
    const { loaded } = await service.supportConfig({ gh, repo });
    if (loaded.kind !== "valid") return;
    const config = loaded.config;
    const rota = await readRota({ gh, reader: service.reader, repo, dir: config.rota.dir });
    if (!rota) return;
    const known = await service.memory.covers(repo);
    const plan = planCoverCommand({
      body: comment.body,
      author,
      admins: config.rota.admins,
      rota: { ...rota, overrides: [...(rota.overrides ?? []), ...known] },
      now: service.now(),
      zone: config.timezone,
    });
    if (!plan) return;
    await applyTicketActions({ gh, repo, number: context.payload.issue.number, actions: [plan.action] });
    if (plan.cover) await service.memory.setCovers(repo, [...known, plan.cover]);
    context.log.info({ repo, cover: plan.cover }, "cover command");
  });
}
