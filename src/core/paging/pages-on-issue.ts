import { markerKeysIn, pageKindOfKey } from "../markers.js";
/** One text on an issue (its body or a comment), as page records read it. */
export interface IssueText {
  readonly author: string;
  readonly createdAt: number;
  readonly body: string;
}

/** A page Firstline sent about an issue: when, and who it called. */
export interface PageRecord {
  readonly at: number;
  readonly logins: readonly string[];
  /** `page` (the first call), `escalation` (an unacknowledged step) or `escalate` (`/escalate`). */
  readonly kind: "page" | "escalation" | "escalate";
}

/**
 * Every page, escalation step and `/escalate` Firstline wrote on an issue, with the people it
 * mentioned, in time order. Only texts by a trusted author count: a marker pasted by anyone else
 * pages nobody and earns nothing.
 */
export function pagesOnIssue(params: {
  readonly texts: readonly IssueText[];
  readonly trusted: (login: string) => boolean;
}): PageRecord[] {
  const records: PageRecord[] = [];
  for (const text of params.texts) {
    if (!params.trusted(text.author)) continue;
    const kind = markerKeysIn(text.body)
      .map(pageKindOfKey)
      .find((k) => k !== null);
    if (!kind) continue;
    const logins = [
      ...new Set(
        [...text.body.matchAll(/(?:^|[\s(])@([A-Za-z0-9][A-Za-z0-9-]{0,38})\b/g)]
          .map((m) => m[1] ?? "")
          .filter((l) => l !== ""),
      ),
    ];
    if (logins.length > 0) records.push({ at: text.createdAt, logins, kind });
  }
  return records.sort((a, b) => a.at - b.at);
}
