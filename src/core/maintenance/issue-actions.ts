import type { TicketAction } from "../ticket/actions.js";

/** Opening a new issue, with its labels, in one call. */
export interface CreateIssueAction {
  readonly kind: "create-issue";
  readonly repo: string;
  readonly title: string;
  readonly body: string;
  readonly labels: readonly string[];
  readonly why: string;
}

/**
 * A change Firstline wants made for a maintenance ticket: opening it, or keeping an existing one
 * (whose repository and number the caller holds) in step with the ticket actions it already
 * knows. `src/github` carries these out.
 */
export type MaintenanceIssueAction =
  | CreateIssueAction
  | { readonly kind: "update-issue-body"; readonly body: string; readonly why: string }
  | { readonly kind: "close-issue"; readonly reason: "completed"; readonly why: string }
  | { readonly kind: "reopen-issue"; readonly why: string }
  | TicketAction;
