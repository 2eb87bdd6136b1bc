import type { EmulatorState } from "./state/store.js";
import type { IssueRecord } from "./state/types.js";

/** One parsed term of a search query: a qualifier (`label:"x"`, possibly negated) or free text. */
interface Term {
  readonly negated: boolean;
  readonly qualifier: string | null;
  readonly value: string;
}

/** Splits a query on spaces, keeping `"quoted phrases"` (also after a qualifier) together. */
function tokenize(query: string): Term[] {
  const pattern = /(-?)(?:([a-zA-Z-]+):)?(?:"([^"]*)"|(\S+))/g;
  const terms: Term[] = [];
  for (const match of query.matchAll(pattern)) {
    const value = match[3] ?? match[4] ?? "";
    terms.push({ negated: match[1] === "-", qualifier: match[2]?.toLowerCase() ?? null, value });
  }
  return terms;
}

function compareDate(at: Date, condition: string): boolean {
  const range = /^(.+)\.\.(.+)$/.exec(condition);
  if (range?.[1] && range[2]) {
    const from = range[1] === "*" ? -Infinity : Date.parse(range[1]);
    const to = range[2] === "*" ? Infinity : Date.parse(range[2]) + (range[2].length === 10 ? 86_399_999 : 0);
    return at.getTime() >= from && at.getTime() <= to;
  }
  const op = /^(>=|<=|>|<)?(.+)$/.exec(condition);
  const when = Date.parse(op?.[2] ?? "");
  if (Number.isNaN(when)) return true;
  const time = at.getTime();
  switch (op?.[1]) {
    case ">":
      return time > when;
    case ">=":
      return time >= when;
    case "<":
      return time < when;
    case "<=":
      return time <= when;
    default:
      return time >= when && time < when + 86_400_000;
  }
}

/**
 * Builds the issue predicate of a GitHub search query. Understands `is:`/`type:`/`state:`,
 * `repo:`, `org:`, `user:`, `label:` (ANDed, negatable), `no:label`, `no:assignee`, `author:`,
 * `assignee:`, `created:`/`updated:`/`closed:` and free words matched in title and body;
 * anything else is treated as a word, as GitHub does.
 */
export function issueSearchPredicate(state: EmulatorState, query: string): (issue: IssueRecord) => boolean {
  const terms = tokenize(query);
  return (issue) => {
    const repo = state.repoById(issue.repoId);
    const labels = state.labelsOf(issue).map((label) => label.name.toLowerCase());
    const text = `${issue.title}\n${issue.body ?? ""}`.toLowerCase();
    // Several `repo:` (or `org:`/`user:`) qualifiers widen the search, as on GitHub: they are ORed
    // with each other; every other term narrows it.
    const scopes = terms.filter(
      (term) => !term.negated && ["repo", "org", "user", "owner"].includes(term.qualifier ?? ""),
    );
    if (scopes.length > 1) {
      const fullName = `${repo.owner}/${repo.name}`.toLowerCase();
      const inScope = scopes.some((term) =>
        term.qualifier === "repo"
          ? fullName === term.value.toLowerCase()
          : repo.owner.toLowerCase() === term.value.toLowerCase(),
      );
      if (!inScope) return false;
    }
    return terms.every((term) => {
      if (scopes.length > 1 && scopes.includes(term)) return true;
      const value = term.value.toLowerCase();
      const holds = ((): boolean => {
        switch (term.qualifier) {
          case "is":
          case "type":
          case "state":
            if (value === "issue") return issue.pull === null;
            if (value === "pr" || value === "pull-request") return issue.pull !== null;
            if (value === "open" || value === "closed") return issue.state === value;
            if (value === "merged") return issue.pull?.merged === true;
            return true;
          case "repo":
            return `${repo.owner}/${repo.name}`.toLowerCase() === value;
          case "org":
          case "user":
          case "owner":
            return repo.owner.toLowerCase() === value;
          case "label":
            return value.split(",").some((name) => labels.includes(name));
          case "no":
            if (value === "label") return labels.length === 0;
            if (value === "assignee") return issue.assignees.length === 0;
            return true;
          case "author":
            return issue.authorLogin.toLowerCase() === value;
          case "assignee":
            return issue.assignees.some((login) => login.toLowerCase() === value);
          case "created":
            return compareDate(issue.createdAt, term.value);
          case "updated":
            return compareDate(issue.updatedAt, term.value);
          case "closed":
            return issue.closedAt !== null && compareDate(issue.closedAt, term.value);
          case "in":
          case "sort":
            return true;
          case null:
            return text.includes(value);
          default:
            return text.includes(`${term.qualifier}:${value}`);
        }
      })();
      return term.negated ? !holds : holds;
    });
  };
}

/** GitHub's search sort: `sort:` in the query or the `sort`/`order` parameters; best match is newest first. */
export function issueSearchOrder(
  state: EmulatorState,
  sort: string | undefined,
  order: string | undefined,
): (a: IssueRecord, b: IssueRecord) => number {
  const sign = order === "asc" ? 1 : -1;
  const key = (issue: IssueRecord): number => {
    if (sort === "updated") return issue.updatedAt.getTime();
    if (sort === "comments") return state.commentsOf(issue).length;
    return issue.createdAt.getTime();
  };
  return (a, b) => sign * (key(a) - key(b) || a.id - b.id);
}

/** A `sort:created-asc` style qualifier in the query, as GitHub's search understands it. */
export function sortFromQuery(query: string): { sort: string; order: string } | undefined {
  const match = /(?:^|\s)sort:(created|updated|comments)(?:-(asc|desc))?(?:\s|$)/i.exec(query);
  if (!match?.[1]) return undefined;
  return { sort: match[1].toLowerCase(), order: (match[2] ?? "desc").toLowerCase() };
}
