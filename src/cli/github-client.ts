import { requestTimeoutFromEnv, timedFetch } from "../github/timed-fetch.js";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/core";
import * as z from "zod";
import { statusOf, transportOf, type GitHubTransport } from "../github/transport.js";
import { paceWrites, readsAtFullSpeed } from "../github/write-pacing.js";
import type { CommandIo } from "./command.js";
import { InputError } from "../shell/input-error.js";

const CliOctokit = Octokit.plugin(retry, throttling);

/** How many times a rate-limited request waits and tries again before giving up. */
const RATE_LIMIT_RETRIES = 3;

/**
 * GitHub for a command, from the environment a workflow step has: the token in `GITHUB_TOKEN`
 * (or `GH_TOKEN`, as the `gh` tool reads it) and the API in `GITHUB_API_URL` (GitHub Enterprise,
 * tests). Retries server errors and waits on rate limits; warnings go to stderr. No token is
 * unusable input: an InputError naming the variables, so the command exits 2.
 */
export function cliGitHub(params: { readonly io: CommandIo; readonly command: string }): GitHubTransport {
  const { io, command } = params;
  const token = nonEmpty(io.env["GITHUB_TOKEN"]) ?? nonEmpty(io.env["GH_TOKEN"]);
  if (!token) throw InputError.of({ file: `firstline ${command}`, path: "", message: "no GitHub token: set GITHUB_TOKEN (or GH_TOKEN) in the environment" });
  const warn = (message: string) => io.stderr(`firstline ${command}: ${message}\n`);
  const octokit = new CliOctokit({
    auth: token,
    baseUrl: (nonEmpty(io.env["GITHUB_API_URL"]) ?? "https://api.github.com").replace(/\/+$/, ""),
    userAgent: "firstline-cli",
    request: { fetch: timedFetch(requestTimeoutFromEnv(io.env)) },
    // Failed requests come back as errors the command reports in one line; nothing else is printed.
    log: { debug: () => undefined, info: () => undefined, warn, error: () => undefined },
    throttle: {
      ...readsAtFullSpeed(),
      onRateLimit: (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        warn(`rate limited on ${options.method} ${options.url}; retrying in ${retryAfter}s`);
        return retryCount < RATE_LIMIT_RETRIES;
      },
      onSecondaryRateLimit: (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        warn(`secondary rate limit on ${options.method} ${options.url}; retrying in ${retryAfter}s`);
        return retryCount < RATE_LIMIT_RETRIES;
      },
    },
    retry: { doNotRetry: [400, 401, 403, 404, 422] },
  });
  paceWrites(octokit);
  return transportOf(octokit);
}

/**
 * Runs the GitHub part of a command; GitHub refusing (a bad token, a repository it cannot see)
 * becomes one exit-2 line with the status and GitHub's message instead of an internal error.
 */
export async function withGitHubErrors<T>(params: { readonly command: string; readonly work: () => Promise<T> }): Promise<T> {
  try {
    return await params.work();
  } catch (error) {
    const status = statusOf(error);
    if (status === undefined) throw error;
    const message = (error as Error).message.split("\n")[0] ?? "";
    throw InputError.of({ file: `firstline ${params.command}`, path: "", message: `GitHub answered ${status}: ${message}` });
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

/** `--repo OWNER/NAME`: a GitHub repository's full name. */
export const repoOption = z.string().regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, { message: "must be a repository as OWNER/NAME, such as acme/website" });
