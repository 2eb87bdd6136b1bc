import * as z from "zod";
import { githubClient } from "../github/octokit.js";
import { requestTimeoutFromEnv } from "../github/timed-fetch.js";
import { statusOf, type GitHubTransport } from "../github/transport.js";
import type { CommandIo } from "./command.js";
import { InputError } from "../shell/input-error.js";

/**
 * GitHub for a command, from the environment a workflow step has: the token in `GITHUB_TOKEN`
 * (or `GH_TOKEN`, as the `gh` tool reads it) and the API in `GITHUB_API_URL` (GitHub Enterprise,
 * tests). Retries server errors and waits on rate limits; warnings go to stderr. No token is
 * unusable input: an InputError naming the variables, so the command exits 2.
 */
export function cliGitHub(params: { readonly io: CommandIo; readonly command: string }): GitHubTransport {
  const { io, command } = params;
  const token = nonEmpty(io.env["GITHUB_TOKEN"]) ?? nonEmpty(io.env["GH_TOKEN"]);
  if (!token)
    throw InputError.of({
      file: `firstline ${command}`,
      path: "",
      message: "no GitHub token: set GITHUB_TOKEN (or GH_TOKEN) in the environment",
    });
  const warn = (message: string) => io.stderr(`firstline ${command}: ${message}\n`);
  // Failed requests come back as errors the command reports in one line; nothing else is printed.
  return githubClient({
    token,
    baseUrl: nonEmpty(io.env["GITHUB_API_URL"]),
    userAgent: "firstline-cli",
    requestTimeoutMs: requestTimeoutFromEnv(io.env),
    warn,
  });
}

/**
 * Runs the GitHub part of a command; GitHub refusing (a bad token, a repository it cannot see)
 * becomes one exit-2 line with the status and GitHub's message instead of an internal error.
 */
export async function withGitHubErrors<T>(params: {
  readonly command: string;
  readonly work: () => Promise<T>;
}): Promise<T> {
  try {
    return await params.work();
  } catch (error) {
    const status = statusOf(error);
    if (status === undefined) throw error;
    const message = (error as Error).message.split("\n")[0] ?? "";
    throw InputError.of({
      file: `firstline ${params.command}`,
      path: "",
      message: `GitHub answered ${status}: ${message}`,
    });
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

/** `--repo OWNER/NAME`: a GitHub repository's full name. */
export const repoOption = z.string().regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, {
  message: "must be a repository as OWNER/NAME, such as acme/website",
});
