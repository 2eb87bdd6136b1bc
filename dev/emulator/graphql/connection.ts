/** GraphQL field arguments as graphql-js hands them over (already checked against the schema). */
export type Args = Readonly<Record<string, unknown>>;

/**
 * An error with GitHub's top-level `type` (`NOT_FOUND`, `MISSING_PAGINATION_BOUNDARIES`...);
 * graphql-js wraps it with the path and location, and the endpoint adds the `type`.
 */
export class GitHubGraphQLError extends Error {
  readonly githubType: string;
  constructor(message: string, githubType: string) {
    super(message);
    this.name = "GitHubGraphQLError";
    this.githubType = githubType;
  }
}

export function argNumber(args: Args, name: string): number | undefined {
  const value = args[name];
  return typeof value === "number" ? value : undefined;
}

export function argString(args: Args, name: string): string | undefined {
  const value = args[name];
  return typeof value === "string" ? value : undefined;
}

export function argStrings(args: Args, name: string): string[] | undefined {
  const value = args[name];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : undefined;
}

export function argObject(args: Args, name: string): Args | undefined {
  const value = args[name];
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Args) : undefined;
}

const encodeCursor = (offset: number): string => Buffer.from(`cursor:v2:${offset}`).toString("base64");

function decodeCursor(cursor: string): number {
  const match = /^cursor:v2:(\d+)$/.exec(Buffer.from(cursor, "base64").toString("utf8"));
  if (!match?.[1])
    throw new GitHubGraphQLError(
      `\`${cursor}\` does not appear to be a valid cursor.`,
      "INVALID_CURSOR_ARGUMENTS",
    );
  return Number.parseInt(match[1], 10);
}

/** A page of a connection, as GitHub's cursor pagination gives it. */
export interface ConnectionPage<N> {
  readonly totalCount: number;
  readonly pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  readonly nodes: N[];
  readonly edges: { cursor: string; node: N }[];
}

/**
 * Cuts a page out of a list with `first`/`after` or `last`/`before`. Like GitHub, a connection
 * needs `first` or `last`, and neither may exceed 100.
 */
export function connection<T, N>(
  items: readonly T[],
  args: Args,
  field: string,
  toNode: (item: T) => N,
): ConnectionPage<N> {
  const first = argNumber(args, "first");
  const last = argNumber(args, "last");
  if (first === undefined && last === undefined) {
    throw new GitHubGraphQLError(
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${field}\` connection.`,
      "MISSING_PAGINATION_BOUNDARIES",
    );
  }
  for (const [name, value] of [
    ["first", first],
    ["last", last],
  ] as const) {
    if (value !== undefined && (value < 0 || value > 100)) {
      throw new GitHubGraphQLError(
        `Requesting ${value} records on the \`${field}\` connection exceeds the \`${name}\` limit of 100 records.`,
        "EXCESSIVE_PAGINATION",
      );
    }
  }
  const after = argString(args, "after");
  const before = argString(args, "before");
  let start = after === undefined ? 0 : decodeCursor(after) + 1;
  let end = before === undefined ? items.length : Math.min(items.length, decodeCursor(before));
  if (first !== undefined) end = Math.min(end, start + first);
  if (last !== undefined) start = Math.max(start, end - last);
  const slice = items
    .slice(start, end)
    .map((item, index) => ({ cursor: encodeCursor(start + index), node: toNode(item) }));
  return {
    totalCount: items.length,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: slice[0]?.cursor ?? null,
      endCursor: slice[slice.length - 1]?.cursor ?? null,
    },
    nodes: slice.map((edge) => edge.node),
    edges: slice,
  };
}
