import type { TicketAction } from "../core/ticket/actions.js";
import type { FirstlineConfig } from "../core/config/firstline-config.js";
import type { SlaPolicy } from "../core/sla/policy.js";
import type { SweptTicket } from "../core/sweep/plan-sweep.js";
import type { Responders } from "../core/ticket/responders.js";
import type { TicketSnapshot } from "../core/ticket/snapshot.js";
import {
  sweepTickets,
  updateDashboard,
  type KnownDashboard,
  type SweepFailure,
  type TicketSweep,
} from "./run-sweep.js";
import { statusOf, type GitHubTransport } from "./transport.js";
import type { WriteLog } from "./write-log.js";

/** Repositories one token can reach (an installation's, or the Action's token's), swept together. */
export interface SweepPart {
  readonly gh: GitHubTransport;
  readonly repos: readonly string[];
  /** The writes of the last hour with this token, for GitHub's write limits. */
  readonly writeLog: WriteLog;
}

/** What sweeping the agency did: its tickets, as `sweepTickets` counts them, and the dashboard. */
export interface AgencySweep extends TicketSweep {
  readonly dashboard: {
    readonly outcome: "created" | "updated" | "unchanged";
    readonly dashboard: KnownDashboard;
  };
}

/**
 * The sweep the app and the Action both run: every part's tickets (one part that fails, its token
 * refused or GitHub down for it, is reported and the others are still swept), then `afterPart`
 * (the app's watch on pages), then `beforeDashboard` (daily upkeep), then the one dashboard in the
 * support repository, with `notices` and a line for each repository or ticket that failed.
 */
export async function sweepAgency(params: {
  readonly parts: readonly SweepPart[];
  readonly supportGh: GitHubTransport;
  readonly supportRepo: string;
  readonly config: FirstlineConfig;
  readonly policy: SlaPolicy;
  readonly botLogin: string;
  readonly responders: () => Responders | null;
  readonly now: () => number;
  readonly lock?: (key: string, work: () => Promise<void>) => Promise<void>;
  readonly remembered?: KnownDashboard | undefined;
  readonly afterPart?: (params: {
    readonly part: SweepPart;
    readonly swept: readonly SweptTicket[];
    readonly failures: SweepFailure[];
  }) => Promise<void>;
  /** Called after a ticket's planned actions were written (the app tells people of its notices). */
  readonly onApplied?: (params: {
    readonly part: SweepPart;
    readonly repo: string;
    readonly number: number;
    readonly actions: readonly TicketAction[];
  }) => Promise<void>;
  /**
   * Runs after every part is swept and before the dashboard is written (daily upkeep, the Project,
   * the charts); what it returns goes on the dashboard: sections above the notices, and notices.
   */
  readonly beforeDashboard?: (sweep: {
    readonly swept: readonly SweptTicket[];
    readonly failures: readonly SweepFailure[];
    readonly read: readonly string[];
  }) => Promise<{ readonly sections?: readonly string[]; readonly notices?: readonly string[] } | void>;
  /** The dashboard's notices, given the failures (a repository GitHub refused). */
  readonly notices: (failures: readonly SweepFailure[]) => string[] | Promise<string[]>;
}): Promise<AgencySweep> {
  const { config, policy, botLogin } = params;
  const swept: SweptTicket[] = [];
  const issues: TicketSnapshot[] = [];
  const failures: SweepFailure[] = [];
  let totals = { tickets: 0, ticketsChanged: 0, writes: 0, deferred: 0 };
  for (const part of params.parts) {
    if (part.repos.length === 0) continue;
    let result;
    try {
      result = await sweepTickets({
        gh: part.gh,
        repos: part.repos,
        config,
        policy,
        botLogin,
        responders: params.responders,
        writeLog: part.writeLog,
        now: params.now,
        ...(params.lock ? { lock: params.lock } : {}),
        ...(params.onApplied
          ? {
              onApplied: (applied: {
                readonly repo: string;
                readonly number: number;
                readonly actions: readonly TicketAction[];
              }) => params.onApplied?.({ part, ...applied }) ?? Promise.resolve(),
            }
          : {}),
      });
    } catch (error) {
      failures.push(
        ...part.repos.map((repo) => ({ repo, status: statusOf(error), message: (error as Error).message })),
      );
      continue;
    }
    failures.push(...result.failures);
    swept.push(...result.swept);
    issues.push(...result.issues);
    totals = {
      tickets: totals.tickets + result.tickets,
      ticketsChanged: totals.ticketsChanged + result.ticketsChanged,
      writes: totals.writes + result.writes,
      deferred: totals.deferred + result.deferred,
    };
    await params.afterPart?.({ part, swept: result.swept, failures });
  }
  const read = params.parts
    .flatMap((part) => part.repos)
    .filter(
      (repo) => !failures.some((f) => f.number === undefined && f.repo.toLowerCase() === repo.toLowerCase()),
    );
  const extra = (await params.beforeDashboard?.({ swept, failures, read })) ?? {};
  const dashboard = await updateDashboard({
    gh: params.supportGh,
    repo: params.supportRepo,
    swept,
    responders: params.responders(),
    zone: config.timezone,
    botLogin,
    issues,
    remembered: params.remembered,
    sections: extra.sections ?? [],
    notices: [...(await params.notices(failures)), ...(extra.notices ?? [])],
  });
  return {
    ...totals,
    writes: totals.writes + (dashboard.outcome === "unchanged" ? 0 : 1),
    swept,
    issues,
    failures,
    dashboard,
  };
}

/** What the agency should know besides its tickets, as dashboard lines. */
export function agencyNotices(params: {
  readonly supportRepo: string;
  readonly ignored: readonly string[];
  readonly notInstalled: readonly string[];
  readonly failures: readonly SweepFailure[];
  /** Webhook deliveries that failed every attempt, newest first (the app's queue keeps them). */
  readonly deadLetters?: readonly { readonly name: string; readonly id: string; readonly reason: string }[];
}): string[] {
  const { supportRepo, ignored, notInstalled, failures } = params;
  const deadLetters = params.deadLetters ?? [];
  const newest = deadLetters[0];
  const failed = new Map<string, SweepFailure[]>();
  for (const failure of failures) failed.set(failure.repo, [...(failed.get(failure.repo) ?? []), failure]);
  return [
    ...[...failed]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([repo, list]) => {
        const first = list[0];
        const status = first?.status === undefined ? "" : ` (GitHub answered ${first.status})`;
        const what = list.every((f) => f.number === undefined)
          ? "could not be swept"
          : `had ${list.length} ticket${list.length === 1 ? "" : "s"} that could not be brought up to date`;
        return `\`${repo}\` ${what} this time${status}; the next sweep tries again.`;
      }),
    ...[...ignored]
      .sort()
      .map(
        (repo) =>
          `\`${repo}\` has a \`.github/firstline.yml\` of its own, which Firstline ignores: only \`${supportRepo}\` configures it. Move anything still needed there, then delete that file.`,
      ),
    ...[...notInstalled]
      .sort()
      .map(
        (repo) =>
          `\`${repo}\` is listed in the configuration but the app is not installed there (or cannot see it): its tickets are not watched.`,
      ),
    ...(newest
      ? [
          `${deadLetters.length} webhook deliver${deadLetters.length === 1 ? "y" : "ies"} failed every attempt (dead letters; the newest, \`${newest.name}\` ${newest.id}, because: ${newest.reason.slice(0, 200).replace(/[\r\n`]/g, " ")}). The app's log has each under "dead letter"; redeliver them from the app's settings once the cause is fixed.`,
        ]
      : []),
  ];
}
