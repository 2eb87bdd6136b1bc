import type { ToilAlert } from "./toil.js";
import { parseToilCommand } from "./toil-command.js";

/** A comment on an alert issue, as the converter needs it. Times are epoch milliseconds. */
export interface AlertIssueComment {
  readonly author: string;
  readonly createdAt: number;
  readonly body: string;
}

/** An alert issue: the instant it was opened is the alert's instant for TOIL. */
export interface AlertIssue {
  readonly issue: { readonly repo: string; readonly number: number };
  readonly openedAt: number;
  readonly comments: readonly AlertIssueComment[];
  /** Everyone Firstline paged on the issue (the page, each escalation step, `/escalate`): they may claim too. */
  readonly paged?: readonly string[];
}

/** Who was on call when an alert came in (from the rota's `whoIsOn`). */
export interface OnCallAt {
  readonly primary: string | null;
  readonly secondLine: readonly string[];
}

/** A `/toil` comment that was not taken, and why (the app may answer it). */
export interface RefusedToilClaim {
  readonly issue: AlertIssue["issue"];
  readonly author: string;
  readonly createdAt: number;
  readonly reason: string;
}

/**
 * Turns alert issues and emergency tickets into TOIL alert records. A claim is a `/toil woke 90m`
 * comment by a person on call when the issue was opened (the primary, or the second line), or by
 * anyone Firstline paged on it (an escalation step, `/escalate`); the instant is the issue's opening
 * (for an emergency ticket, its first page). A person's latest valid claim on an
 * issue counts, so a corrected claim replaces the first. Claims by anyone else, and claims that do
 * not parse, are returned as refused; an issue nobody claimed earns nothing.
 */
export function toilAlertsFromIssues(params: {
  readonly issues: readonly AlertIssue[];
  /** Who was on call at an instant; the shell answers it from the rota. */
  readonly onCallAt: (ms: number) => OnCallAt;
}): { readonly alerts: ToilAlert[]; readonly refused: RefusedToilClaim[] } {
  const alerts: ToilAlert[] = [];
  const refused: RefusedToilClaim[] = [];
  for (const alertIssue of params.issues) {
    const onCall = params.onCallAt(alertIssue.openedAt);
    const eligible = new Set(
      [onCall.primary, ...onCall.secondLine, ...(alertIssue.paged ?? [])]
        .filter((l): l is string => l !== null)
        .map((l) => l.toLowerCase()),
    );
    const claims = new Map<string, ToilAlert>();
    const comments = [...alertIssue.comments].sort((a, b) => a.createdAt - b.createdAt);
    for (const comment of comments) {
      const command = parseToilCommand(comment.body);
      if (command === null) continue;
      const refuse = (reason: string) =>
        refused.push({
          issue: alertIssue.issue,
          author: comment.author,
          createdAt: comment.createdAt,
          reason,
        });
      if (!eligible.has(comment.author.toLowerCase())) {
        refuse(
          `${comment.author} was not on call when this alert came in and was not paged for it, so it earns them no TOIL`,
        );
        continue;
      }
      if (!command.ok) {
        refuse(command.reason);
        continue;
      }
      claims.set(comment.author.toLowerCase(), {
        id: `${alertIssue.issue.repo}#${alertIssue.issue.number}`,
        login: comment.author,
        at: alertIssue.openedAt,
        woke: command.value.woke,
        workedMinutes: command.value.workedMinutes,
      });
    }
    alerts.push(...claims.values());
  }
  return { alerts, refused };
}
