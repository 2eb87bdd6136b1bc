import { DateTime } from "luxon";
import { readAll, type ListItem } from "./read-all.js";
import { createIssueOnce } from "./create-issue-once.js";
import type { FirstlineConfig } from "../core/config/firstline-config.js";
import {
  codeScanningAlertSchema,
  dependabotAlertSchema,
  secretScanningAlertSchema,
  type DependabotAlert,
} from "../core/maintenance/alert-schemas.js";
import { planCodeScanningTicket, planSecretScanningTicket } from "../core/maintenance/scanning.js";
import {
  groupDependabotAlerts,
  planSecurityTicket,
  type AlertPackage,
} from "../core/maintenance/dependabot.js";
import { codeScanningTicketKey, secretScanningTicketKey, securityTicketKey } from "../core/markers.js";
import { dueMaintenanceTickets, MAINTENANCE_TYPE_LABEL } from "../core/maintenance/due.js";
import type { MaintenanceIssueAction } from "../core/maintenance/issue-actions.js";
import { existingMaintenanceKeys } from "../core/maintenance/keys.js";
import type { SlaPolicy } from "../core/sla/policy.js";
import type { TicketAction } from "../core/ticket/actions.js";
import { marker } from "../core/markers.js";
import { applyTicketActions } from "./apply-actions.js";
import { fetchTicket } from "./ticket-query.js";
import { splitRepo, statusOf, type GitHubTransport } from "./transport.js";

/** GitHub as the installation that holds a repository. */
export type GitHubFor = (repo: string) => Promise<GitHubTransport>;

/**
 * Carries out a maintenance ticket's actions: opening it, rewriting its body, closing or reopening
 * it, and the ordinary ticket actions (labels, comments).
 */
export async function applyMaintenanceActions(params: {
  gh: GitHubTransport;
  repo: string;
  number: number | null;
  actions: readonly MaintenanceIssueAction[];
  /** Who a new ticket is assigned to: this week's support pair. */
  assignees?: readonly string[];
  /** Firstline's login, whose marker finds a ticket again when GitHub's answer to its creation is lost. */
  botLogin: string;
}): Promise<number | null> {
  const { gh, repo } = params;
  let number = params.number;
  const where = splitRepo(repo);
  for (const action of params.actions) {
    switch (action.kind) {
      case "create-issue": {
        const created = await createIssueOnce({
          gh,
          repo: action.repo,
          botLogin: params.botLogin,
          fields: {
            title: action.title,
            body: action.body,
            labels: action.labels,
            ...(params.assignees ? { assignees: params.assignees } : {}),
          },
        });
        number = created.number;
        break;
      }
      case "update-issue-body":
        if (number !== null)
          await gh.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
            ...where,
            issue_number: number,
            body: action.body,
          });
        break;
      case "close-issue":
        if (number !== null)
          await gh.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
            ...where,
            issue_number: number,
            state: "closed",
            state_reason: action.reason,
          });
        break;
      case "reopen-issue":
        if (number !== null)
          await gh.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
            ...where,
            issue_number: number,
            state: "open",
          });
        break;
      default:
        if (number !== null)
          await applyTicketActions({ gh, repo, number, actions: [action as TicketAction] });
    }
  }
  return number;
}

async function botMaintenanceIssues(params: {
  gh: GitHubTransport;
  repo: string;
  botLogin: string;
  since?: string;
}): Promise<ListItem<"GET /repos/{owner}/{repo}/issues">[]> {
  const issues = await readAll(params.gh, "GET /repos/{owner}/{repo}/issues", {
    ...splitRepo(params.repo),
    labels: MAINTENANCE_TYPE_LABEL,
    state: "all",
    creator: params.botLogin,
    ...(params.since ? { since: params.since } : {}),
  });
  return issues.filter((i) => !i.pull_request);
}

/**
 * Opens today's scheduled maintenance tickets (each occurrence once, on its working day), reading
 * the keys already opened from the bot's maintenance issues of the last days.
 */
