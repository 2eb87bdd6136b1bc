import { z } from "zod";
import { priorityOfLabel, type Priority } from "./labels.js";
import { classifyTicket, type TriageConfig } from "./triage/classify.js";
import { DEFAULT_PRIORITY_RULES } from "./config/triage-defaults.js";

/** A queued delivery's rank: 1 is written first (P1 tickets, alerts, pages), 4 last. */
export type DeliveryRank = 1 | 2 | 3 | 4;

const RANK: Readonly<Record<Priority, DeliveryRank>> = { P1: 1, P2: 2, P3: 3, P4: 4 };

/** The triage an instance knows before it has read the agency's configuration: the default rules. */
const BUILT_IN_TRIAGE: TriageConfig = {
  clients: [],
  priorityRules: DEFAULT_PRIORITY_RULES,
  ticketRepos: [],
  chargeableKeywords: [],
  pauseLabels: [],
};

const ALERT_EVENTS = new Set(["dependabot_alert", "code_scanning_alert", "secret_scanning_alert"]);

// Only what ranking reads; anything else in the (hostile) payload is ignored.
const payloadSchema = z.object({
  action: z.string().optional(),
  issue: z
    .object({
      title: z.string(),
      body: z.string().nullable().optional(),
      labels: z.array(z.object({ name: z.string() }).nullable()).optional(),
      pull_request: z.unknown().optional(),
    })
    .optional(),
  repository: z.object({ full_name: z.string() }).optional(),
});

/**
 * How urgent a webhook delivery is, so that when work queues up under GitHub's write limits the
 * urgent tickets are written first: security alerts and P1 tickets, then P2, and so on. A ticket
 * that already has a priority label keeps it; a new one is triaged as the app will triage it,
 * with the last configuration this instance read, or with the built-in rules before it has read
 * one (an instance that has not worked yet, behind a proxy that takes turns, must not rank an
 * outage as routine).
 */
export function deliveryRank(params: {
  readonly name: string;
  readonly payload: unknown;
  readonly config: TriageConfig | undefined;
}): DeliveryRank {
  if (ALERT_EVENTS.has(params.name)) return 1;
  const parsed = payloadSchema.safeParse(params.payload);
  if (!parsed.success || !parsed.data.issue) return 3;
  const { issue, repository, action } = parsed.data;
  const labelled = (issue.labels ?? [])
    .map((l) => (l ? priorityOfLabel(l.name) : undefined))
    .find((p) => p !== undefined);
  if (labelled) return RANK[labelled];
  if (params.name === "issues" && action === "opened" && repository) {
    const decision = classifyTicket({
      config: params.config ?? BUILT_IN_TRIAGE,
      issue: {
        repo: repository.full_name,
        title: issue.title,
        body: issue.body ?? null,
        isPullRequest: issue.pull_request !== undefined,
      },
    });
    return RANK[decision.priority];
  }
  return 3;
}
