import type { Probot } from "probot";
import { CONFIG_PATH, type FirstlineConfig } from "../config/firstline-config.js";
import { buildSlaPolicy } from "../core/sla/policy.js";
import type { SweptTicket } from "../core/sweep/plan-sweep.js";
import type { TicketSnapshot } from "../core/ticket/snapshot.js";
import { isServedRepository, ticketRepositories } from "../core/repositories.js";
import { guardWrites } from "../github/write-guard.js";
import { agencyConfig } from "./ticket-scope.js";
import { sweepTickets, updateDashboard, type SweepFailure, type TicketSweep } from "../github/run-sweep.js";
import { transportOf, type GitHubTransport } from "../github/transport.js";
import { WriteLog } from "../github/write-log.js";
import type { FirstlineService } from "./service.js";
import { checkRotaPullRequest } from "../github/rota-pull-request.js";
import { openDueMaintenance, syncSecurityTickets } from "../github/maintenance.js";
import type { SlaPolicy } from "../core/sla/policy.js";
import { splitRepo, statusOf } from "../github/transport.js";
import { DateTime } from "luxon";
import { pageTicketIfDue } from "./ticket-pages.js";
import { onCallUpkeep } from "./on-call-upkeep.js";
import { keepProject } from "./project-upkeep.js";
import { dailyServiceCharts } from "./service-charts.js";
import type { ProjectSync } from "../github/project-sync.js";

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
  /** What keeping the configured Project did, when there is one. */
  readonly project?: ProjectSync;
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
 * Sweeps the agency's tickets. The one configuration is read from the support repository; an
 * agency's client repositories usually sit in several installations (one per client
 * organisation), so the listed repositories are read installation by installation, and one
 * dashboard in the support repository covers them all. Installed repositories that the
 * configuration does not list are left alone.
 */
export async function sweepInstallations(params: {
  readonly app: Probot;
  readonly service: FirstlineService;
}): Promise<ConfigSweep[]> {
  const { app, service } = params;
  const supportRepo = service.supportRepo;
  const appGh = transportOf(await app.auth());
  const installations = await service.cached("installations", () =>
    listAll(appGh, "GET /app/installations", (data) => (data as { id: number }[]).map((i) => i.id)),
  );
  const botLogin = await service.botLogin();
  const installed = new Map<string, { installation: number; gh: GitHubTransport; all: readonly string[]; name: string }>();
  for (const installation of installations) {
    const gh = transportOf(await app.auth(installation));
    const repos = await service.cached(`repos:${installation}`, () =>
      listAll(gh, "GET /installation/repositories", (data) =>
        (data as { repositories: { full_name: string }[] }).repositories.map((r) => r.full_name),
      ),
    );
    for (const repo of repos) installed.set(repo.toLowerCase(), { installation, gh, all: repos, name: repo });
  }
  const home = installed.get(supportRepo.toLowerCase());
  if (!home) {
    app.log.warn({ supportRepo }, "the app is not installed on the support repository: nothing to sweep");
    return [];
  }
  const agency = await agencyConfig({ service, gh: home.gh, repo: supportRepo, botLogin, log: app.log, maxAgeMs: service.sweepConfigMaxAgeMs });
  if (!agency) return [];
  const { config } = agency;
  const listed = new Set(ticketRepositories(config).map((r) => r.toLowerCase()));
  for (const entry of installed.values()) {
    const key = entry.name.toLowerCase();
    if (listed.has(key) || key === supportRepo.toLowerCase() || service.unlistedLogged.has(key)) continue;
    service.unlistedLogged.add(key);
    app.log.info({ repo: entry.name, supportRepo }, "repository not listed in the configuration: left alone");
  }
  const parts: Part[] = [];
  const notInstalled: string[] = [];
  for (const repo of ticketRepositories(config)) {
    const entry = installed.get(repo.toLowerCase());
    if (!entry) {
      notInstalled.push(repo);
      continue;
    }
    let part = parts.find((p) => p.installation === entry.installation);
    if (!part) parts.push((part = { installation: entry.installation, gh: guard(entry.gh), repos: [], all: entry.all }));
    part.repos.push(entry.name);
  }
  if (!parts.some((p) => p.installation === home.installation)) parts.push({ installation: home.installation, gh: guard(home.gh), repos: [], all: home.all });
  function guard(gh: GitHubTransport): GitHubTransport {
    return guardWrites({ gh, allowed: (repo) => isServedRepository({ config, supportRepo, repo }), log: app.log });
  }
  const supportGh = guard(home.gh);
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
  const failures: SweepFailure[] = [];
  const readRepos = new Set<string>();
  for (const part of parts) {
    // The support repository is searched with the tickets, so its dashboard comes back with them,
    // unless this process already knows the dashboard (it wrote it).
    const holdsSupport = part.installation === home.installation && !service.knownDashboards.has(supportRepo.toLowerCase());
    // Every ticket repository is searched every sweep, even one that had no open issue: a ticket
    // whose webhook never arrived must still be found within one sweep.
    const repos = holdsSupport ? [...part.repos, supportRepo] : [...part.repos];
    if (repos.length === 0) continue;
    for (const repo of repos) readRepos.add(repo.toLowerCase());
    let writeLog = service.writeLogs.get(part.installation);
    if (!writeLog) service.writeLogs.set(part.installation, (writeLog = new WriteLog()));
    let result: TicketSweep;
    try {
      result = await sweepTickets({
      gh: part.gh,
      repos,
      config,
      policy,
      botLogin,
      responders: () => responders,
      writeLog,
      now: () => service.now(),
      lock: (key, work) => service.locks.run(key, work),
      });
    } catch (error) {
      // One installation that fails (its token refused, GitHub down for it) leaves the others swept.
      failures.push(...part.repos.map((repo) => ({ repo, status: statusOf(error), message: (error as Error).message })));
      continue;
    }
    failures.push(...result.failures);
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
        try {
          await pageTicketIfDue({ scope: { gh: part.gh, repo: snapshot.repo, config, policy, botLogin, now: service.now() }, service, snapshot, log: app.log, responders });
        } catch (error) {
          failures.push({ repo: snapshot.repo, number: snapshot.number, status: statusOf(error), message: (error as Error).message });
        }
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
  for (const failure of failures) app.log.warn({ ...failure }, "the sweep could not finish here; the next sweep tries again");
  await dailyMaintenance({ service, config, policy, botLogin, home: supportRepo, assignees: responders?.support ? [responders.support.developer, responders.support.operations] : [], ghFor: async (repo) => guard((await service.githubFor(repo, home.gh, supportRepo)) ?? home.gh), log: app.log });
  const project = await keepProject({ service, config, installed: new Map([...installed].map(([repo, entry]) => [repo, { installation: entry.installation, gh: guard(entry.gh) }])), swept, responders, wasRead: (repo) => readRepos.has(repo.toLowerCase()) && !failures.some((f) => f.repo.toLowerCase() === repo.toLowerCase() && f.number === undefined), log: app.log });
  const charts = await dailyServiceCharts({ service, config, policy, botLogin, searches: parts.map((p) => ({ gh: p.gh, repos: p.repos })), log: app.log });
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
    sections: charts,
    notices: [...agencyNotices({ supportRepo, ignored: [...service.ignoredConfigFiles], notInstalled, failures }), ...project.notices],
  });
  service.knownDashboards.set(supportRepo.toLowerCase(), dashboard.dashboard);
  await recheckRotaPulls({ service, gh: supportGh, repo: supportRepo, config, botLogin, log: app.log });
  await onCallUpkeep({ service, config, supportGh, supportRepo, searches: parts.map((p) => ({ gh: p.gh, repos: p.repos })), botLogin, log: app.log });
  return [
    {
      config: supportRepo,
      ...totals,
      writes: totals.writes + (dashboard.outcome === "unchanged" ? 0 : 1),
      dashboard: dashboard.outcome,
      ...(project.sync ? { project: project.sync } : {}),
    },
  ];
}