export async function openDueMaintenance(params: {
  readonly ghFor: GitHubFor;
  readonly config: FirstlineConfig;
  readonly policy: SlaPolicy;
  readonly botLogin: string;
  readonly now: number;
  readonly assignees?: readonly string[];
}): Promise<{ opened: { repo: string; number: number | null; title: string }[] }> {
  const { config, policy, botLogin } = params;
  if (config.maintenance.length === 0) return { opened: [] };
  const today = DateTime.fromMillis(params.now, { zone: config.timezone }).toISODate() ?? "";
  const since = DateTime.fromMillis(params.now, { zone: "utc" }).minus({ days: 40 }).toISO() ?? undefined;
  const repos = [
    ...new Set(
      config.maintenance
        .map((task) => task.repo ?? config.clients.find((c) => c.id === task.client)?.repos[0])
        .filter((r): r is string => Boolean(r)),
    ),
  ];
  const clients: { repo: string; gh: GitHubTransport }[] = [];
  for (const repo of repos) clients.push({ repo, gh: await params.ghFor(repo) });
  // One after another, as GitHub asks of every client (requests made concurrently count against
  // its secondary rate limits): a round trip per repository with upkeep, usually one or two.
  const lists = [];
  for (const { repo, gh } of clients)
    lists.push(await botMaintenanceIssues({ gh, repo, botLogin, ...(since ? { since } : {}) }));
  const issues = lists.flat().map((i) => ({ author: i.user?.login ?? "", body: i.body ?? null }));
  const existingKeys = existingMaintenanceKeys({ issues, botLogin });
  const opened: { repo: string; number: number | null; title: string }[] = [];
  for (const due of dueMaintenanceTickets({ config, today, existingKeys, policy })) {
    const gh = await params.ghFor(due.action.repo);
    const number = await applyMaintenanceActions({
      gh,
      repo: due.action.repo,
      number: null,
      actions: [due.action],
      assignees: params.assignees ?? [],
      botLogin: params.botLogin,
    });
    opened.push({ repo: due.action.repo, number, title: due.action.title });
  }
  return { opened };
}

/** Every Dependabot alert of a repository (or of one package), any state; an empty list where Dependabot is off. */
export async function dependabotAlerts(params: {
  gh: GitHubTransport;
  repo: string;
  package?: AlertPackage;
}): Promise<DependabotAlert[]> {
  const alerts: DependabotAlert[] = [];
  try {
    // This endpoint pages with cursors (`after`, from the Link header), not page numbers.
    let after: string | undefined;
    for (;;) {
      const response = await params.gh.request("GET /repos/{owner}/{repo}/dependabot/alerts", {
        ...splitRepo(params.repo),
        per_page: 100,
        ...(after ? { after } : {}),
        ...(params.package ? { package: params.package.name, ecosystem: params.package.ecosystem } : {}),
      });
      for (const item of response.data) {
        const parsed = dependabotAlertSchema.safeParse(item);
        if (parsed.success) alerts.push(parsed.data);
      }
      const next = /<([^>]+)>;\s*rel="next"/.exec(String(response.headers["link"] ?? ""))?.[1];
      after = next ? (new URL(next).searchParams.get("after") ?? undefined) : undefined;
      if (!after) break;
    }
  } catch (error) {
    // 403/404: Dependabot alerts are off for the repository, or the app may not read them.
    if (statusOf(error) === 403 || statusOf(error) === 404) return [];
    throw error;
  }
  return alerts;
}

/**
 * Brings a repository's security tickets up to date: one maintenance ticket per package, its table
 * kept in place, closed when no alert stays open. With `package`, only that package (a webhook);
 * without, every package with an open alert or an open ticket (the daily sweep, which also finds
 * alerts raised before Firstline was installed).
 */
