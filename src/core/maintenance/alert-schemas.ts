import * as z from "zod";

// Only the fields Firstline reads; everything else GitHub sends is dropped on parsing (for a
// secret scanning alert that includes the secret itself, which must never reach a ticket).

const text = z.string();
const optionalText = z.string().nullish();

/**
 * A Dependabot alert as `GET /repos/{owner}/{repo}/dependabot/alerts` lists it and as the
 * `dependabot_alert` webhook carries it in `alert`.
 */
export const dependabotAlertSchema = z.object({
  /** The alert's number in its repository. */
  number: z.number().int(),
  /** open, fixed, dismissed or auto_dismissed. */
  state: text,
  dependency: z.object({
    package: z.object({ ecosystem: text, name: text }),
    manifest_path: optionalText,
  }),
  security_advisory: z.object({
    ghsa_id: text,
    cve_id: optionalText,
    summary: text,
    /** low, medium (or moderate), high or critical. */
    severity: text,
  }),
  security_vulnerability: z
    .object({
      severity: optionalText,
      vulnerable_version_range: optionalText,
      first_patched_version: z.object({ identifier: text }).nullish(),
    })
    .nullish(),
  html_url: text,
  dismissed_reason: optionalText,
});
export type DependabotAlert = z.output<typeof dependabotAlertSchema>;

/** A code scanning alert (REST list item or the `code_scanning_alert` webhook's `alert`). */
export const codeScanningAlertSchema = z.object({
  number: z.number().int(),
  /** open, dismissed or fixed. */
  state: text,
  rule: z.object({
    id: text,
    /** none, note, warning or error. */
    severity: optionalText,
    /** low, medium, high or critical, for security queries. */
    security_severity_level: optionalText,
    description: optionalText,
    name: optionalText,
  }),
  tool: z.object({ name: text }).nullish(),
  most_recent_instance: z
    .object({
      ref: optionalText,
      location: z.object({ path: optionalText, start_line: z.number().int().nullish() }).nullish(),
    })
    .nullish(),
  html_url: text,
  dismissed_reason: optionalText,
});
export type CodeScanningAlert = z.output<typeof codeScanningAlertSchema>;

/** A secret scanning alert, without the secret (REST list item or the webhook's `alert`). */
export const secretScanningAlertSchema = z.object({
  number: z.number().int(),
  /** open or resolved. */
  state: text,
  secret_type: text,
  secret_type_display_name: optionalText,
  /** Why it was resolved: false_positive, wont_fix, revoked, used_in_tests... */
  resolution: optionalText,
  /** active, inactive or unknown, when GitHub checked the secret with its provider. */
  validity: optionalText,
  html_url: text,
});
export type SecretScanningAlert = z.output<typeof secretScanningAlertSchema>;
