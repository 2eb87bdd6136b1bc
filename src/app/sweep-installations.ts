import { announceWeek, sendDigests } from "./notify-digest.js";
import { notifyTicketNotices } from "./notify-tickets.js";
import type { Probot } from "probot";
import { CONFIG_PATH, type FirstlineConfig } from "../core/config/firstline-config.js";
import { readAll } from "../github/read-all.js";
import { buildSlaPolicy } from "../core/sla/policy.js";
import { isServedRepository, ticketRepositories } from "../core/repositories.js";
import { guardWrites } from "../github/write-guard.js";
import { agencyConfig } from "./ticket-scope.js";
import { agencyNotices, sweepAgency } from "../github/sweep-agency.js";
import { transportOf, type GitHubTransport } from "../github/transport.js";
import type { FirstlineService } from "./service.js";
import { checkRotaPullRequest } from "../github/rota-pull-request.js";
import { openDueMaintenance, syncSecurityTickets } from "../github/maintenance.js";
import type { SlaPolicy } from "../core/sla/policy.js";
import { splitRepo, statusOf } from "../github/transport.js";
import { DateTime } from "luxon";
import { pageTicketIfDue } from "./ticket-pages.js";
import { onCallUpkeep } from "./on-call-upkeep.js";
import { hasMarker, PAGE_KEY } from "../core/markers.js";
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
    readAll(appGh, "GET /app/installations", {}).then((list) => list.map((i) => i.id)),
  );
  const botLogin = await service.botLogin();
  const installed = new Map<
    string,
    { installation: number; gh: GitHubTransport; all: readonly string[]; name: string }
  >();
  for (const installation of installations) {
    const gh = transportOf(await app.auth(installation));
    const repos = await service.cached(`repos:${installation}`, () =>
      readAll(gh, "GET /installation/repositories", {}).then((list) => list.map((r) => r.full_name)),
    );
    for (const repo of repos) installed.set(repo.toLowerCase(), { installation, gh, all: repos, name: repo });
  }
  const home = installed.get(supportRepo.toLowerCase());
  if (!home) {
    app.log.warn({ supportRepo }, "the app is not installed on the support repository: nothing to sweep");
    return [];
  }
  const agency = await agencyConfig({
    service,
    gh: home.gh,
    repo: supportRepo,
    botLogin,
    log: app.log,
    maxAgeMs: service.sweepConfigMaxAgeMs,
  });
  if (!agency) return [];
  const { config } = agency;
  const listed = new Set(ticketRepositories(config).map((r) => r.toLowerCase()));
  for (const entry of installed.values()) {
    const key = entry.name.toLowerCase();
    if (listed.has(key) || key === supportRepo.toLowerCase()) continue;
    if (!(await service.memory.firstTimeToLog(`unlisted:${key}`))) continue;
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
    if (!part)
      parts.push(
        (part = { installation: entry.installation, gh: guard(entry.gh), repos: [], all: entry.all }),
      );
    part.repos.push(entry.name);
  }
  if (!parts.some((p) => p.installation === home.installation))
    parts.push({ installation: home.installation, gh: guard(home.gh), repos: [], all: home.all });
  function guard(gh: GitHubTransport): GitHubTransport {
    return guardWrites({
      gh,
      allowed: (repo) => isServedRepository({ config, supportRepo, repo }),
      log: app.log,
    });
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
  const deadLetters = await service.deadLetters();
  const knownDashboard = await service.memory.dashboard(supportRepo);
  let project: Awaited<ReturnType<typeof keepProject>> = { sync: null, notices: [] };
  const sweep = await sweepAgency({
    // The support repository is searched with the tickets, so its dashboard comes back with them,
    // unless this process already knows the dashboard (it wrote it). Every ticket repository is
    // searched every sweep, even one that had no open issue: a ticket whose webhook never arrived
    // must still be found within one sweep.
    parts: parts.map((part) => ({
      gh: part.gh,
      repos:
        part.installation === home.installation && !knownDashboard
          ? [...part.repos, supportRepo]
          : [...part.repos],
      writeLog: service.writeLogFor(part.installation),
    })),
    supportGh,
    supportRepo,
    config,
    policy,
    botLogin,
    responders: () => responders,
    now: () => service.now(),
    lock: (key, work) => service.locks.run(key, work),
    remembered: knownDashboard,
    afterPart: async ({ part, swept, failures }) => {
      for (const { snapshot } of swept) {
        // Pages outlive a restart: an open alert issue that was paged goes back on the watch list.
        const pagedInComments = snapshot.comments.some(
          (c) =>
            c.author.toLowerCase() === botLogin.toLowerCase() &&
            hasMarker(c.body, PAGE_KEY) &&
            service.now() - c.createdAt < PAGE_WATCH_MS,
        );
        if (
          (snapshot.labels.includes("type: alert") && hasMarker(snapshot.body, PAGE_KEY)) ||
          pagedInComments
        ) {
          await service.pendingPages.set(`${snapshot.repo}#${snapshot.number}`, {
            repo: snapshot.repo,
            number: snapshot.number,
            homeRepo: supportRepo,
          });
        }
        // An emergency ticket whose webhook never arrived (or whose page failed) pages now.
        if (snapshot.labels.includes("priority: P1") && !snapshot.labels.includes("type: alert")) {
          try {
            await pageTicketIfDue({
              scope: { gh: part.gh, repo: snapshot.repo, config, policy, botLogin, now: service.now() },
              service,
              snapshot,
              log: app.log,
              responders,
            });
          } catch (error) {
            failures.push({
              repo: snapshot.repo,
              number: snapshot.number,
              status: statusOf(error),
              message: (error as Error).message,
            });
          }
        }
      }
    },
    onApplied: ({ part, repo, number, actions }) =>
      notifyTicketNotices({ service, gh: part.gh, repo, number, actions, config, log: app.log }),
    beforeDashboard: async ({ swept, read }) => {
      await dailyMaintenance({
        service,
        config,
        policy,
        botLogin,
        home: supportRepo,
        assignees: responders?.support ? [responders.support.developer, responders.support.operations] : [],
        ghFor: async (repo) => guard((await service.githubFor(repo, home.gh, supportRepo)) ?? home.gh),
        log: app.log,
      });
      const readNow = new Set(read.map((repo) => repo.toLowerCase()));
      project = await keepProject({
        service,
        config,
        installed: new Map(
          [...installed].map(([repo, entry]) => [
            repo,
            { installation: entry.installation, gh: guard(entry.gh) },
          ]),
        ),
        swept,
        responders,
        wasRead: (repo) => readNow.has(repo.toLowerCase()),
        log: app.log,
      });
      const sections = await dailyServiceCharts({
        service,
        config,
        policy,
        botLogin,
        searches: parts.map((p) => ({ gh: p.gh, repos: p.repos })),
        log: app.log,
      });
      return { sections, notices: project.notices };
    },
    notices: async (failures) => {
      for (const failure of failures)
        app.log.warn({ ...failure }, "the sweep could not finish here; the next sweep tries again");
      return agencyNotices({
        supportRepo,
        // Read after the parts: the day's maintenance, run with them, notes the files it finds.
        ignored: await service.memory.ignoredConfigFiles(),
        notInstalled,
        failures,
        deadLetters,
      });
    },
  });
  await service.memory.rememberDashboard(supportRepo, sweep.dashboard.dashboard);
  await sendDigests({
    service,
    config,
    policy,
    swept: sweep.swept,
    supportRepo,
    dashboardNumber: sweep.dashboard.dashboard.number,
  });
  await announceWeek({ service, config, gh: supportGh, supportRepo });
  await recheckRotaPulls({ service, gh: supportGh, repo: supportRepo, config, botLogin, log: app.log });
  await onCallUpkeep({
    service,
    config,
    supportGh,
    supportRepo,
    searches: parts.map((p) => ({ gh: p.gh, repos: p.repos })),
    botLogin,
    log: app.log,
  });
  return [
    {
      config: supportRepo,
      tickets: sweep.tickets,
      ticketsChanged: sweep.ticketsChanged,
      writes: sweep.writes,
      deferred: sweep.deferred,
      dashboard: sweep.dashboard.outcome,
      ...(project.sync ? { project: project.sync } : {}),
    },
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
  if ((await service.memory.lastRun(`rota-pulls:${repo.toLowerCase()}`)) === today) return;
  await service.memory.recordRun(`rota-pulls:${repo.toLowerCase()}`, today);
  let pulls: { number: number }[];
  try {
    pulls = await readAll(gh, "GET /repos/{owner}/{repo}/pulls", { ...splitRepo(repo), state: "open" });
  } catch (error) {
    params.log.warn(
      { repo, error: (error as Error).message },
      "could not list the open rota pull requests; tried again tomorrow",
    );
    return;
  }
  for (const pull of pulls) {
    const key = `${repo.toLowerCase()}#${pull.number}`;
    if ((await service.memory.lastRun(key)) === today) continue;
    await service.memory.recordRun(key, today);
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
  if ((await service.memory.lastRun(key)) === today) return;
  await service.memory.recordRun(key, today);
  await openDueMaintenance({ ghFor, config, policy, botLogin, now: service.now(), assignees });
  for (const repo of ticketRepositories(config)) {
    try {
      const gh = await ghFor(repo);
      // A configuration file left in a ticket repository is ignored; the dashboard says so.
      const own = await service.reader.read({ gh, repo, path: CONFIG_PATH, maxAgeMs: 24 * 60 * 60_000 });
      await service.memory.noteOwnConfigFile(repo, own !== null);
      if (
        config.securityAlerts.enabled &&
        config.clients.some((c) => c.repos.some((r) => r.toLowerCase() === repo.toLowerCase()))
      ) {
        await syncSecurityTickets({ gh, repo, config, botLogin, assignees });
      }
    } catch (error) {
      // A repository the app cannot read is reported and skipped; the others are still kept in step.
      log.warn({ repo, error: (error as Error).message }, "daily maintenance could not read a repository");
    }
  }
}
