import type { Octokit } from "@octokit/core";
import type { DryRunLog } from "./dry-run-log.js";
import { isWriteRequest } from "./write-pacing.js";

interface EndpointOptions {
  readonly method?: string;
  readonly url?: string;
  readonly query?: unknown;
  readonly [key: string]: unknown;
}

/**
 * Dry run as a transport: reads (GET, HEAD and GraphQL queries) go to GitHub; every write is
 * recorded in `log` and answered here with what GitHub would plausibly have said (a new issue
 * numbered 0, a comment, the labels asked for), so the code that plans and writes runs unchanged
 * and says what it would have done. Registered last, the hook is the outermost: a recorded write
 * is neither paced nor retried.
 */
export function recordWritesInstead(octokit: Pick<Octokit, "hook" | "request">, log: DryRunLog): void {
  octokit.hook.wrap("request", async (request, options) => {
    if (!isWriteRequest(options)) return request(options);
    const parsed = octokit.request.endpoint(options);
    const path = new URL(parsed.url, "http://github.test").pathname.replace(/^\/api\/v3/, "");
    const body = (parsed.body ?? null) as unknown;
    log.writes.push({ method: parsed.method, path, body });
    return {
      status: parsed.method === "POST" ? 201 : 200,
      url: parsed.url,
      headers: {},
      data: plausibleAnswer({ path, params: options, body }),
    };
  });
}

/** Enough of GitHub's answer to a write for the code that made it to carry on. */
function plausibleAnswer(params: { path: string; params: EndpointOptions; body: unknown }): unknown {
  const { path, body } = params;
  const fields = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  if (path.endsWith("/graphql")) return { data: {} };
  if (/\/issues\/\d+\/labels$/.test(path))
    return (Array.isArray(fields["labels"]) ? fields["labels"] : []).map((name: unknown) => ({ name }));
  const issueNumber = typeof params.params["issue_number"] === "number" ? params.params["issue_number"] : 0;
  return { id: 0, node_id: "", number: issueNumber, html_url: "", url: "", user: null, ...fields };
}
