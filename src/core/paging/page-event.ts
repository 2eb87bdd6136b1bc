/**
 * What Firstline tells a pager: a page going out, an escalation to more people, an
 * acknowledgement, or a resolution. Every pager speaks its own format; this is the one they are
 * all built from.
 */
export interface PageEvent {
  readonly action: "trigger" | "escalate" | "acknowledge" | "resolve";
  /** The stable key of the issue's page at every pager (PagerDuty's dedup_key, Opsgenie's alias). */
  readonly key: string;
  /** One line, plain text. */
  readonly summary: string;
  /** Who is paged (trigger, escalate) by GitHub login. */
  readonly logins: readonly string[];
  /** Who acknowledged or resolved, when a person did. */
  readonly by: string | null;
  /** The issue on GitHub. */
  readonly url: string;
  readonly repo: string;
  readonly number: number;
  readonly client: string | null;
  /** Epoch milliseconds. */
  readonly at: number;
}

/** The page key of an issue: the same for every page, escalation and acknowledgement of it. */
export function pageKey(params: { readonly repo: string; readonly number: number }): string {
  return `firstline/${params.repo}#${params.number}`;
}

/** The issue a page key names, or null for a key Firstline did not make (hostile or foreign input). */
export function issueOfPageKey(key: string): { readonly repo: string; readonly number: number } | null {
  const match = /^firstline\/([A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100})#([1-9][0-9]{0,9})$/.exec(key);
  if (!match?.[1] || !match[2]) return null;
  return { repo: match[1], number: Number(match[2]) };
}

/** The issue's address on GitHub, for pagers and people. */
export function issueUrl(params: { readonly repo: string; readonly number: number }): string {
  return `https://github.com/${params.repo}/issues/${params.number}`;
}
