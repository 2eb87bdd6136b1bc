import type { Probot } from "probot";
import type { FirstlineConfig } from "../config/firstline-config.js";
import { buildSlaPolicy } from "../core/sla/policy.js";
import type { SweptTicket } from "../core/sweep/plan-sweep.js";
import type { TicketSnapshot } from "../core/ticket/snapshot.js";
import { loadRepoConfig } from "../github/repo-config.js";
import { sweepTickets, updateDashboard } from "../github/run-sweep.js";
import { transportOf, type GitHubTransport } from "../github/transport.js";
import { WriteLog } from "../github/write-log.js";
import type { FirstlineService } from "./service.js";
import { checkRotaPullRequest } from "../github/rota-pull-request.js";
import { openDueMaintenance, syncSecurityTickets } from "../github/maintenance.js";
import type { SlaPolicy } from "../core/sla/policy.js";
import { splitRepo } from "../github/transport.js";
import { DateTime } from "luxon";
import { pageTicketIfDue } from "./ticket-pages.js";
import { onCallUpkeep } from "./on-call-upkeep.js";

/** How long after a page on a ticket's comments the sweep still watches it for escalation. */
const PAGE_WATCH_MS = 24 * 60 * 60_000;

/** What one configuration's sweep did, across the installations that hold its repositories. */
export interface ConfigSweep {
  readonly config: string;
  readonly tickets: number;
  readonly ticketsChanged: number;
  readonly writes: number;
  readonly deferred: number;
  readonly dashboard: "created" | "updated" | "unchanged" | "skipped";
}

interface Part {
  readonly installation: number;
  readonly gh: GitHubTransport;
  /** The configuration's ticket repositories in this installation. */
  readonly repos: string[];
  /** Every repository of the installation. */
  readonly all: readonly string[];
}

async function listAll<T>(gh: GitHubTransport, route: string, pick: (data: unknown) => T[]): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; page < 50; page++) {
    const items = pick((await gh.request(route, { per_page: 100, page })).data);
    all.push(...items);
    if (items.length < 100) break;
  }
  return all;
}

/**
 * Sweeps every configuration the app can see. An agency's client repositories usually sit in
 * several installations (one per client organisation), so each configuration's tickets are read
 * installation by installation, and one dashboard in the support repository covers them all.
 * Configurations come through the shared file cache: a sweep re-reads none that no push changed.
 */
export async function sweepInstallations(params: {
  readonly app: Probot;
  readonly service: FirstlineService;
}): Promise<ConfigSweep[]> {
  const { app, service } = params;
  const appGh = transportOf(await app.auth());
  const installations = await service.cached("installations", () =>
    listAll(appGh, "GET /app/installations", (data) => (data as { id: number }[]).map((i) => i.id)),
  );
  const botLogin = await service.botLogin();
  const groups = new Map<string, { config: FirstlineConfig; home: string; parts: Part[] }>();
  for (const installation of installations) {
    const gh = transportOf(await app.auth(installation));
    const repos = await service.cached(`repos:${installation}`, () =>
      listAll(gh, "GET /installation/repositories", (data) =>
        (data as { repositories: { full_name: string }[] }).repositories.map((r) => r.full_name),
      ),
    );
    for (const repo of repos) {
      const loaded = await loadRepoConfig({
        gh,
        reader: service.reader,
        repo,
        maxAgeMs: service.sweepConfigMaxAgeMs,
      });
      if (loaded.kind !== "valid") continue;
      const key = JSON.stringify(loaded.config);
      const group = groups.get(key) ?? {
        config: loaded.config,
        home: loaded.files[0]?.split(":")[0] ?? repo,
        parts: [],
      };
      groups.set(key, group);
      const named = new Set(
        [...loaded.config.clients.flatMap((c) => c.repos), ...loaded.config.ticketRepos].map((r) =>
          r.toLowerCase(),
        ),
      );
      let part = group.parts.find((p) => p.installation === installation);
      if (!part) group.parts.push((part = { installation, gh, repos: [], all: repos }));
      if (named.has(repo.toLowerCase()) && !part.repos.includes(repo)) part.repos.push(repo);
    }
  }
  const results: ConfigSweep[] = [];
  for (const group of groups.values()) {
    const { config } = group;
    const supportRepo = config.supportRepo ?? group.home;
    const supportGh = await service.githubFor(supportRepo, group.parts[0]?.gh ?? appGh);
    const policy = buildSlaPolicy({ config, teamMembers: await service.teamMembers(supportGh, config) });
    const responders = await service.responders({
      gh: supportGh,
      config,
      repo: supportRepo,
      now: service.now(),
      policy,
      maxAgeMs: service.sweepConfigMaxAgeMs,
    });
    const swept: SweptTicket[] = [];
    const issues: TicketSnapshot[] = [];
    let totals = { tickets: 0, ticketsChanged: 0, writes: 0, deferred: 0 };
    for (const part of group.parts) {
      // The support repository is searched with the tickets, so its dashboard comes back with them,
      // unless this process already knows the dashboard (it wrote it).
      const holdsSupport = part.all.some((r) => r.toLowerCase() === supportRepo.toLowerCase()) && !service.knownDashboards.has(supportRepo.toLowerCase());
      // Every ticket repository is searched every sweep, even one that had no open issue: a ticket
      // whose webhook never arrived must still be found within one sweep.
      const repos = holdsSupport ? [...part.repos, supportRepo] : [...part.repos];
      if (repos.length === 0) continue;
      let writeLog = service.writeLogs.get(part.installation);
      if (!writeLog) service.writeLogs.set(part.installation, (writeLog = new WriteLog()));
      const result = await sweepTickets({
        gh: part.gh,
        repos,
        config,
        policy,
        botLogin,
        responders,
        writeLog,
        now: () => service.now(),
        lock: (key, work) => service.locks.run(key, work),
      });
      swept.push(...result.swept);
      // Pages outlive a restart: an open alert issue that was paged goes back on the watch list.
      for (const ticket of result.swept) {
        const { snapshot } = ticket;
        const pagedInComments = snapshot.comments.some((c) => c.author.toLowerCase() === botLogin.toLowerCase() && c.body.includes("<!-- firstline:alert-page -->") && service.now() - c.createdAt < PAGE_WATCH_MS);
        if ((snapshot.labels.includes("type: alert") && (snapshot.body ?? "").includes("<!-- firstline:alert-page -->")) || pagedInComments) {
          service.pendingPages.set(`${snapshot.repo}#${snapshot.number}`, { repo: snapshot.repo, number: snapshot.number, homeRepo: supportRepo });
        }
        // An emergency ticket whose webhook never arrived (or whose page failed) pages now.
        if (snapshot.labels.includes("priority: P1") && !snapshot.labels.includes("type: alert")) {
          await pageTicketIfDue({ scope: { gh: part.gh, repo: snapshot.repo, config, policy, botLogin, now: service.now() }, service, snapshot, log: app.log });
        }
      }
      issues.push(...result.issues);
      totals = {
        tickets: totals.tickets + result.tickets,
        ticketsChanged: totals.ticketsChanged + result.ticketsChanged,
        writes: totals.writes + result.writes,
        deferred: totals.deferred + result.deferred,
      };
    }
    const remembered = service.knownDashboards.get(supportRepo.toLowerCase());
    const dashboard = await updateDashboard({
      gh: supportGh,
      repo: supportRepo,
      swept,
      responders,
      zone: config.timezone,
      botLogin,
      issues,
      remembered,
    });
    service.knownDashboards.set(supportRepo.toLowerCase(), dashboard.dashboard);
    await recheckRotaPulls({ service, gh: supportGh, repo: supportRepo, config, botLogin });
    await onCallUpkeep({ service, config, supportGh, supportRepo, searches: group.parts.map((p) => ({ gh: p.gh, repos: p.repos })), botLogin, log: app.log });
    await dailyMaintenance({ service, config, policy, botLogin, home: supportRepo, assignees: responders?.support ? [responders.support.developer, responders.support.operations] : [], ghFor: async (repo) => (await service.githubFor(repo, supportGh)) ?? supportGh });
    results.push({
      config: supportRepo,
      ...totals,
      writes: totals.writes + (dashboard.outcome === "unchanged" ? 0 : 1),
      dashboard: dashboard.outcome,
    });
  }
  return results;
}

