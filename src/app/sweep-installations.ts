import type { Probot } from "probot";
import { buildSlaPolicy } from "../core/sla/policy.js";
import { loadRepoConfig } from "../github/repo-config.js";
import { runSweep, type SweepResult } from "../github/run-sweep.js";
import { transportOf, type GitHubTransport } from "../github/transport.js";
import { WriteLog } from "../github/write-log.js";
import type { FirstlineService } from "./service.js";

/** One configuration's sweep in one installation. */
export interface InstallationSweep {
  readonly installation: number;
  readonly configFile: string;
  readonly result: Omit<SweepResult, "swept">;
}

async function listAll<T>(gh: GitHubTransport, route: string, pick: (data: unknown) => T[]): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; page < 50; page++) {
    const response = await gh.request(route, { per_page: 100, page });
    const items = pick(response.data);
    all.push(...items);
    if (items.length < 100) break;
  }
  return all;
}

/**
 * Sweeps every installation: each distinct configuration found in its repositories is swept once,
 * over all the repositories it names. Configurations are read through the shared file cache, so a
 * sweep re-reads none that a push has not changed.
 */
export async function sweepInstallations(params: { readonly app: Probot; readonly service: FirstlineService }): Promise<InstallationSweep[]> {
  const { app, service } = params;
  const appGh = transportOf(await app.auth());
  const installations = await listAll(appGh, "GET /app/installations", (data) => (data as { id: number }[]).map((i) => i.id));
  const botLogin = await service.botLogin();
  const results: InstallationSweep[] = [];
  for (const installation of installations) {
    const gh = transportOf(await app.auth(installation));
    const repos = await listAll(gh, "GET /installation/repositories", (data) => (data as { repositories: { full_name: string }[] }).repositories.map((r) => r.full_name));
    const seen = new Set<string>();
    for (const repo of repos) {
      const loaded = await loadRepoConfig({ gh, reader: service.reader, repo, maxAgeMs: service.sweepConfigMaxAgeMs });
      if (loaded.kind !== "valid") continue;
      const key = loaded.files.join("+");
      if (seen.has(key)) continue;
      seen.add(key);
      const config = loaded.config;
      const teamMembers = await service.teamMembers(gh, config);
      const policy = buildSlaPolicy({ config, teamMembers });
      const supportRepo = config.supportRepo ?? (loaded.files[0]?.split(":")[0] ?? repo);
      const now = service.now();
      const responders = await service.responders({ gh, config, repo: supportRepo, now, policy });
      let writeLog = service.writeLogs.get(installation);
      if (!writeLog) service.writeLogs.set(installation, (writeLog = new WriteLog()));
      const { swept: _swept, ...result } = await runSweep({
        gh,
        config,
        policy,
        botLogin,
        responders,
        supportRepo: repos.some((r) => r.toLowerCase() === supportRepo.toLowerCase()) ? supportRepo : null,
        writeLog,
        now: () => service.now(),
        knownDashboards: service.knownDashboards,
      });
      results.push({ installation, configFile: key, result });
    }
  }
  return results;
}
