import type { FirstlineConfig } from "../config/firstline-config.js";
import { LABELS, PRIORITY_NAMES } from "../labels.js";
import { mention, neutralise, quoteInline } from "../markdown/safe-text.js";
import type { SlaPolicy } from "../sla/policy.js";
import { formatLocal, formatMinutes } from "../time/format.js";
import { nextWorkingInstant } from "../time/working-time.js";
import { ALERT_RESOLVED_KEY, alertFiredKey, alertKey, marker, PAGE_KEY } from "../markers.js";
import type { Responders } from "../ticket/responders.js";
import { priorityForSeverity, type Alert } from "./alert.js";
import { markerTimes, type ExistingAlertIssue } from "./alert-issue.js";
import { minutesInWords, runbookLink, safeTable, safeTitle, safeUrl } from "./alert-text.js";

/** The slice of configuration the intake needs. */
export type AlertConfig = Pick<FirstlineConfig, "alerts" | "clients" | "supportRepo">;

/** A page: who is woken, when, and where the pager hook is (config `alerts.pagerUrl`). */
export interface AlertPage {
  readonly logins: readonly string[];
  readonly at: number;
  readonly pagerUrl: string | null;
  /** One line for the pager, plain text. */
  readonly message: string;
}

/** What to do with one alert; `src/github` carries it out. */
export type AlertPlan =
  | {
      readonly kind: "open";
      readonly repo: string;
      readonly title: string;
      readonly body: string;
      readonly labels: readonly string[];
      readonly mentions: readonly string[];
      readonly page: AlertPage | null;
    }
  | {
      readonly kind: "comment";
      readonly repo: string;
      readonly number: number;
      readonly body: string;
      /** Reopen the issue first: the alert fires again after it was resolved. */
      readonly reopen: boolean;
      readonly mentions: readonly string[];
      readonly page: AlertPage | null;
    }
  | { readonly kind: "resolve"; readonly repo: string; readonly number: number; readonly body: string }
  | { readonly kind: "ignore"; readonly reason: string };

/** Who hears of a firing alert, and the line that says so. */
interface Notice {
  readonly mentions: readonly string[];
  readonly page: AlertPage | null;
  readonly line: string;
}

/**
 * Plans what one alert does to GitHub: a new issue for a new fingerprint, a comment when it fires
 * again (reopening a resolved issue), a comment and close when it resolves. A firing that is
 * already recorded (same start) and a resolution of an issue that is not open change nothing.
 * Out of hours (`responders.inHours` false) a critical alert of a client with out-of-hours cover
 * pages the on-call primary; in hours a critical or warning alert mentions the support pair.
 * The issue goes to the client's first repository, else `supportRepo`, else `homeRepo` (the
 * repository the configuration was read from).
 */
export function planAlert(params: {
  readonly alert: Alert;
  readonly existing: ExistingAlertIssue | null;
  readonly config: AlertConfig;
  readonly policy: SlaPolicy;
  readonly homeRepo: string;
  readonly runbookUrlFor: (alertName: string) => string | null;
  readonly responders: Responders;
  readonly now: number;
  readonly botLogin: string;
}): AlertPlan {
  const { alert, existing, botLogin } = params;
  if (alert.status === "resolved") {
    if (!existing) return { kind: "ignore", reason: `no issue for alert ${alert.fingerprint} to resolve` };
    if (existing.state === "closed")
      return { kind: "ignore", reason: `the issue of alert ${alert.fingerprint} is already closed` };
    return { kind: "resolve", repo: existing.repo, number: existing.number, body: resolvedBody(params) };
  }
  if (
    existing &&
    alert.startsAt !== null &&
    markerTimes({ issue: existing, botLogin, key: alertFiredKey(alert.startsAt) }).length > 0
  ) {
    return { kind: "ignore", reason: `this firing of alert ${alert.fingerprint} is already recorded` };
  }
  if (existing && existing.state === "open") {
    const lines = [
      firedMarker(alert),
      `**${quoteInline(alert.name, 100)}** is firing again${since(params)}.`,
      summaryQuote(alert),
    ];
    return {
      kind: "comment",
      repo: existing.repo,
      number: existing.number,
      body: join(lines),
      reopen: false,
      mentions: [],
      page: null,
    };
  }
  const notice = noticeFor(params);
  const pageMarker = notice.page ? marker(PAGE_KEY) : null;
  if (existing) {
    const lines = [
      firedMarker(alert),
      pageMarker,
      `**${quoteInline(alert.name, 100)}** is firing again${since(params)}, so this issue is reopened.`,
      summaryQuote(alert),
      notice.line,
    ];
    return {
      kind: "comment",
      repo: existing.repo,
      number: existing.number,
      body: join(lines),
      reopen: true,
      mentions: notice.mentions,
      page: notice.page,
    };
  }
  const client = clientOf(params);
  const priority = priorityForSeverity(alert.severity);
  const title = safeTitle(
    `Alert: ${alert.name}${client ? ` (${client.id})` : ""}${alert.summary ? `: ${alert.summary}` : ""}`,
  );
  const whose = client ? ` for ${neutralise(client.name)} (\`${client.id}\`)` : " for no known client";
  const source = safeUrl(alert.generatorUrl);
  const lines = [
    [marker(alertKey(alert.fingerprint)), firedMarker(alert), pageMarker]
      .filter((l) => l !== null)
      .join("\n"),
    `**${quoteInline(alert.name, 100)}** is firing${whose}: ${alert.severity}, so ${priority} (${PRIORITY_NAMES[priority]}).${alert.startsAt === null ? "" : ` Started ${formatLocal(alert.startsAt, params.policy.zone)}.`}`,
    summaryQuote(alert),
    [
      runbookLink({ alert, runbookUrlFor: params.runbookUrlFor }),
      source ? `**Source:** [where the alert fired](${source})` : null,
    ]
      .filter((l) => l !== null)
      .join("\n"),
    safeTable({ heading: "Label", entries: alert.labels }),
    safeTable({ heading: "Annotation", entries: alert.annotations }),
    notice.line,
    "This issue is the alert's record: it gets a comment when the alert fires again and closes when it resolves.",
  ];
  const labels = [
    LABELS.type("alert"),
    LABELS.priority(priority),
    LABELS.client(client ? client.id : "unknown"),
  ];
  return {
    kind: "open",
    repo: targetRepo(params),
    title,
    body: join(lines),
    labels,
    mentions: notice.mentions,
    page: notice.page,
  };
}