/**
 * Open rota pull requests are checked again once a day, because notice runs out while a pull
 * request waits: a swap that had 8 days' notice on Monday has 6 on Wednesday.
 */
async function recheckRotaPulls(params: {
  service: FirstlineService;
  gh: GitHubTransport;
  repo: string;
  config: FirstlineConfig;
  botLogin: string;
}): Promise<void> {
  const { service, gh, repo, config, botLogin } = params;
  const today = DateTime.fromMillis(service.now(), { zone: config.timezone }).toISODate() ?? "";
  if (service.dailyDone.get(repo.toLowerCase()) === today) return;
  service.dailyDone.set(repo.toLowerCase(), today);
  let pulls: { number: number }[];
  try {
    pulls = (
      await gh.request<{ number: number }[]>("GET /repos/{owner}/{repo}/pulls", {
        ...splitRepo(repo),
        state: "open",
        per_page: 100,
      })
    ).data;
  } catch {
    return;
  }
  for (const pull of pulls) {
    const key = `${repo.toLowerCase()}#${pull.number}`;
    if (service.dailyDone.get(key) === today) continue;
    service.dailyDone.set(key, today);
    await checkRotaPullRequest({
      gh,
      reader: service.reader,
      repo,
      number: pull.number,
      dir: config.rota.dir,
      admins: config.rota.admins.length > 0 ? config.rota.admins : undefined,
      zone: config.timezone,
      now: service.clock(),
      botLogin,
    });
  }
}

/**
 * Once a day per configuration (the first sweep of the local day): open the scheduled maintenance
 * tickets due, and bring every client repository's security tickets in step with its open
 * Dependabot alerts (which also catches alerts raised before Firstline was installed).
 */
async function dailyMaintenance(params: {
  service: FirstlineService;
  config: FirstlineConfig;
  policy: SlaPolicy;
  botLogin: string;
  home: string;
  assignees: string[];
  ghFor: (repo: string) => Promise<GitHubTransport>;
}): Promise<void> {
  const { service, config, policy, botLogin, home, ghFor, assignees } = params;
  const today = DateTime.fromMillis(service.now(), { zone: config.timezone }).toISODate() ?? "";
  const key = `maintenance:${home.toLowerCase()}`;
  if (service.dailyDone.get(key) === today) return;
  service.dailyDone.set(key, today);
  await openDueMaintenance({ ghFor, config, policy, botLogin, now: service.now(), assignees });
  if (!config.securityAlerts.enabled) return;
  for (const repo of config.clients.flatMap((c) => c.repos)) {
    try {
      await syncSecurityTickets({ gh: await ghFor(repo), repo, config, botLogin, assignees });
    } catch {
      // A repository the app cannot read is skipped; the others are still kept in step.
    }
  }
}
