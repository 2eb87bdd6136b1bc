import type { FirstlineConfig } from "../core/config/firstline-config.js";
import { createIssueOnce } from "./create-issue-once.js";
import type { SlaPolicy } from "../core/sla/policy.js";
import { DASHBOARD_MARKER, DASHBOARD_TITLE, renderDashboard } from "../core/sweep/dashboard.js";
import {
  byUrgency,
  planSweptTicket,
  type SweepPlanContext,
  type SweptTicket,
} from "../core/sweep/plan-sweep.js";
import { writeAllowance } from "../core/sweep/write-budget.js";
import type { Responders } from "../core/ticket/responders.js";
import type { TicketSnapshot } from "../core/ticket/snapshot.js";
import { planTicketRefresh } from "../core/ticket/plan-refresh.js";
import type { TicketAction } from "../core/ticket/actions.js";
import { applyTicketActions } from "./apply-actions.js";
import { fetchTicket } from "./ticket-query.js";
import { searchOpenTicketsReporting } from "./search-tickets.js";
import { splitRepo, statusOf, type GitHubTransport } from "./transport.js";
import type { WriteLog } from "./write-log.js";

/** What sweeping one set of repositories did. */
export interface TicketSweep {
  readonly tickets: number;
  readonly ticketsChanged: number;
  readonly writes: number;
  /** Tickets whose changes did not fit the write budget: the next sweep does them first. */
  readonly deferred: number;
  readonly swept: readonly SweptTicket[];
  /** Every open issue read, tickets or not (the support repository's dashboard is among them). */
  readonly issues: readonly TicketSnapshot[];
  /** What could not be done this time (a repository GitHub refused, a ticket whose write failed): the next sweep tries again. */
  readonly failures: readonly SweepFailure[];
}

/** Something a sweep could not do, for the log and the dashboard. */
export interface SweepFailure {
  readonly repo: string;
  /** The ticket, when one ticket failed rather than the whole repository. */
  readonly number?: number;
  readonly status: number | undefined;
  readonly message: string;
}

/**
 * Sweeps the open tickets of some repositories (those one token can see): read them 100 to a
 * GraphQL request, plan with the core, apply the most urgent first within GitHub's write limits
 * (one write kept back for the dashboard). Interrupted and run again, it posts nothing twice:
 * every notice carries its marker, and the next read sees it.
 */