function clientOf(params: { readonly alert: Alert; readonly config: AlertConfig }) {
  const id = params.alert.client;
  return id === null ? undefined : params.config.clients.find((c) => c.id === id);
}

/** The repository an alert's issue lives in: the client's first repository, else the support repository, else the home one. */
export function targetRepo(params: {
  readonly alert: Alert;
  readonly config: AlertConfig;
  readonly homeRepo: string;
}): string {
  return clientOf(params)?.repos[0] ?? params.config.supportRepo ?? params.homeRepo;
}

function noticeFor(params: Parameters<typeof planAlert>[0]): Notice {
  const { alert, responders, policy, now, config } = params;
  const terms = policy.termsFor({ clientLabel: clientOf(params)?.id, repo: targetRepo(params) });
  if (responders.inHours) {
    if (alert.severity === "info")
      return { mentions: [], page: null, line: "For information: nobody is notified." };
    const pair = responders.support ? [responders.support.developer, responders.support.operations] : [];
    if (pair.length === 0)
      return {
        mentions: [],
        page: null,
        line: "The rota names no support pair this week, so nobody is notified.",
      };
    return {
      mentions: pair,
      page: null,
      line: `${pair.map(mention).join(" ")}: first line support this week, over to you.`,
    };
  }
  const pickUp = `first line support picks this up at ${formatLocal(nextWorkingInstant(terms.calendar, now), policy.zone)}`;
  if (alert.severity !== "critical")
    return { mentions: [], page: null, line: `Out of hours and not critical: nobody is paged; ${pickUp}.` };
  if (!terms.outOfHours) {
    const who =
      terms.id === "unknown"
        ? "the alert names no client with out-of-hours cover"
        : `${neutralise(terms.name)} has no out-of-hours cover`;
    return { mentions: [], page: null, line: `Out of hours, and ${who}: nobody is paged; ${pickUp}.` };
  }
  const primary = responders.onCall?.primary;
  const logins = primary ? [primary] : [...(responders.onCall?.secondLine ?? [])];
  if (logins.length === 0)
    return {
      mentions: [],
      page: null,
      line: `Out of hours, but the rota names nobody on call this week: nobody is paged; ${pickUp}.`,
    };
  const first = config.alerts.escalation[0];
  const escalation = first
    ? ` Unacknowledged after ${minutesInWords(first.afterMinutes)}, the escalation starts.`
    : "";
  const who = primary ? "on call" : "second line (the rota names no on-call primary this week)";
  const line = [
    `Paging ${logins.map(mention).join(" ")}, ${who}: acknowledge by commenting, assigning yourself or reacting.${escalation}`,
    "Out-of-hours work earns TOIL: when done, claim it here with `/toil woke 90m` or `/toil awake 30m`.",
  ].join("\n");
  const message =
    `${alert.severity.toUpperCase()} ${alert.name}${alert.client ? ` (${alert.client})` : ""}${alert.summary ? `: ${alert.summary}` : ""}`
      .replace(/\s+/g, " ")
      .slice(0, 300);
  return { mentions: logins, page: { logins, at: now, pagerUrl: config.alerts.pagerUrl, message }, line };
}

function resolvedBody(params: Parameters<typeof planAlert>[0]): string {
  const { alert, policy } = params;
  const ended = alert.endsAt ?? params.now;
  const lasted =
    alert.startsAt !== null && ended >= alert.startsAt
      ? `, after ${formatMinutes((ended - alert.startsAt) / 60_000)}`
      : "";
  return join([
    marker(ALERT_RESOLVED_KEY),
    `**${quoteInline(alert.name, 100)}** is resolved (ended ${formatLocal(ended, policy.zone)}${lasted}). Closing this issue; it reopens if the alert fires again.`,
  ]);
}

function since(params: { readonly alert: Alert; readonly policy: SlaPolicy }): string {
  return params.alert.startsAt === null
    ? ""
    : ` (since ${formatLocal(params.alert.startsAt, params.policy.zone)})`;
}

function firedMarker(alert: Alert): string | null {
  return alert.startsAt === null ? null : marker(alertFiredKey(alert.startsAt));
}

function summaryQuote(alert: Alert): string | null {
  return alert.summary ? `> ${quoteInline(alert.summary, 500)}` : null;
}

function join(parts: readonly (string | null)[]): string {
  return parts.filter((p): p is string => p !== null && p !== "").join("\n\n");
}
