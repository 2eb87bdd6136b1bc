/** The rule ids runbook findings carry (DOMAIN section 7). */
export const RUNBOOK_RULE = {
  /** Error: the front matter is missing, is not YAML, or breaks the schema (unknown keys too). */
  frontMatter: "runbooks/front-matter",
  /** Error: a file name is not a slug (`lowercase-words.md`), so it cannot be a page name. */
  fileName: "runbooks/file-name",
  /** Warning: one of the sections Symptoms, Diagnosis, Resolution, Escalation is missing. */
  missingSection: "runbooks/missing-section",
  /** Error: a relative link to a runbook or heading that does not exist. */
  brokenLink: "runbooks/broken-link",
  /** Error: a link with a scheme other than http, https or mailto (`javascript:`, `data:`...). */
  unsafeLink: "runbooks/unsafe-link",
  /** Warning: an image from another site; the site loads nothing from outside and shows a link. */
  externalImage: "runbooks/external-image",
  /** Warning: raw HTML, which the site shows as text. */
  rawHtml: "runbooks/raw-html",
  /** Warning: `lastReviewed` is over 6 months old, or in the future. */
  stale: "runbooks/stale",
  /** Error: an alert name listed by two runbooks (or twice in one). */
  duplicateAlert: "runbooks/duplicate-alert",
} as const;

/** The sections every runbook is expected to have, as `##` headings. */
export const RUNBOOK_SECTIONS = ["Symptoms", "Diagnosis", "Resolution", "Escalation"] as const;

/** How long a review stays current. */
export const REVIEW_MONTHS = 6;
