import { hasMarker, PAGE_KEY } from "../markers.js";
import type { TicketComment } from "../ticket/snapshot.js";

/** The issue an alert's fingerprint already has, as the intake reads it. Times are epoch milliseconds. */
export interface ExistingAlertIssue {
  readonly repo: string;
  readonly number: number;
  readonly state: "open" | "closed";
  /** Who opened it: Firstline's own login for an issue the intake opened. */
  readonly author: string;
  readonly body: string;
  readonly createdAt: number;
  readonly comments: readonly TicketComment[];
}

/** Firstline's own texts on an alert issue (its body and its comments), each with its time. */
function ownTexts(
  issue: ExistingAlertIssue,
  botLogin: string,
): { readonly at: number; readonly body: string }[] {
  const bot = botLogin.toLowerCase();
  const texts = [
    { author: issue.author, at: issue.createdAt, body: issue.body },
    ...issue.comments.map((c) => ({ author: c.author, at: c.createdAt, body: c.body })),
  ];
  // Only Firstline's own texts count: a marker pasted by anyone else forges nothing.
  return texts.filter((t) => t.author.toLowerCase() === bot);
}

/** The times of Firstline's own texts on the issue that carry the marker `key`, earliest first. */
export function markerTimes(params: {
  readonly issue: ExistingAlertIssue;
  readonly botLogin: string;
  readonly key: string;
}): number[] {
  return ownTexts(params.issue, params.botLogin)
    .filter((t) => hasMarker(t.body, params.key))
    .map((t) => t.at)
    .sort((a, b) => a - b);
}

/**
 * When the on-call person was last paged about this issue (the `pagedAt` of `planEscalation`),
 * or null when nobody was.
 */
export function lastPageAt(params: {
  readonly issue: ExistingAlertIssue;
  readonly botLogin: string;
}): number | null {
  const times = markerTimes({ ...params, key: PAGE_KEY });
  return times[times.length - 1] ?? null;
}
