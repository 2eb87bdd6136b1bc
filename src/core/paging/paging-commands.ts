import type { FirstlineConfig } from "../config/firstline-config.js";
import { clientOfLabel } from "../labels.js";
import { mention } from "../markdown/safe-text.js";
import type { SlaPolicy } from "../sla/policy.js";
import { formatLocal } from "../time/format.js";
import type { TicketAction } from "../ticket/actions.js";
import { parseCommands } from "../ticket/commands.js";
import { handEscalationKey, marker, markersIn } from "../markers.js";
import type { Responders } from "../ticket/responders.js";
import type { TicketComment, TicketSnapshot } from "../ticket/snapshot.js";
import { lastPage, planPageAcknowledgement } from "./acknowledge-page.js";
import { issueUrl, pageKey, type PageEvent } from "./page-event.js";

/** What `/ack` and `/escalate` in a comment do: comments on the ticket, and what the pagers are told. */
export interface PagingCommandPlan {
  readonly actions: readonly TicketAction[];
  readonly events: readonly PageEvent[];
}

const LOGIN = /^@?([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))$/;

/**
 * Plans a staff member's `/ack` (acknowledge the page here and at the pagers, which stops the
 * escalation) and `/escalate` (to this week's second line) or `/escalate @login ...` (anyone, also
 * off the rota: the playbook's "add them as a responder"). Each is a comment on the ticket; each
 * comment's commands act once. Others' commands are refused by `planCommands`.
 */
export function planPagingCommands(params: {
  readonly comment: TicketComment;
  readonly snapshot: TicketSnapshot;
  readonly policy: SlaPolicy;
  readonly config: Pick<FirstlineConfig, "timezone">;
  readonly responders: Responders | null;
  readonly botLogin: string;
}): PagingCommandPlan {
  const { comment, snapshot, policy, responders, botLogin } = params;
  if (policy.isBot(comment.author) || !policy.isStaff(comment.author)) return { actions: [], events: [] };
  const actions: TicketAction[] = [];
  const events: PageEvent[] = [];
  const client = snapshot.labels.map(clientOfLabel).find((c) => c !== undefined) ?? null;
  const event = (action: PageEvent["action"], logins: readonly string[]): PageEvent => ({
    action,
    key: pageKey(snapshot),
    summary: snapshot.title,
    logins,
    by: comment.author,
    url: issueUrl(snapshot),
    repo: snapshot.repo,
    number: snapshot.number,
    client,
    at: comment.createdAt,
  });
  const markers = markersIn({ comments: snapshot.comments, botLogin });
  for (const command of parseCommands(comment.body)) {
    if (command.name === "ack") {
      const note = planPageAcknowledgement({
        snapshot,
        botLogin,
        via: null,
        kind: "acknowledge",
        login: comment.author,
        name: null,
        at: comment.createdAt,
        zone: params.config.timezone,
      });
      if (note) {
        actions.push(note);
        events.push(event("acknowledge", []));
      } else if (lastPage({ snapshot, botLogin }) === null) {
        actions.push({
          kind: "create-comment",
          body: `${mention(comment.author)}, there is no page on this issue to acknowledge.`,
          why: "/ack without a page",
        });
      }
    }
    if (command.name === "escalate") {
      const key = handEscalationKey(comment.id);
      if (markers.has(key)) continue;
      const words = command.args.split(/\s+/).filter((w) => w !== "");
      const named = words.map((w) => LOGIN.exec(w)?.[1]).filter((l): l is string => l !== undefined);
      if (words.length > 0 && named.length !== words.length) {
        actions.push({
          kind: "create-comment",
          body: `${mention(comment.author)}, \`/escalate\` takes nothing (the second line) or logins such as \`/escalate @dana-whitfield\`.`,
          why: "/escalate problem",
        });
        continue;
      }
      const secondLine = responders?.onCall?.secondLine ?? [];
      const logins = named.length > 0 ? named : [...secondLine];
      if (logins.length === 0) {
        actions.push({
          kind: "create-comment",
          body: `${marker(key)}\n${mention(comment.author)}, the rota names nobody on the second line this week: name someone, as in \`/escalate @login\`.`,
          why: "/escalate with nobody",
        });
        continue;
      }
      const to = named.length > 0 ? "" : " (second line this week)";
      actions.push({
        kind: "create-comment",
        body: `${marker(key)}\n${logins.map(mention).join(" ")}${to}: ${comment.author} escalated this to you at ${formatLocal(comment.createdAt, params.config.timezone)}. Please take a look, and comment here when you do.`,
        why: "/escalate",
      });
      events.push(event(lastPage({ snapshot, botLogin }) === null ? "trigger" : "escalate", logins));
    }
  }
  return { actions, events };
}
