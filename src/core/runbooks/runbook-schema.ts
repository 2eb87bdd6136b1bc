import * as z from "zod";
import { dateString, login } from "../config/config-schema.js";

/** How bad the situation a runbook covers is, in the words alerts use. */
export const RUNBOOK_SEVERITIES = ["critical", "warning", "info"] as const;

/** A zod error message for a key that must be there: "is required" when absent, else `otherwise`. */
const requiredOr = (otherwise: string) => (issue: { readonly input?: unknown }) =>
  issue.input === undefined ? "is required" : otherwise;

/** An alert name as monitoring sends it (Alertmanager's `alertname`), such as `SiteDown`. */
const alertName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_:]*$/, {
    message: "must be an alert name such as SiteDown (letters, digits, _ and :)",
  })
  .meta({ description: "An alert name, exactly as monitoring sends it (Alertmanager's alertname)." });

/** The front matter of `runbooks/<slug>.md`. Unknown keys are errors. */
export const runbookFrontMatterSchema = z.strictObject({
  title: z
    .string({ error: requiredOr("must be text") })
    .trim()
    .min(1, { message: "must not be empty" })
    .meta({ description: "The runbook's title, shown as its page heading." }),
  alerts: z.array(alertName).default([]).meta({
    description:
      "Alert names this runbook answers; an alert ticket links here. Each name belongs to one runbook.",
  }),
  services: z
    .array(z.string().trim().min(1, { message: "must not be empty" }))
    .default([])
    .meta({
      description:
        "The services or components it is about (WordPress, MySQL, Redis, load balancer...), for search.",
    }),
  severity: z
    .enum(RUNBOOK_SEVERITIES, { error: requiredOr(`must be one of ${RUNBOOK_SEVERITIES.join(", ")}`) })
    .meta({
      description: "critical (production down or compromised), warning (degraded), info (a procedure).",
    }),
  owner: z
    .string({ error: requiredOr("must be a GitHub login") })
    .pipe(login)
    .meta({ description: "GitHub login of the person who keeps this runbook current." }),
  lastReviewed: z
    .string({ error: requiredOr("must be a date written YYYY-MM-DD") })
    .pipe(dateString)
    .meta({
      description:
        "The date it was last checked against reality, YYYY-MM-DD; over 6 months ago is a warning.",
    }),
});

/** A runbook's front matter, validated. */
export type RunbookFrontMatter = z.output<typeof runbookFrontMatterSchema>;
