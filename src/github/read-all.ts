import type { PaginatingEndpoints } from "@octokit/plugin-paginate-rest";
import type { GitHubTransport } from "./transport.js";

/** A list route GitHub pages (its answer carries a `link` header with `rel="next"` while more remain). */
export type ListRoute = keyof PaginatingEndpoints;

/** One item of a list route's answer, as Octokit types it. */
export type ListItem<R extends ListRoute> =
  PaginatingEndpoints[R]["response"]["data"] extends readonly (infer T)[] ? T : never;

/** The route's parameters, without the paging ones this helper sets. */
export type ListParams<R extends ListRoute> = Omit<PaginatingEndpoints[R]["parameters"], "per_page" | "page">;

/**
 * Every item of a GitHub list, 100 to a request, following GitHub's `link: rel="next"` to the end:
 * the one paging helper, so no list (team members, a pull request's files and reviews, reactions,
 * installations, labels, comments) is ever cut off at its first page. Lists wrapped in an object
 * (`GET /installation/repositories` answers `{ total_count, repositories }`) come back as the array.
 */
export async function readAll<R extends ListRoute>(
  gh: GitHubTransport,
  route: R,
  params: ListParams<R>,
): Promise<ListItem<R>[]> {
  const items: ListItem<R>[] = [];
  for (let page = 1; ; page++) {
    const { batch, more } = await listPage(gh, route, params, page);
    items.push(...batch);
    if (!more) return items;
  }
}

/** One page of a list, and whether GitHub says another follows. */
async function listPage<R extends ListRoute>(
  gh: GitHubTransport,
  route: R,
  params: ListParams<R>,
  page: number,
): Promise<{ batch: ListItem<R>[]; more: boolean }> {
  // The route is generic here, so Octokit cannot pick its answer's type; callers get it from the route.
  const request = gh.request as unknown as (
    route: string,
    params: object,
  ) => Promise<{ data: unknown; headers: { link?: string } }>;
  const response = await request(route, { ...params, per_page: 100, page });
  const batch = itemsOf(response.data) as ListItem<R>[];
  return { batch, more: batch.length > 0 && /rel="next"/.test(response.headers.link ?? "") };
}

/** The array of a list answer: the answer itself, or its one array-valued key. */
function itemsOf(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (typeof data === "object" && data !== null) {
    const list = Object.values(data).find((value) => Array.isArray(value));
    if (Array.isArray(list)) return list;
  }
  return [];
}

/**
 * The first page of a list, newest first where the route sorts: for reads that look for something
 * recent on purpose (an issue created moments ago, a marker posted this hour) and say so.
 */
export async function readFirstPage<R extends ListRoute>(
  gh: GitHubTransport,
  route: R,
  params: ListParams<R>,
): Promise<ListItem<R>[]> {
  return (await listPage(gh, route, params, 1)).batch;
}

/**
 * The first item of a GitHub list that `wanted` picks, reading page after page (100 to a request)
 * only until it is found, or to the end of the list: for a search that usually ends early (an
 * issue by its marker, newest first) without ever stopping short of the list's end.
 */
export async function findInList<R extends ListRoute>(
  gh: GitHubTransport,
  route: R,
  params: ListParams<R>,
  wanted: (item: ListItem<R>) => boolean,
): Promise<ListItem<R> | undefined> {
  for (let page = 1; ; page++) {
    const { batch, more } = await listPage(gh, route, params, page);
    const found = batch.find(wanted);
    if (found !== undefined) return found;
    if (!more) return undefined;
  }
}
