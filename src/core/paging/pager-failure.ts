import { quoteInline } from "../markdown/safe-text.js";
import type { TicketAction } from "../ticket/actions.js";
import { marker, pagerFailedKey } from "../markers.js";
import type { PageEvent } from "./page-event.js";
import { pagerName, type PagerConfig } from "./pagers-of.js";

/** How one request to a pager went, as the shell reports it. */
export interface PagerResult {
  readonly pager: PagerConfig["kind"];
  readonly what: string;
  readonly ok: boolean;
  readonly status: number | null;
  readonly attempts: number;
  readonly detail: string;
}

/**
 * The comment that tells the ticket a pager did not take an event: which pager, what it answered
 * (quoted, it is outside text), and that the mention on the ticket stands. Null when every pager
 * took it. A pager's refusal is never silent: at 02:00 someone must know the phone did not ring.
 */
export function pagerFailureComment(params: {
  readonly event: PageEvent;
  readonly results: readonly PagerResult[];
}): TicketAction | null {
  const failed = params.results.filter((r) => !r.ok);
  if (failed.length === 0) return null;
  const lines = failed.map((r) => {
    const answer = r.status === null ? "no answer" : `${r.status}`;
    const tries = r.attempts > 1 ? ` after ${r.attempts} tries` : "";
    const said = r.detail ? `: ${quoteInline(r.detail, 200)}` : "";
    return `- ${pagerName(r.pager)} (${r.what}): ${answer}${tries}${said}`;
  });
  const paging = params.event.action === "trigger" || params.event.action === "escalate";
  const consequence = paging
    ? "The mention on this issue stands, but the phone may not ring: call the person if it matters."
    : "Do the same at the pager by hand, or its escalation goes on.";
  return {
    kind: "create-comment",
    body: `${marker(pagerFailedKey(params.event))}\n**A pager did not take this ${params.event.action}.** ${consequence}\n\n${lines.join("\n")}`,
    why: "pager failure",
  };
}
