import { planSweep } from "../core/sweep/plan-sweep.js";
import type { Responders } from "../core/ticket/responders.js";
import type { TicketSnapshot } from "../core/ticket/snapshot.js";
import { syncTicketItem } from "../github/project-ticket-item.js";
import { splitRepo } from "../github/transport.js";
import { projectWriteBudget } from "./project-upkeep.js";
import type { FirstlineService } from "./service.js";
import type { TicketScope } from "./ticket-scope.js";

/** Whether a delivery keeps this repository's tickets on the Project: one is configured, of the same organisation. */
export function keepsOnProject(scope: Pick<TicketScope, "config" | "repo">): boolean {
  const project = scope.config.project;
  return project !== null && splitRepo(scope.repo).owner.toLowerCase() === project.owner.toLowerCase();
}

/**
 * Within a delivery that triaged or changed a ticket: puts it on the configured Project, updates
 * the fields whose value moved, archives its item once it is closed (one read, and a write only
 * for a value that changed). Only a ticket of the Project's own organisation, whose installation
 * is the one that sent the event; the sweep keeps every other ticket (drafts for other
 * organisations' repositories) and catches up on anything this could not do. A failure is logged
 * and left to the sweep: the delivery's other effects stand.
 */
export async function keepTicketOnProject(params: {
  readonly scope: TicketScope;
  readonly service: FirstlineService;
  readonly snapshot: TicketSnapshot;
  readonly responders: Responders | null;
  readonly log: { info: (obj: object, msg?: string) => void; warn: (obj: object, msg?: string) => void };
}): Promise<void> {
  const { scope, service, snapshot, log } = params;
  const project = scope.config.project;
  if (!project || !keepsOnProject(scope)) return;
  // The ticket as a sweep sees it; none when it is closed (or not a ticket after all).
  const [ticket] = planSweep({
    tickets: [snapshot],
    config: scope.config,
    policy: scope.policy,
    botLogin: scope.botLogin,
    responders: params.responders,
    now: scope.now,
  });
  const where = { project: `${project.owner}#${project.number}`, repo: scope.repo, issue: snapshot.number };
  try {
    const sync = await syncTicketItem({
      gh: scope.gh,
      owner: project.owner,
      number: project.number,
      issue: { repo: scope.repo, number: snapshot.number },
      ticket: ticket ?? null,
      responders: params.responders,
      zone: scope.config.timezone,
      allow:
        scope.installation === undefined
          ? () => true
          : projectWriteBudget({ service, installation: scope.installation }),
    });
    if (sync.writes > 0 || sync.deferred > 0 || sync.problems.length > 0)
      log.info({ ...where, ...sync }, "the ticket's Project item is kept in step");
  } catch (error) {
    log.warn(
      { ...where, error: (error as Error).message },
      "the ticket's Project item could not be kept in step; the next sweep does it",
    );
  }
}
