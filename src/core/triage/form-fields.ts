import type { Priority } from "../labels.js";

/**
 * The labels of the client issue forms in `.github/ISSUE_TEMPLATE/`, which triage reads. A test
 * checks that the shipped forms use exactly these.
 */
export const FORM_FIELDS = {
  client: "Organisation",
  summary: "What is wrong, or what do you need?",
  page: "Page or URL",
  steps: "Steps to reproduce",
  expected: "Expected behaviour",
  actual: "Actual behaviour",
  impact: "Impact",
  type: "Type of request",
} as const;

/** Impact answers and the priority each means (the SLA's definitions, in the client's words). */
export const IMPACT_OPTIONS: readonly { readonly answer: string; readonly priority: Priority }[] = [
  { answer: "The live site is down or unusable, or we think it has been hacked", priority: "P1" },
  {
    answer: "The live site works, but badly: very slow or giving wrong results for many people",
    priority: "P2",
  },
  { answer: "Something is not working as it should, or we need a change", priority: "P3" },
  { answer: "No rush: a background request or a question", priority: "P4" },
];

/** Type answers and the ticket type each means. */
export const TYPE_OPTIONS: readonly { readonly answer: string; readonly type: TicketType }[] = [
  { answer: "Something is broken", type: "bug" },
  { answer: "A change to the site", type: "change" },
  { answer: "A question", type: "question" },
];

/** The kinds of ticket. */
export const TICKET_TYPES = ["bug", "change", "question", "alert", "maintenance"] as const;
export type TicketType = (typeof TICKET_TYPES)[number];
