import type { FirstlineConfig } from "../core/config/firstline-config.js";
import { isServedRepository, isTicketRepository } from "../core/repositories.js";
import { buildSlaPolicy, type SlaPolicy } from "../core/sla/policy.js";
import {
  clearConfigProblems,
  configProblemBody,
  describeProblems,
  reportConfigProblems,
} from "../github/config-problem-issue.js";
import { createNeededLabels, labelCatalogue } from "../github/label-catalogue.js";
import type { GitHubTransport } from "../github/transport.js";
import { guardWrites } from "../github/write-guard.js";
import type { FirstlineService } from "./service.js";

/** Everything a ticket handler needs once the repository is known to be served. */
export interface TicketScope {
  readonly gh: GitHubTransport;
  readonly repo: string;
  /** The repository's node id, when the event carried it (labels are then created in one request). */
  readonly repositoryId?: string | undefined;
  readonly config: FirstlineConfig;
  readonly policy: SlaPolicy;
  readonly botLogin: string;
  readonly now: number;
  /** The installation that sent the event, whose write budget the ticket's writes spend; unknown for email. */
  readonly installation?: number;
}

interface Logger {
  info: (obj: object, msg?: string) => void;
  warn: (obj: object, msg?: string) => void;
  error: (obj: object, msg?: string) => void;
}

/**
 * The agency's configuration (from the support repository, never from the repository the event
 * came from) and whether this repository is one it lists. While the configuration is broken the
 * app acts on no ticket and keeps one issue in the support repository saying why; once it reads
 * cleanly that issue is closed. Returns null when there is nothing to do here. The transport it
 * hands on refuses any write to a repository the configuration does not list.
 */
export async function ticketScope(params: {
  readonly service: FirstlineService;
  readonly gh: GitHubTransport;
  readonly repo: string;
  readonly repositoryId?: string | undefined;
  readonly botLogin: string;
  readonly log: Logger;
  readonly installation?: number | undefined;
}): Promise<TicketScope | null> {
  const { service, repo, botLogin, log } = params;
  // A push to the support repository forgets the cached file at once; trusting it for a minute
  // otherwise saves a conditional read on every webhook.
  const config = await agencyConfig({
    service,
    gh: params.gh,
    repo,
    botLogin,
    log,
    maxAgeMs: service.webhookConfigMaxAgeMs,
  });
  if (!config) return null;
  const supportRepo = service.supportRepo;
  if (!isTicketRepository(config.config, repo)) {
    if (await service.memory.firstTimeToLog(`unlisted:${repo}`)) {
      log.info({ repo, supportRepo }, "repository not listed in the configuration: left alone");
    }
    return null;
  }
  const gh = guardWrites({
    gh: params.gh,
    allowed: (target) => isServedRepository({ config: config.config, supportRepo, repo: target }),
    log,
  });
  const teamMembers = await service.teamMembers(config.supportGh, config.config);
  return {
    gh,
    repo,
    ...(params.repositoryId ? { repositoryId: params.repositoryId } : {}),
    config: config.config,
    policy: buildSlaPolicy({ config: config.config, teamMembers }),
    botLogin,
    now: service.now(),
    ...(params.installation === undefined ? {} : { installation: params.installation }),
  };
}

/**
 * The configuration of the support repository. While it is broken the problem is reported once
 * on the support repository (and cleared there once it reads cleanly again), and the last
 * configuration that read cleanly in this process goes on serving; null when there is none.
 */
export async function agencyConfig(params: {
  readonly service: FirstlineService;
  readonly gh: GitHubTransport;
  readonly repo: string;
  readonly botLogin: string;
  readonly log: Logger;
  readonly maxAgeMs?: number;
}): Promise<{ config: FirstlineConfig; supportGh: GitHubTransport } | null> {
  const { service, repo, botLogin, log } = params;
  const supportRepo = service.supportRepo;
  const { loaded, gh: supportGh } = await service.supportConfig({
    gh: params.gh,
    repo,
    ...(params.maxAgeMs === undefined ? {} : { maxAgeMs: params.maxAgeMs }),
  });
  if (loaded.kind === "absent") {
    if ((await service.memory.reportedProblem(supportRepo)) === undefined) {
      log.warn(
        { supportRepo },
        "the support repository has no .github/firstline.yml: no repository is served",
      );
      await service.memory.rememberReportedProblem(supportRepo, "absent");
    }
    return null;
  }
  if (loaded.kind === "broken") {
    const body = configProblemBody(loaded.problems);
    if ((await service.memory.reportedProblem(supportRepo)) !== body) {
      log.warn({ supportRepo }, `configuration unusable: ${describeProblems(loaded.problems)}`);
      await reportConfigProblems({ gh: supportGh, repo: supportRepo, botLogin, problems: loaded.problems });
      await service.memory.rememberReportedProblem(supportRepo, body);
    }
    return service.lastGoodConfig ? { config: service.lastGoodConfig, supportGh } : null;
  }
  service.rememberGoodConfig(loaded.config);
  if ((await service.memory.reportedProblem(supportRepo)) !== undefined) {
    await service.memory.forgetReportedProblem(supportRepo);
    await clearConfigProblems({ gh: supportGh, repo: supportRepo, botLogin });
  }
  return { config: loaded.config, supportGh };
}

/**
 * Creates, before a ticket gets them, those of its labels this repository may lack: only the
 * labels it needs, each once per repository (remembered in the state store, so shared between
 * instances), rather than the whole catalogue on a repository's first ticket.
 */
export async function readyLabels(params: {
  readonly scope: TicketScope;
  readonly service: FirstlineService;
  readonly labels: readonly string[];
  readonly log: Logger;
}): Promise<void> {
  const { scope, service, log } = params;
  const { config, repo, gh } = scope;
  // No lock per repository: a P1 ticket must not wait on a routine ticket's creation of the same
  // labels (whose write waits behind every routine write); two tickets creating one label at once
  // cost a refused creation, nothing more.
  const unknown: string[] = [];
  for (const name of params.labels)
    if (!(await service.store.isSeen(labelKey(repo, name)))) unknown.push(name);
  if (unknown.length === 0) return;
  const { created, known } = await createNeededLabels({
    gh,
    repo,
    catalogue: labelCatalogue(config),
    names: unknown,
    repositoryId: scope.repositoryId,
  });
  if (created.length > 0) log.info({ repo, created }, "created labels");
  for (const name of known) await service.store.markSeen(labelKey(repo, name), LABEL_KNOWN_TTL_MS);
}

const LABEL_KNOWN_TTL_MS = 7 * 24 * 3600_000;

function labelKey(repo: string, name: string): string {
  return `label:${repo.toLowerCase()}:${name.toLowerCase()}`;
}
