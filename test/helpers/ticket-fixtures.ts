import { firstlineConfigSchema, type FirstlineConfig } from "../../src/core/config/firstline-config.js";
import { buildSlaPolicy } from "../../src/core/sla/policy.js";
import type { Responders } from "../../src/core/ticket/responders.js";
import { FORM_FIELDS } from "../../src/core/triage/form-fields.js";

/** The app's own login, as GitHub reports it for a GitHub App. */
export const BOT = "firstline[bot]";

export const WAITING = "status: waiting on client";
export const BLOCKED = "status: blocked";

/**
 * An agency with three client repositories and one shared helpdesk repository: acme has cover out
 * of hours (enhanced plan), riverside does not, glenmore has cover and keeps Scotland's holidays.
 */
export const ticketConfig: FirstlineConfig = firstlineConfigSchema.parse({
  staff: { logins: ["alice", "bob", "renovate[bot]"] },
  ticketRepos: ["agency/helpdesk"],
  clients: [
    {
      id: "acme",
      name: "Acme Borough Council",
      plan: "enhanced",
      outOfHours: true,
      repos: ["acme/website"],
      keywords: ["acme"],
      accountManager: "carol",
    },
    {
      id: "riverside",
      name: "Riverside Housing",
      plan: "standard",
      repos: ["riverside/portal"],
      keywords: ["riverside", "tenant portal"],
      accountManager: "dave",
    },
    {
      id: "glenmore",
      name: "Glenmore Whisky",
      plan: "standard",
      outOfHours: true,
      repos: ["glenmore/shop"],
      keywords: ["glenmore", "distillery"],
      holidays: { region: "scotland" },
    },
  ],
});

export const ticketPolicy = buildSlaPolicy({ config: ticketConfig });

/** This week's people: the support pair in hours, the on-call primary out of hours. */
export function responders(inHours: boolean): Responders {
  return {
    support: { developer: "erin", operations: "olly" },
    onCall: { primary: "pete", secondLine: ["grace"] },
    inHours,
  };
}

/** Answers to the support-request issue form; a missing answer renders as GitHub's `_No response_`. */
export interface FormAnswers {
  readonly organisation?: string | undefined;
  readonly type?: string | undefined;
  readonly summary?: string | undefined;
  readonly page?: string | undefined;
  readonly steps?: string | undefined;
  readonly expected?: string | undefined;
  readonly actual?: string | undefined;
  readonly impact?: string | undefined;
}

/** An issue body exactly as GitHub renders the support-request form: `### Label`, a blank line, the answer. */
export function formBody(answers: FormAnswers): string {
  const fields: readonly (readonly [string, string | undefined])[] = [
    [FORM_FIELDS.client, answers.organisation],
    [FORM_FIELDS.type, answers.type],
    [FORM_FIELDS.summary, answers.summary],
    [FORM_FIELDS.page, answers.page],
    [FORM_FIELDS.steps, answers.steps],
    [FORM_FIELDS.expected, answers.expected],
    [FORM_FIELDS.actual, answers.actual],
    [FORM_FIELDS.impact, answers.impact],
  ];
  return fields.map(([label, answer]) => `### ${label}\n\n${answer ?? "_No response_"}`).join("\n\n");
}

/** A complete bug report in free text: steps, page, expected and actual behaviour. */
export const COMPLETE_BUG_TEXT = [
  "The contact form is broken.",
  "",
  "1. Go to https://www.example.org/contact",
  "2. Fill in the form and press Send",
  "",
  "It should say thank you, but it shows an error instead.",
].join("\n");
