import type { FirstlineConfig } from "../config/firstline-config.js";
import { buildSlaPolicy, type SlaPolicy } from "../core/sla/policy.js";
import { clearConfigProblems, configProblemBody, describeProblems, reportConfigProblems } from "../github/config-problem-issue.js";
import { ensureLabels, labelCatalogue } from "../github/label-catalogue.js";
import type { GitHubTransport } from "../github/transport.js";
import type { FirstlineService } from "./service.js";

/** Everything a ticket handler needs once the repository is known to be served. */
export interface TicketScope {
  readonly gh: GitHubTransport;
  readonly repo: string;
  readonly config: FirstlineConfig;
  readonly policy: SlaPolicy;
  readonly botLogin: string;
  readonly now: number;
}

interface Logger {
  info: (obj: object, msg?: string) => void;
  warn: (obj: object, msg?: string) => void;
}

/**
 * Loads the repository's configuration. While it is broken the app acts on none of the
 * repository's tickets and keeps one issue saying why; once it reads cleanly that issue is closed.
 * Returns null when there is nothing to do here.
 */
export async function ticketScope(params: {
  readonly service: FirstlineService;
  readonly gh: GitHubTransport;
  readonly repo: string;
  readonly botLogin: string;
  readonly log: Logger;
}): Promise<TicketScope | null> {
  const { service, gh, repo, botLogin, log } = params;
  const loaded = await service.config(gh, repo);
  if (loaded.kind === "absent") return null;
  if (loaded.kind === "broken") {
    const body = configProblemBody(loaded.problems);
    if (service.configReported.get(repo) !== body) {
      log.warn({ repo }, `configuration unusable: ${describeProblems(loaded.problems)}`);
      await reportConfigProblems({ gh, repo, botLogin, problems: loaded.problems });
      service.configReported.set(repo, body);
    }
    return null;
  }
  if (service.configReported.has(repo)) {
    service.configReported.delete(repo);
    await clearConfigProblems({ gh, repo, botLogin });
  }
  const config = loaded.config;
  const teamMembers = await service.teamMembers(gh, config);
  return { gh, repo, config, policy: buildSlaPolicy({ config, teamMembers }), botLogin, now: service.now() };
}

/** Creates the repository's missing labels once per process and configuration (not per ticket). */
export async function readyLabels(params: { readonly scope: TicketScope; readonly service: FirstlineService; readonly log: Logger }): Promise<void> {
  const { scope, service, log } = params;
  const { config, repo, gh } = scope;
  const key = `${repo}:${config.clients.map((c) => c.id).join(",")}:${config.pauseLabels.join(",")}`;
  if (service.labelsReady.has(key)) return;
  const created = await ensureLabels({ gh, repo, labels: labelCatalogue(config) });
  if (created.length > 0) log.info({ repo, created }, "created labels");
  service.labelsReady.add(key);
}
