import type { GitHubTransport } from "../../src/github/transport.js";

/**
 * A stand-in for GitHub in a unit test that answers a request or query itself (a file GitHub
 * would describe but the emulator does not send, the exact query sent). Octokit's `request` and
 * `graphql` also carry helpers (`endpoint`, `defaults`) that such tests never use.
 */
export function fakeTransport(parts: {
  readonly request?: (
    route: string,
    params?: Record<string, unknown>,
  ) => Promise<{ status: number; data: unknown; headers: Record<string, string> }>;
  readonly graphql?: (query: string, variables?: Record<string, unknown>) => Promise<unknown>;
}): GitHubTransport {
  return {
    request: parts.request ?? (() => Promise.reject(new Error("no REST here"))),
    graphql: parts.graphql ?? (() => Promise.reject(new Error("no GraphQL here"))),
  } as unknown as GitHubTransport;
}