export async function sweepTickets(params: {
  readonly gh: GitHubTransport;
  readonly repos: readonly string[];
  readonly config: FirstlineConfig;
  readonly policy: SlaPolicy;
  readonly botLogin: string;
  /** Who is on support now; asked for once the tickets are read, so reading the rota never delays GitHub's first answer. */
  readonly responders: () => Responders | null;
  readonly writeLog: WriteLog;
  readonly now: () => number;
  /** Runs work one at a time per ticket with the webhook handlers (the app's per-ticket lock). */
  readonly lock?: (key: string, work: () => Promise<void>) => Promise<void>;
  /** Told of the actions applied to each ticket (notices to notify about), after they are written. */
  readonly onApplied?: (applied: {
    readonly repo: string;
    readonly number: number;
    readonly actions: readonly TicketAction[];
  }) => Promise<void>;
}): Promise<TicketSweep> {
  const { gh, config, policy, botLogin, writeLog, now } = params;
  // Each page of tickets is planned as it arrives, while the next is on its way (reads stay one
  // at a time): the sweep's instant and the responders are fixed when the first page is in.
  let context: SweepPlanContext | undefined;
  const planned = new Map<TicketSnapshot, SweptTicket | undefined>();
  const plan = (snapshot: TicketSnapshot): SweptTicket | undefined => {
    context ??= { config, policy, botLogin, responders: params.responders(), now: now() };
    if (!planned.has(snapshot)) planned.set(snapshot, planSweptTicket({ ...context, snapshot }));
    return planned.get(snapshot);
  };
  const { tickets: issues, unreadable } = await searchOpenTicketsReporting({
    gh,
    repos: params.repos,
    botLogin,
    onPage: async (page) => {
      for (const snapshot of page) {
        // The event loop is handed back before each ticket: Octokit sends the next page's request
        // a dozen turns of the loop after it is asked for (its throttling queues), and its answer
        // is taken in as it comes, while this page is planned.
        await new Promise<void>((resolve) => setImmediate(resolve));
        plan(snapshot);
      }
    },
  });
  const failures: SweepFailure[] = unreadable.map((repo) => ({
    repo,
    status: undefined,
    message: "GitHub refused to search it",
  }));
  // The search's answer alone is planned: a ticket read twice counts once, as last read.
  const swept = byUrgency(issues.flatMap((snapshot) => plan(snapshot) ?? []));
  const responders = context?.responders ?? params.responders();
  let writes = 0;
  let changed = 0;
  let deferred = 0;
  for (const ticket of swept) {
    if (ticket.actions.length === 0) continue;
    const { repo, number } = ticket.snapshot;
    const apply = async () => {
      let actions = ticket.actions;
      // Nothing can be written until the budget frees up: leave the ticket (and its reads) for later.
      if (
        writeAllowance({ recentWrites: writeLog.recent(now()), now: now() }) - 1 < actions.length &&
        actions.length > 0
      ) {
        deferred += 1;
        return;
      }
      // A comment is posted only from a fresh read, under the ticket's lock: a webhook handled
      // meanwhile (a new ticket's card, a notice after a client's comment) is seen, not repeated.
      if (actions.some((a) => a.kind === "create-comment")) {
        const fresh = await fetchTicket({ gh, repo, number, botLogin });
        if (!fresh || fresh.state !== "open") return;
        actions = planTicketRefresh({
          snapshot: fresh,
          config,
          policy,
          botLogin,
          responders,
          now: now(),
        }).actions;
        if (actions.length === 0) return;
      }
      const allowance = writeAllowance({ recentWrites: writeLog.recent(now()), now: now() }) - 1;
      if (actions.length > allowance) {
        deferred += 1;
        return;
      }
      await applyTicketActions({ gh, repo, number, actions });
      for (let i = 0; i < actions.length; i++) writeLog.record(now());
      writes += actions.length;
      changed += 1;
      await params.onApplied?.({ repo, number, actions });
    };
    // One ticket that fails (GitHub refuses the repository, a request never answers) is reported
    // and left for the next sweep; every other ticket is still swept.
    try {
      await (params.lock ? params.lock(`${repo}#${number}`, apply) : apply());
    } catch (error) {
      failures.push({ repo, number, status: statusOf(error), message: (error as Error).message });
    }
  }
  return { tickets: swept.length, ticketsChanged: changed, writes, deferred, swept, issues, failures };
}

/** A dashboard issue as last seen. */
export interface KnownDashboard {
  readonly number: number;
  readonly body: string | null;
}

/**
 * Keeps the one dashboard issue of the support repository current: created when missing, edited
 * only when its text changed (a quiet sweep writes nothing). `found` is the dashboard as the
 * sweep's search read it; `remembered` covers a new one that search has not indexed yet.
 */
export async function updateDashboard(params: {
  readonly gh: GitHubTransport;
  readonly repo: string;
  readonly swept: readonly SweptTicket[];
  readonly responders: Responders | null;
  readonly zone: string;
  readonly botLogin: string;
  readonly issues: readonly TicketSnapshot[];
  readonly remembered?: KnownDashboard | undefined;
  /** Notices for the agency besides the tickets (ignored configuration files, repositories that could not be read). */
  readonly notices?: readonly string[];
  /** Sections after the tickets (the trends charts). */
  readonly sections?: readonly string[];
}): Promise<{ outcome: "created" | "updated" | "unchanged"; dashboard: KnownDashboard }> {
  const { gh, repo, botLogin } = params;
  const notices = params.notices ?? [];
  const body = renderDashboard({
    tickets: params.swept,
    responders: params.responders,
    zone: params.zone,
    extraSections: [
      ...(params.sections ?? []),
      ...(notices.length > 0 ? ["### Notices", "", ...notices.map((n) => `- ${n}`), ""] : []),
    ],
  });
  const found = params.issues.find(
    (s) =>
      s.repo.toLowerCase() === repo.toLowerCase() &&
      s.author.toLowerCase() === botLogin.toLowerCase() &&
      (s.body ?? "").includes(DASHBOARD_MARKER),
  );
  const known = found ? { number: found.number, body: found.body } : params.remembered;
  if (!known) {
    const created = await createIssueOnce({ gh, repo, botLogin, fields: { title: DASHBOARD_TITLE, body } });
    return { outcome: "created", dashboard: { number: created.number, body } };
  }
  if (known.body === body) return { outcome: "unchanged", dashboard: known };
  await gh.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
    ...splitRepo(repo),
    issue_number: known.number,
    body,
  });
  return { outcome: "updated", dashboard: { number: known.number, body } };
}
