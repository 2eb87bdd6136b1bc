import type { FirstlineConfig } from "../config/firstline-config.js";
import { labelChanges } from "../ticket/actions.js";
import { LABELS, priorityOfLabel } from "../labels.js";
import { marker, markerKeysIn, openAlertsKey, parseOpenAlertsKey } from "../markers.js";
import type { TicketSnapshot } from "../ticket/snapshot.js";
import { MAINTENANCE_TYPE_LABEL } from "./due.js";
import type { MaintenanceIssueAction } from "./issue-actions.js";
import { priorityOfSeverity, type AlertSeverity } from "./severity.js";

/** The slice of configuration security tickets need. */
export type SecurityConfig = Pick<FirstlineConfig, "securityAlerts" | "clients">;

/** What one security ticket should say now, whatever the source of its alerts. */
export interface AlertTicketDraft {
  readonly repo: string;
  /** The hidden marker key that finds the ticket again, such as `security:acme/website:npm/semver`. */
  readonly key: string;
  readonly title: string;
  /** Markdown above the table: what is affected and what to do. */
  readonly summary: string;
  /** The markdown table of every alert, open or not. */
  readonly table: string;
  /** Where the alerts come from, as written mid-sentence: `Dependabot`, `code scanning`, `secret scanning`. */
  readonly source: string;
  /** Numbers of the alerts still open. */
  readonly openAlerts: readonly number[];
  /** The worst severity among the open alerts; null when none is open. */
  readonly worst: AlertSeverity | null;
}

/** The body of a security ticket: summary, table, a footer, and the hidden markers. */
export function alertTicketBody(draft: AlertTicketDraft): string {
  return [
    draft.summary,
    "",
    draft.table,
    "",
    `Firstline keeps this ticket in step with ${draft.source} alerts: the table changes as alerts are fixed or dismissed, and the ticket closes when none is open.`,
    "",
    marker(draft.key),
    marker(openAlertsKey(draft.openAlerts)),
  ].join("\n");
}

/** The open alerts a ticket's body last recorded (only trusted in a body Firstline wrote). */
function recordedOpen(existing: TicketSnapshot, botLogin: string): ReadonlySet<number> {
  if (existing.author.toLowerCase() !== botLogin.toLowerCase()) return new Set();
  const recorded = markerKeysIn(existing.body)
    .map(parseOpenAlertsKey)
    .find((numbers) => numbers !== null);
  return new Set(recorded ?? []);
}

/** Whether the priority label now on the ticket was last chosen by a person, not by a bot. */
function personSetPriority(existing: TicketSnapshot, botLogin: string): boolean {
  const bot = botLogin.toLowerCase();
  const changes = existing.events
    .filter((e) => e.type === "labeled" && priorityOfLabel(e.label) !== undefined)
    .sort((a, b) => a.at - b.at);
  const last = changes[changes.length - 1];
  return last !== undefined && last.by.toLowerCase() !== bot && !last.by.endsWith("[bot]");
}

function clientOfRepo(config: SecurityConfig, repo: string): string | undefined {
  return config.clients.find((c) => c.repos.some((r) => r.toLowerCase() === repo.toLowerCase()))?.id;
}

/**
 * Keeps one security ticket in step with its alerts: opens it when an alert is open and there
 * is none, rewrites its body in place as alerts change, moves its priority with the worst open
 * severity (unless a person chose the priority), closes it when no alert is open, and reopens it
 * when an alert opens that was not open when Firstline last wrote it (a ticket a person closed
 * over alerts they knew of stays closed).
 */
export function planAlertTicket(params: {
  readonly draft: AlertTicketDraft;
  /** The ticket found by its marker among the bot's issues, or null. */
  readonly existing: TicketSnapshot | null;
  readonly config: SecurityConfig;
  readonly botLogin: string;
}): MaintenanceIssueAction[] {
  const { draft, existing, config, botLogin } = params;
  if (!config.securityAlerts.enabled) return [];
  const body = alertTicketBody(draft);
  const wanted = draft.worst === null ? null : priorityOfSeverity(config, draft.worst);
  if (existing === null) {
    if (wanted === null) return [];
    const client = clientOfRepo(config, draft.repo);
    const labels = [
      MAINTENANCE_TYPE_LABEL,
      LABELS.priority(wanted),
      ...(client ? [LABELS.client(client)] : []),
    ];
    return [
      {
        kind: "create-issue",
        repo: draft.repo,
        title: draft.title,
        body,
        labels,
        why: `${draft.source} alerts ${draft.key}`,
      },
    ];
  }
  const actions: MaintenanceIssueAction[] = [];
  const previous = recordedOpen(existing, botLogin);
  const fresh = draft.openAlerts.filter((n) => !previous.has(n));
  const reopen = existing.state === "closed" && fresh.length > 0;
  if (reopen) actions.push({ kind: "reopen-issue", why: `${draft.source} alert opened again` });
  if (existing.body !== body)
    actions.push({ kind: "update-issue-body", body, why: `${draft.source} alerts changed` });
  if (wanted !== null && (existing.state === "open" || reopen) && !personSetPriority(existing, botLogin)) {
    const current = existing.labels.filter((l) => priorityOfLabel(l) !== undefined);
    actions.push(
      ...labelChanges({ current: existing.labels, add: [LABELS.priority(wanted)], remove: current }),
    );
  }
  if (reopen) {
    const list = fresh.map((n) => `#${n}`).join(", ");
    actions.push({
      kind: "create-comment",
      body: `Reopened: ${draft.source} alert ${list} is open.`,
      why: "security ticket reopened",
    });
  } else if (existing.state === "open" && draft.openAlerts.length === 0) {
    actions.push({
      kind: "create-comment",
      body: `Every ${draft.source} alert here is fixed or dismissed: closing.`,
      why: "security ticket resolved",
    });
    actions.push({ kind: "close-issue", reason: "completed", why: `no open ${draft.source} alert` });
  }
  return actions;
}
