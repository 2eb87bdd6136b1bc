import type { FirstlineConfig } from "../config/firstline-config.js";
import { mention } from "../markdown/safe-text.js";
import type { TicketAction } from "../ticket/actions.js";
import { escalationKey, marker, markerKeysIn, parsePageAckKey } from "../markers.js";
import { minutesInWords } from "./alert-text.js";
import type { TicketComment } from "../ticket/snapshot.js";

/** One escalation step of the configuration (`alerts.escalation`). */
export type EscalationStep = FirstlineConfig["alerts"]["escalation"][number];

/** What escalation reads of an alert issue. Times are epoch milliseconds. */
export interface EscalationIssue {
  /** A closed issue (the alert resolved) escalates no further. */
  readonly state?: "open" | "closed";
  readonly comments: readonly TicketComment[];
  /** Reactions on the issue and its comments, by login, when known. */
  readonly reactions?: readonly { readonly login: string; readonly at: number }[];
  /** Assignment events with who made them. When absent, `assignees` is read instead. */
  readonly assignments?: readonly { readonly at: number; readonly by: string; readonly assignee: string }[];
  readonly assignees?: readonly string[];
}

/** Who acknowledged a page, when and how. `at` is null when only the current assignees were known. */
export interface Acknowledgement {
  readonly by: string;
  readonly at: number | null;
  readonly how: "comment" | "assignment" | "reaction" | "pager" | "command";
}

/** The escalation steps to take now, and what is already settled. */
export interface EscalationPlan {
  readonly acknowledged: Acknowledgement | null;
  /** One comment per step that is due and not yet taken. */
  readonly actions: readonly TicketAction[];
  /** Step numbers (1-based, in config order) due now. */
  readonly due: readonly number[];
  /** When the next step not yet due falls due, so the shell can check again then; null when none. */
  readonly nextAt: number | null;
}

const MINUTE_MS = 60_000;

/**
 * The escalation steps of a page that are due at `now` and not yet taken. A page is acknowledged
 * by any comment, assignment or reaction, after the page, by the on-call primary or by anyone an
 * earlier step already called; once acknowledged (or once the issue is closed) nothing escalates.
 * A step is taken when Firstline's own comment with its marker was posted after the page, so steps
 * are never repeated, and a later page (the alert firing again) starts afresh.
 */
export function planEscalation(params: {
  readonly issue: EscalationIssue;
  readonly pagedAt: number;
  readonly onCall: { readonly primary: string | null; readonly secondLine: readonly string[] };
  readonly steps: readonly EscalationStep[];
  readonly now: number;
  readonly botLogin: string;
  /** What was paged, in the step comments: "this alert" (the default) or "this ticket". */
  readonly subject?: string;
}): EscalationPlan {
  const { issue, pagedAt, onCall, steps, now } = params;
  const subject = params.subject ?? "this alert";
  const bot = params.botLogin.toLowerCase();
  const ownAfterPage = issue.comments.filter((c) => c.author.toLowerCase() === bot && c.createdAt >= pagedAt);
  const taken = (n: number) => ownAfterPage.some((c) => c.body.includes(marker(escalationKey(n))));
  const called = new Set<string>(onCall.primary ? [onCall.primary.toLowerCase()] : []);
  steps.forEach((step, index) => {
    if (taken(index + 1)) for (const login of loginsOf(step, onCall)) called.add(login.toLowerCase());
  });
  const acknowledged = acknowledgementOf({ issue, pagedAt, called, bot });
  if (acknowledged || issue.state === "closed") return { acknowledged, actions: [], due: [], nextAt: null };
  const due: number[] = [];
  const actions: TicketAction[] = [];
  let nextAt: number | null = null;
  steps.forEach((step, index) => {
    const n = index + 1;
    const at = pagedAt + step.afterMinutes * MINUTE_MS;
    if (taken(n)) return;
    if (now < at) {
      nextAt = nextAt === null ? at : Math.min(nextAt, at);
      return;
    }
    due.push(n);
    actions.push({
      kind: "create-comment",
      body: stepBody({ n, step, onCall, subject }),
      why: `escalation step ${n}`,
    });
  });
  return { acknowledged: null, actions, due, nextAt };
}

function loginsOf(
  step: EscalationStep,
  onCall: { readonly secondLine: readonly string[] },
): readonly string[] {
  return step.notify === "second-line" ? onCall.secondLine : step.notify;
}

function stepBody(params: {
  readonly n: number;
  readonly step: EscalationStep;
  readonly onCall: { readonly primary: string | null; readonly secondLine: readonly string[] };
  readonly subject: string;
}): string {
  const { n, step, onCall, subject } = params;
  const logins = loginsOf(step, onCall);
  const paged = onCall.primary ? `${onCall.primary} (on call)` : "the on-call person";
  const nobody =
    step.notify === "second-line"
      ? "the rota names nobody on the second line this week"
      : "no one is listed for this step";
  const who = logins.length > 0 ? `${logins.map(mention).join(" ")}: ` : `Escalating, but ${nobody}. `;
  return `${marker(escalationKey(n))}\n${who}nobody has acknowledged ${subject} ${minutesInWords(step.afterMinutes)} after ${paged} was paged. Please take a look, and comment here when you do.`;
}

function acknowledgementOf(params: {
  readonly issue: EscalationIssue;
  readonly pagedAt: number;
  readonly called: ReadonlySet<string>;
  readonly bot: string;
}): Acknowledgement | null {
  const { issue, pagedAt, called, bot } = params;
  const counts = (login: string) => login.toLowerCase() !== bot && called.has(login.toLowerCase());
  const found: Acknowledgement[] = [];
  // Firstline's own note of an acknowledgement at a pager or by `/ack` counts whoever gave it.
  for (const c of issue.comments) {
    if (c.createdAt < pagedAt || c.author.toLowerCase() !== bot) continue;
    for (const key of markerKeysIn(c.body)) {
      const ack = parsePageAckKey(key);
      if (ack) found.push({ by: ack.login, at: c.createdAt, how: ack.how });
    }
  }
  for (const c of issue.comments)
    if (c.createdAt >= pagedAt && counts(c.author))
      found.push({ by: c.author, at: c.createdAt, how: "comment" });
  for (const r of issue.reactions ?? [])
    if (r.at >= pagedAt && counts(r.login)) found.push({ by: r.login, at: r.at, how: "reaction" });
  if (issue.assignments) {
    for (const a of issue.assignments)
      if (a.at >= pagedAt && counts(a.by)) found.push({ by: a.by, at: a.at, how: "assignment" });
  } else {
    // Without assignment events, an on-call person among the assignees is taken as acknowledgement.
    const assignee = (issue.assignees ?? []).find(counts);
    if (assignee !== undefined) found.push({ by: assignee, at: null, how: "assignment" });
  }
  found.sort((a, b) => (a.at ?? Infinity) - (b.at ?? Infinity));
  return found[0] ?? null;
}
