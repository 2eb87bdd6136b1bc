import type { FirstlineConfig } from "../config/firstline-config.js";
import type { SlaPolicy } from "../core/sla/policy.js";
import { DASHBOARD_MARKER, DASHBOARD_TITLE, renderDashboard } from "../core/sweep/dashboard.js";
import { planSweep, type SweptTicket } from "../core/sweep/plan-sweep.js";
import { writeAllowance } from "../core/sweep/write-budget.js";
import type { Responders } from "../core/ticket/responders.js";
import { applyTicketActions } from "./apply-actions.js";
import { searchOpenTickets } from "./search-tickets.js";
import { splitRepo, type GitHubTransport } from "./transport.js";
import type { WriteLog } from "./write-log.js";

/** What a sweep did. */
export interface SweepResult {
  readonly tickets: number;
  readonly ticketsChanged: number;
  readonly writes: number;
  /** Tickets whose changes did not fit the write budget: the next sweep does them first. */
  readonly deferred: number;
  readonly dashboard: "created" | "updated" | "unchanged" | "skipped";
  readonly swept: readonly SweptTicket[];
}

/**
 * One sweep of one configuration: read every open ticket of its repositories in pages of 100,
 * plan with the core, apply the most urgent first within GitHub's write limits, and keep the
 * dashboard issue in the support repository current. Interrupted and run again, it posts nothing
 * twice: every notice carries its marker, and the next read sees it.
 */
export async function runSweep(params: {
  readonly gh: GitHubTransport;
  readonly config: FirstlineConfig;
  readonly policy: SlaPolicy;
  readonly botLogin: string;
  readonly responders: Responders | null;
  readonly supportRepo: string | null;
  readonly writeLog: WriteLog;
  readonly now: () => number;
  readonly dryRun?: boolean;
  /** Dashboards this process has written, in case search has not indexed a new one yet. */
  readonly knownDashboards?: Map<string, { number: number; body: string | null }>;
}): Promise<SweepResult> {
  const { gh, config, policy, botLogin, responders, writeLog, now } = params;
  const repos = [...config.clients.flatMap((c) => c.repos), ...config.ticketRepos];
  // The support repository is searched too: its dashboard issue comes back with the tickets, so
  // finding it costs no request of its own.
  const snapshots = await searchOpenTickets({ gh, repos: params.supportRepo ? [...repos, params.supportRepo] : repos });
  const swept = planSweep({ tickets: snapshots, config, policy, botLogin, responders, now: now() });
  let writes = 0;
  let changed = 0;
  let deferred = 0;
  for (const ticket of swept) {
    if (ticket.actions.length === 0) continue;
    // Keep one write for the dashboard.
    const allowance = writeAllowance({ recentWrites: writeLog.recent(now()), now: now() }) - 1;
    if (ticket.actions.length > allowance) {
      deferred += 1;
      continue;
    }
    await applyTicketActions({ gh, repo: ticket.snapshot.repo, number: ticket.snapshot.number, actions: ticket.actions, dryRun: params.dryRun ?? false });
    for (let i = 0; i < ticket.actions.length; i++) writeLog.record(now());
    writes += ticket.actions.length;
    changed += 1;
  }
  let dashboard: SweepResult["dashboard"] = "skipped";
  if (params.supportRepo && !params.dryRun) {
    const supportRepo = params.supportRepo.toLowerCase();
    const found = snapshots.find(
      (s) => s.repo.toLowerCase() === supportRepo && s.author.toLowerCase() === botLogin.toLowerCase() && (s.body ?? "").includes(DASHBOARD_MARKER),
    );
    const known = found ? { number: found.number, body: found.body } : params.knownDashboards?.get(supportRepo);
    const body = renderDashboard({ tickets: swept, responders, zone: config.timezone });
    const result = await upsertDashboard({ gh, repo: params.supportRepo, known, body });
    params.knownDashboards?.set(supportRepo, { number: result.number, body });
    dashboard = result.outcome;
    if (dashboard !== "unchanged") {
      writeLog.record(now());
      writes += 1;
    }
  }
  return { tickets: swept.length, ticketsChanged: changed, writes, deferred, dashboard, swept };
}

async function upsertDashboard(params: {
  gh: GitHubTransport;
  repo: string;
  known: { number: number; body: string | null } | undefined;
  body: string;
}): Promise<{ outcome: "created" | "updated" | "unchanged"; number: number }> {
  const { gh, repo, known, body } = params;
  if (!known) {
    const created = await gh.request<{ number: number }>("POST /repos/{owner}/{repo}/issues", { ...splitRepo(repo), title: DASHBOARD_TITLE, body });
    return { outcome: "created", number: created.data.number };
  }
  if (known.body === body) return { outcome: "unchanged", number: known.number };
  await gh.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", { ...splitRepo(repo), issue_number: known.number, body });
  return { outcome: "updated", number: known.number };
}
