import { LABELS } from "../labels.js";
import type { SlaPolicy } from "../sla/policy.js";
import { chargeableMatches, type TriageConfig } from "../triage/classify.js";
import { readIssueForm } from "../triage/issue-form.js";
import { missingInfo } from "../triage/needs-info.js";
import type { CardExtras } from "./card.js";
import type { TicketSnapshot } from "./snapshot.js";

/** The reporter's own words so far: the body and their comments. */
export function reporterText(snapshot: TicketSnapshot): string {
  const replies = snapshot.comments
    .filter((c) => c.author.toLowerCase() === snapshot.author.toLowerCase())
    .map((c) => c.body);
  return [snapshot.title, snapshot.body ?? "", ...replies].join("\n");
}

/** What the card says besides the SLA, read from the ticket's labels and text. */
export function cardExtras(params: {
  readonly snapshot: TicketSnapshot;
  readonly config: TriageConfig;
  readonly policy: SlaPolicy;
}): CardExtras {
  const { snapshot, config, policy } = params;
  const labels = new Set(snapshot.labels);
  const type = snapshot.labels.map((l) => /^type: (.+)$/.exec(l)?.[1]).find((t) => t !== undefined);
  const clientLabel = snapshot.labels.map((l) => /^client: (.+)$/.exec(l)?.[1]).find((c) => c !== undefined);
  const knownClient =
    clientLabel !== undefined && clientLabel !== "unknown"
      ? policy.client(clientLabel) !== undefined
      : policy.termsFor({ repo: snapshot.repo }).id !== "unknown";
  const needsInfo = labels.has(LABELS.needsInfo)
    ? missingInfo({ fields: readIssueForm(snapshot.body), text: reporterText(snapshot) })
    : [];
  const declined = snapshot.comments.some(
    (c) => policy.isStaff(c.author) && /^\/not-chargeable\b/m.test(c.body),
  );
  const suggested = declined ? [] : chargeableMatches(config, snapshot);
  return {
    type,
    needsInfo,
    reporter: snapshot.author,
    clientUnknown: !knownClient,
    chargeable: labels.has(LABELS.chargeable),
    chargeableSuggested: suggested,
  };
}
