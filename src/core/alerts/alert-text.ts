import { formatMinutes } from "../time/format.js";
import { quoteInline } from "../markdown/safe-text.js";
import type { Alert } from "./alert.js";

/**
 * A link from an alert, only when it is plainly http(s): no `javascript:` or `data:` link, and no
 * character that could end the markdown link early. Null otherwise.
 */
export function safeUrl(text: string | null | undefined): string | null {
  if (text === null || text === undefined || text.length > 2000) return null;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  return url.href.replace(
    /[()<> "'`\\]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
}

/** An issue title from outside text: one line, no mention that would fire, not too long. */
export function safeTitle(text: string, maxLength = 120): string {
  const single = text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/@(?=[A-Za-z0-9])/g, "@\u200d");
  return single.length > maxLength ? `${single.slice(0, maxLength - 1)}…` : single;
}

/** A two-column table of names and values, every cell quoted safely; empty when there is nothing to show. */
export function safeTable(params: {
  readonly heading: string;
  readonly entries: Readonly<Record<string, string>>;
  readonly maxValue?: number;
}): string {
  const keys = Object.keys(params.entries).sort();
  if (keys.length === 0) return "";
  const rows = keys.map(
    (key) =>
      `| ${quoteInline(key, 100)} | ${quoteInline(params.entries[key] ?? "", params.maxValue ?? 500)} |`,
  );
  return [`| ${params.heading} | Value |`, "| --- | --- |", ...rows].join("\n");
}

/** The runbook link of an alert: the runbook that lists it, else a plain http(s) `runbook_url` annotation. */
export function runbookLink(params: {
  readonly alert: Alert;
  readonly runbookUrlFor: (alertName: string) => string | null;
}): string {
  const { alert } = params;
  const name = quoteInline(alert.name, 100);
  const listed = safeUrl(params.runbookUrlFor(alert.name));
  if (listed) return `**Runbook:** [${name}](${listed})`;
  const annotated = safeUrl(alert.annotations["runbook_url"] ?? alert.annotations["runbook"]);
  if (annotated)
    return `**Runbook:** [${name}](${annotated}) (from the alert; no runbook in the support repository lists it yet)`;
  return `**Runbook:** none lists ${name} yet: add it to the \`alerts\` of a runbook's front matter.`;
}

/** `5 minutes`, `1 minute`, and `1h 30m` from an hour on. */
export function minutesInWords(minutes: number): string {
  if (minutes >= 60) return formatMinutes(minutes);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
