/** A runbook's text for tests: front matter lines, then a body with every expected section. */
export function runbookText(
  params: { readonly frontMatter?: Record<string, string>; readonly body?: string } = {},
): string {
  const frontMatter = {
    title: "Site down",
    alerts: "[SiteDown]",
    services: "[nginx, MySQL]",
    severity: "critical",
    owner: "bob-adeyemi",
    lastReviewed: "2026-10-01",
    ...params.frontMatter,
  };
  const lines = Object.entries(frontMatter)
    .filter(([, value]) => value !== "")
    .map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join("\n")}\n---\n${params.body ?? SECTIONS}`;
}

/** A body with the four expected sections, starting on the file's line 10 with the default front matter. */
export const SECTIONS =
  "\nIntro.\n\n## Symptoms\n\nIt is down.\n\n## Diagnosis\n\nLook.\n\n## Resolution\n\nFix.\n\n## Escalation\n\nCall.\n";
