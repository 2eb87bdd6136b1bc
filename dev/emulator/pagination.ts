/**
 * GitHub's page-number pagination: `per_page` (default 30, at most 100) and `page`, with a `Link`
 * header naming the first, previous, next and last pages that exist.
 */
export function paginate<T>(params: {
  readonly items: readonly T[];
  readonly url: URL;
  readonly defaultPerPage?: number;
}): { readonly page: T[]; readonly headers: Record<string, string> } {
  const perPage = Math.min(
    100,
    Math.max(
      1,
      Number.parseInt(params.url.searchParams.get("per_page") ?? "", 10) || (params.defaultPerPage ?? 30),
    ),
  );
  const page = Math.max(1, Number.parseInt(params.url.searchParams.get("page") ?? "", 10) || 1);
  const lastPage = Math.max(1, Math.ceil(params.items.length / perPage));
  const slice = params.items.slice((page - 1) * perPage, page * perPage);
  const link = (target: number, rel: string): string => {
    const url = new URL(params.url);
    url.searchParams.set("per_page", String(perPage));
    url.searchParams.set("page", String(target));
    return `<${url.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(Math.min(page - 1, lastPage), "prev"));
  if (page < lastPage) links.push(link(page + 1, "next"), link(lastPage, "last"));
  if (page > 1) links.push(link(1, "first"));
  return { page: slice, headers: links.length > 0 ? { link: links.join(", ") } : {} };
}