/** What the agency should know besides its tickets, as dashboard lines. */
function agencyNotices(params: { supportRepo: string; ignored: readonly string[]; notInstalled: readonly string[]; failures: readonly SweepFailure[] }): string[] {
  const { supportRepo, ignored, notInstalled, failures } = params;
  const failed = new Map<string, SweepFailure[]>();
  for (const failure of failures) failed.set(failure.repo, [...(failed.get(failure.repo) ?? []), failure]);
  return [
    ...[...failed].sort(([a], [b]) => a.localeCompare(b)).map(([repo, list]) => {
      const first = list[0];
      const status = first?.status === undefined ? "" : ` (GitHub answered ${first.status})`;
      const what = list.every((f) => f.number === undefined) ? "could not be swept" : `had ${list.length} ticket${list.length === 1 ? "" : "s"} that could not be brought up to date`;
      return `\`${repo}\` ${what} this time${status}; the next sweep tries again.`;
    }),
    ...[...ignored].sort().map((repo) => `\`${repo}\` has a \`.github/firstline.yml\` of its own, which Firstline ignores: only \`${supportRepo}\` configures it. Move anything still needed there, then delete that file.`),
    ...[...notInstalled].sort().map((repo) => `\`${repo}\` is listed in the configuration but the app is not installed there (or cannot see it): its tickets are not watched.`),
  ];
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
  log: { warn: (obj: object, msg?: string) => void };
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
  } catch (error) {
    params.log.warn({ repo, error: (error as Error).message }, "could not list the open rota pull requests; tried again tomorrow");
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
  log: { warn: (obj: object, msg?: string) => void };
}): Promise<void> {
  const { service, config, policy, botLogin, home, ghFor, assignees, log } = params;
  const today = DateTime.fromMillis(service.now(), { zone: config.timezone }).toISODate() ?? "";
  const key = `maintenance:${home.toLowerCase()}`;
  if (service.dailyDone.get(key) === today) return;
  service.dailyDone.set(key, today);
  await openDueMaintenance({ ghFor, config, policy, botLogin, now: service.now(), assignees });
  for (const repo of ticketRepositories(config)) {
    try {
      const gh = await ghFor(repo);
      // A configuration file left in a ticket repository is ignored; the dashboard says so.
      const own = await service.reader.read({ gh, repo, path: CONFIG_PATH, maxAgeMs: 24 * 60 * 60_000 });
      if (own !== null) service.ignoredConfigFiles.add(repo);
      else service.ignoredConfigFiles.delete(repo);
      if (config.securityAlerts.enabled && config.clients.some((c) => c.repos.some((r) => r.toLowerCase() === repo.toLowerCase()))) {
        await syncSecurityTickets({ gh, repo, config, botLogin, assignees });
      }
    } catch (error) {
      // A repository the app cannot read is reported and skipped; the others are still kept in step.
      log.warn({ repo, error: (error as Error).message }, "daily maintenance could not read a repository");
    }
  }
}
