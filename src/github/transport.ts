import type { Octokit } from "@octokit/core";

/**
 * The one way Firstline talks to GitHub: Octokit's own `request` (typed by route: the answer of
 * `gh.request("GET /repos/{owner}/{repo}/labels", ...)` is GitHub's own type for that route) and
 * `graphql`. Every Octokit Firstline meets (the app's from Probot, the Action's and the command
 * line's from `./octokit.ts`, a test's or the demo's) provides both.
 */
export type GitHubTransport = Pick<Octokit, "request" | "graphql">;

/** Any Octokit instance, Probot's included (Probot pins its own copy of Octokit's types). */
export function transportOf(octokit: { request: unknown; graphql: unknown }): GitHubTransport {
  return octokit as GitHubTransport;
}

/** The HTTP status of an Octokit error, if it is one. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error === "object" && error !== null && "status" in error && typeof error.status === "number")
    return error.status;
  return undefined;
}

/** `owner/name` split in two. */
export function splitRepo(repo: string): { owner: string; repo: string } {
  const [owner = "", name = ""] = repo.split("/");
  return { owner, repo: name };
}