export async function syncSecurityTickets(params: {
  readonly gh: GitHubTransport;
  readonly repo: string;
  readonly config: FirstlineConfig;
  readonly botLogin: string;
  readonly package?: AlertPackage;
  /** This week's support pair, assigned to a new ticket. */
  readonly assignees?: readonly string[];
}): Promise<{ package: string; actions: string[] }[]> {
  const { gh, repo, config, botLogin } = params;
  if (!config.securityAlerts.enabled) return [];
  const alerts = await dependabotAlerts({ gh, repo, ...(params.package ? { package: params.package } : {}) });
  const tickets = await botMaintenanceIssues({ gh, repo, botLogin });
  const results: { package: string; actions: string[] }[] = [];
  for (const group of groupDependabotAlerts(alerts)) {
    const key = marker(securityTicketKey({ repo, package: group.package }));
    const ticket = tickets.find((t) => (t.body ?? "").includes(key));
    if (!ticket && !group.alerts.some((a) => a.state === "open")) continue;
    const existing = ticket ? await fetchTicket({ gh, repo, number: ticket.number, botLogin }) : null;
    const actions = planSecurityTicket({
      repo,
      package: group.package,
      alerts: group.alerts,
      existing,
      config,
      botLogin,
    });
    if (actions.length === 0) continue;
    await applyMaintenanceActions({
      gh,
      repo,
      number: ticket?.number ?? null,
      actions,
      assignees: params.assignees ?? [],
      botLogin: params.botLogin,
    });
    results.push({
      package: `${group.package.ecosystem}/${group.package.name}`,
      actions: actions.map((a) => a.kind),
    });
  }
  return results;
}

/**
 * Brings the one ticket of a code scanning rule, or of a secret type, in step with the repository's
 * alerts of that rule or type (GitHub's own list, so a fixed or dismissed alert counts as such).
 */
export async function syncScanningTicket(params: {
  readonly gh: GitHubTransport;
  readonly repo: string;
  readonly kind: "code" | "secret";
  /** The code scanning rule id, or the secret type. */
  readonly id: string;
  readonly config: FirstlineConfig;
  readonly botLogin: string;
  readonly assignees?: readonly string[];
}): Promise<string[]> {
  const { gh, repo, kind, id, config, botLogin } = params;
  if (!config.securityAlerts.enabled) return [];
  const route =
    kind === "code"
      ? "GET /repos/{owner}/{repo}/code-scanning/alerts"
      : "GET /repos/{owner}/{repo}/secret-scanning/alerts";
  let raw: unknown[];
  try {
    raw = await readAll(gh, route, splitRepo(repo));
  } catch (error) {
    if (statusOf(error) === 403 || statusOf(error) === 404) return [];
    throw error;
  }
  const tickets = await botMaintenanceIssues({ gh, repo, botLogin });
  const key = marker(
    kind === "code"
      ? codeScanningTicketKey({ repo, ruleId: id })
      : secretScanningTicketKey({ repo, secretType: id }),
  );
  const ticket = tickets.find((t) => (t.body ?? "").includes(key));
  const existing = ticket ? await fetchTicket({ gh, repo, number: ticket.number, botLogin }) : null;
  const actions =
    kind === "code"
      ? planCodeScanningTicket({
          repo,
          ruleId: id,
          alerts: raw.flatMap((a) => codeOf(a)),
          existing,
          config,
          botLogin,
        })
      : planSecretScanningTicket({
          repo,
          secretType: id,
          alerts: raw.flatMap((a) => secretOf(a)),
          existing,
          config,
          botLogin,
        });
  if (actions.length === 0) return [];
  await applyMaintenanceActions({
    gh,
    repo,
    number: ticket?.number ?? null,
    actions,
    assignees: params.assignees ?? [],
    botLogin: params.botLogin,
  });
  return actions.map((a) => a.kind);
}

function codeOf(item: unknown) {
  const parsed = codeScanningAlertSchema.safeParse(item);
  return parsed.success ? [parsed.data] : [];
}

function secretOf(item: unknown) {
  const parsed = secretScanningAlertSchema.safeParse(item);
  return parsed.success ? [parsed.data] : [];
}
