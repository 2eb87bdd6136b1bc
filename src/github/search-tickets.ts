import type { TicketSnapshot } from "../core/ticket/snapshot.js";
import {
  completeTicketNodes,
  isTicketNodeComplete,
  snapshotFromNode,
  TICKET_FIELDS,
  type TicketNode,
} from "./ticket-query.js";
import type { GitHubTransport } from "./transport.js";

/** GitHub search queries longer than this are refused. */
const MAX_QUERY_LENGTH = 256;

/** Search queries for the open issues of these repositories, as few as fit GitHub's query length. */
export function openIssueQueries(repos: readonly string[], base = "is:issue is:open"): string[] {
  const queries: string[] = [];
  let current = base;
  for (const repo of [...new Set(repos.map((r) => r.toLowerCase()))].sort()) {
    const term = ` repo:${repo}`;
    if (current.length + term.length > MAX_QUERY_LENGTH && current !== base) {
      queries.push(current);
      current = base;
    }
    current += term;
  }
  if (current !== base) queries.push(current);
  return queries;
}

/** The sweep's search: 100 open tickets a request with everything the SLA needs. */
export const SEARCH = `query FirstlineSweep($searchQuery: String!, $after: String) {
  search(query: $searchQuery, type: ISSUE, first: 100, after: $after) {
    issueCount
    pageInfo { hasNextPage endCursor }
    nodes { __typename ... on Issue { ...TicketFields } }
  }
}
${TICKET_FIELDS}`;

interface SearchPage {
  readonly search: {
    readonly issueCount: number;
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
    readonly nodes: readonly (TicketNode & { readonly __typename: string })[];
  };
}

/** The variables of one page of a search: oldest first, from `since` (a creation time) on. */
function pageVariables(
  query: string,
  since: string | undefined,
  after: string | null,
): { searchQuery: string; after: string | null } {
  return { searchQuery: `${query} sort:created-asc${since ? ` created:>=${since}` : ""}`, after };
}

/**
 * The first request `searchOpenTicketsReporting` makes for these repositories, exactly: a caller
 * may send it early (see `./early-read.ts`) and the search then takes its answer.
 */
export function firstSearchPage(
  repos: readonly string[],
  base = "is:issue is:open",
): { readonly query: string; readonly variables: Record<string, unknown> } | undefined {
  const [first] = openIssueQueries(repos, base);
  return first === undefined
    ? undefined
    : { query: SEARCH, variables: pageVariables(first, undefined, null) };
}

/** GitHub's search returns at most this many results for one query. */
const SEARCH_CAP = 1000;

/**
 * Every result of a search. GitHub stops at 1,000 results a query, so results are read oldest
 * first and, past 1,000, read on from the last creation time seen (keyset paging): about one
 * request per hundred results, whatever the total.
 */
async function searchAll(
  gh: GitHubTransport,
  query: string,
  botLogin: string | null,
  onPage: ((tickets: readonly TicketSnapshot[]) => Promise<void>) | undefined,
): Promise<TicketSnapshot[]> {
  const found = new Map<string, TicketSnapshot>();
  let since: string | undefined;
  for (let round = 0; round < 100; round++) {
    let after: string | null = null;
    let fetched = 0;
    let total = 0;
    let newest: TicketSnapshot | undefined;
    const readPage = (cursor: string | null) =>
      gh.graphql<SearchPage>(SEARCH, pageVariables(query, since, cursor));
    let coming: Promise<SearchPage> | null = readPage(after);
    for (let page = 0; page < SEARCH_CAP / 100 && coming; page++) {
      const result: SearchPage = await coming;
      total = result.search.issueCount;
      after = result.search.pageInfo.endCursor;
      const more = result.search.pageInfo.hasNextPage && page + 1 < SEARCH_CAP / 100;
      // One request at a time, as GitHub asks: the few tickets whose comments or events go past
      // the first hundred are read to the end before the next page is asked for.
      const nodes = result.search.nodes.filter((node) => node.__typename === "Issue");
      const issues = nodes.every(isTicketNodeComplete) ? nodes : await completeTicketNodes(gh, nodes);
      // Then the next page is asked for at once, and this one is turned into tickets (and the
      // caller's work on it done) while that request is on its way.
      coming = more ? readPage(after) : null;
      const read: TicketSnapshot[] = [];
      try {
        for (const node of issues) {
          const ticket = snapshotFromNode(node, botLogin);
          found.set(`${ticket.repo}#${ticket.number}`, ticket);
          read.push(ticket);
          newest = ticket;
          fetched += 1;
        }
        await onPage?.(read);
      } catch (error) {
        // The page already asked for is not awaited: keep its failure from going unhandled.
        coming?.catch(() => undefined);
        throw error;
      }
    }
    if (total <= fetched || !newest) break;
    const next = new Date(newest.createdAt).toISOString().replace(/\.\d{3}Z$/, "Z");
    // More than 1,000 issues created in the same second cannot be told apart by search.
    if (next === since) break;
    since = next;
  }
  return [...found.values()];
}

/**
 * Every open issue of the repositories with all the SLA needs (labels, comments, label and close
 * events), 100 to a GraphQL request: one request per hundred tickets. GitHub refuses a whole
 * search when one repository in it cannot be read, so a refused query is retried one repository
 * at a time, and the unreadable ones are reported rather than hiding every other ticket.
 */
export async function searchOpenTickets(params: {
  readonly gh: GitHubTransport;
  readonly repos: readonly string[];
  /** Firstline's own login: only issues it opened are read as email tickets (null: none is). */
  readonly botLogin: string | null;
}): Promise<TicketSnapshot[]> {
  return (await searchOpenTicketsReporting(params)).tickets;
}

/** As `searchOpenTickets`, also naming the repositories that could not be searched. */
export async function searchOpenTicketsReporting(params: {
  readonly gh: GitHubTransport;
  readonly repos: readonly string[];
  /** Firstline's own login: only issues it opened are read as email tickets (null: none is). */
  readonly botLogin: string | null;
  /** The qualifiers besides the repositories (default: open issues). */
  readonly qualifiers?: string;
  /**
   * Told of each page's tickets as it is read, while the next page is on its way (the next page is
   * awaited once this is done). A ticket may be
   * told of twice (read again past GitHub's 1,000-result cap, or on a retry one repository at a
   * time); only the tickets returned are the search's answer.
   */
  readonly onPage?: (tickets: readonly TicketSnapshot[]) => Promise<void>;
}): Promise<{ tickets: TicketSnapshot[]; unreadable: string[] }> {
  const tickets: TicketSnapshot[] = [];
  const unreadable: string[] = [];
  const base = params.qualifiers ?? "is:issue is:open";
  for (const query of openIssueQueries(params.repos, base)) {
    try {
      tickets.push(...(await searchAll(params.gh, query, params.botLogin, params.onPage)));
    } catch {
      const repos = query
        .split(" ")
        .filter((t) => t.startsWith("repo:"))
        .map((t) => t.slice(5));
      if (repos.length <= 1) {
        unreadable.push(...repos);
        continue;
      }
      for (const repo of repos) {
        try {
          tickets.push(
            ...(await searchAll(params.gh, `${base} repo:${repo}`, params.botLogin, params.onPage)),
          );
        } catch {
          unreadable.push(repo);
        }
      }
    }
  }
  return { tickets, unreadable };
}
