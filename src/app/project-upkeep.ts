import type { FirstlineConfig } from "../core/config/firstline-config.js";
import { isTicketRepository } from "../core/triage/classify.js";
import type { SweptTicket } from "../core/sweep/plan-sweep.js";
import { writeAllowance } from "../core/sweep/write-budget.js";
import type { Responders } from "../core/ticket/responders.js";
import { syncProject, type ProjectSync } from "../github/project-sync.js";
import { splitRepo, type GitHubTransport } from "../github/transport.js";
import type { FirstlineService } from "./service.js";

/**
 * Asks the installation's write budget (the one the sweep spends) for a change's writes and
 * records them when granted; one write is kept back for the dashboard, as the sweep does.
 */
export function projectWriteBudget(params: {
  readonly service: FirstlineService;
  readonly installation: number;
}): (writes: number) => boolean {
  const { service, installation } = params;
  const budget = service.writeLogFor(installation);
  return (writes) => {
    const now = service.now();
    if (writeAllowance({ recentWrites: budget.recent(now), now }) - 1 < writes) return false;
    for (let i = 0; i < writes; i++) budget.record(now);
    return true;
  };
}

/**
 * After each sweep, keeps the configured Project in step with the tickets it swept, with the
 * token of the installation on the Project's organisation and that installation's write budget.
 * Returns lines for the dashboard when something stands in the way; nothing when there is no Project.
 */
export async function keepProject(params: {
  readonly service: FirstlineService;
  readonly config: FirstlineConfig;
  /** Installed repositories (lower-case name) with their installation's transport. */
  readonly installed: ReadonlyMap<string, { readonly installation: number; readonly gh: GitHubTransport }>;
  readonly swept: readonly SweptTicket[];
  readonly responders: Responders | null;
  /** Whether the sweep read this repository's open tickets. */
  readonly wasRead: (repo: string) => boolean;
  readonly log: { info: (obj: object, msg?: string) => void; warn: (obj: object, msg?: string) => void };
}): Promise<{ readonly sync: ProjectSync | null; readonly notices: readonly string[] }> {
  const { service, config, log } = params;
  const project = config.project;
  if (!project) return { sync: null, notices: [] };
  const owner = project.owner.toLowerCase();
  const entry = [...params.installed].find(([repo]) => splitRepo(repo).owner === owner)?.[1];
  if (!entry)
    return {
      sync: null,
      notices: [
        `The Project ${project.owner}#${project.number} is not kept: the app is not installed on ${project.owner}.`,
      ],
    };
  try {
    const sync = await syncProject({
      gh: entry.gh,
      owner: project.owner,
      number: project.number,
      tickets: params.swept,
      responders: params.responders,
      zone: config.timezone,
      isTicketRepository: (repo) => isTicketRepository(config, repo),
      wasRead: (repo) => params.wasRead(repo),
      allow: projectWriteBudget({ service, installation: entry.installation }),
    });
    if (sync.writes > 0 || sync.deferred > 0)
      log.info(
        { project: `${project.owner}#${project.number}`, ...sync, problems: sync.problems.length },
        "the Project is kept in step",
      );
    return { sync, notices: sync.problems };
  } catch (error) {
    log.warn(
      { project: `${project.owner}#${project.number}`, error: (error as Error).message },
      "the Project could not be kept in step; the next sweep tries again",
    );
    return {
      sync: null,
      notices: [
        `The Project ${project.owner}#${project.number} could not be brought up to date this time; the next sweep tries again.`,
      ],
    };
  }
}
