/** A GitHub response as Firstline reads it. */
export interface GitHubResponse<T = unknown> {
  readonly status: number;
  readonly data: T;
  readonly headers: Readonly<Record<string, string | number | undefined>>;
}

/**
 * The one way Firstline talks to GitHub: Octokit's `request` and `graphql`, which both Probot's
 * Octokit and the Action's Octokit provide (with retries and throttling plugged in).
 */
export interface GitHubTransport {
  readonly request: <T = unknown>(route: string, params?: Record<string, unknown>) => Promise<GitHubResponse<T>>;
  readonly graphql: <T = unknown>(query: string, variables?: Record<string, unknown>) => Promise<T>;
}

/** Adapts any Octokit instance (Probot's or @octokit/core's) to the transport. */
export function transportOf(octokit: { request: unknown; graphql: unknown }): GitHubTransport {
  return octokit as unknown as GitHubTransport;
}

/** The HTTP status of an Octokit error, if it is one. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error === "object" && error !== null && "status" in error && typeof error.status === "number") return error.status;
  return undefined;
}

/** `owner/name` split in two. */
export function splitRepo(repo: string): { owner: string; repo: string } {
  const [owner = "", name = ""] = repo.split("/");
  return { owner, repo: name };
}
