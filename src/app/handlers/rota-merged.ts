import type { Context } from "probot";
import { diffRotaSlots } from "../../core/rota/change.js";
import { rotaChangeEvent } from "../../core/notify/rota-events.js";
import { readRotaAt } from "../../github/rota-pull-request.js";
import { transportOf } from "../../github/transport.js";
import { notifyEvents } from "../notify-tickets.js";
import type { FirstlineService } from "../service.js";

/**
 * A rota change reaching the support repository's default branch (a merged pull request): the
 * people it moves and their delivery leads are told what changed, from when, and where it was
 * decided. The event is keyed by the commit, so a push delivered twice tells nobody twice.
 */
export async function handleRotaMerged(context: Context<"push">, service: FirstlineService): Promise<void> {
  const { payload } = context;
  if (payload.deleted || payload.ref !== `refs/heads/${payload.repository.default_branch}`) return;
  const repo = payload.repository.full_name;
  if (repo.toLowerCase() !== service.supportRepo.toLowerCase()) return;
  if (!service.notifier.can.slack && !service.notifier.can.email) return;
  await service.deliveries.once(`${context.id}:rota-notify`, async () => {
    const gh = transportOf(context.octokit);
    const { loaded } = await service.supportConfig({ gh, repo });
    const config = loaded.kind === "valid" ? loaded.config : service.lastGoodConfig;
    if (!config) return;
    const dir = config.rota.dir.replace(/\/+$/, "");
    const touched = payload.commits.some((c) =>
      [...(c.added ?? []), ...(c.modified ?? []), ...(c.removed ?? [])].some((path) =>
        path.startsWith(`${dir}/`),
      ),
    );
    if (!touched) return;
    const [base, head] = await Promise.all([
      readRotaAt({ gh, reader: service.reader, repo, dir, ref: payload.before, missingIsEmpty: true }),
      readRotaAt({ gh, reader: service.reader, repo, dir, ref: payload.after, missingIsEmpty: false }),
    ]);
    if (!base.ok || !head.ok) return;
    const pull = /Merge pull request #(\d+)|\(#(\d+)\)\s*$/m.exec(payload.head_commit?.message ?? "");
    const number = pull?.[1] ?? pull?.[2];
    const link = number ? `${payload.repository.html_url}/pull/${number}` : payload.compare;
    const event = rotaChangeEvent({
      changes: diffRotaSlots({ base: base.value, head: head.value }),
      people: head.value.people,
      commit: payload.after,
      link,
      at: service.now(),
    });
    if (event) await notifyEvents({ service, gh, repo, config, events: [event] });
  });
}
