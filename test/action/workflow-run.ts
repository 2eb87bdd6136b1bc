import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Octokit } from "@octokit/rest";
import type { Emulator } from "../../dev/emulator/index.js";
import { appJwt, quiet } from "../emulator/helpers.js";

const require = createRequire(import.meta.url);

interface Example {
  readonly name: string;
  readonly examples: readonly Record<string, unknown>[];
}

/**
 * The payload file a runner writes for a workflow's event (GITHUB_EVENT_PATH), from GitHub's own
 * webhook examples, pointed at one pull request of one repository.
 */
export function pullRequestEventFile(params: {
  readonly event: "pull_request" | "pull_request_review";
  readonly action: string;
  readonly repo: string;
  readonly number: number;
}): string {
  const all = require("@octokit/webhooks-examples") as Example[];
  const example = all
    .find((e) => e.name === params.event)
    ?.examples.find((e) => e["action"] === params.action);
  if (!example) throw new Error(`no example ${params.event}.${params.action}`);
  const payload = structuredClone(example) as {
    number?: number;
    pull_request: { number: number };
    repository: { full_name: string };
  };
  if (payload.number !== undefined) payload.number = params.number;
  payload.pull_request.number = params.number;
  payload.repository.full_name = params.repo;
  const file = join(mkdtempSync(join(tmpdir(), "firstline-event-")), "event.json");
  writeFileSync(file, JSON.stringify(payload));
  return file;
}

/**
 * A token like the GITHUB_TOKEN a workflow gets: an installation token of the repository's
 * installation (only an app may write check runs), writing as the emulator's bot.
 */
export async function workflowToken(emulator: Emulator, repo: string): Promise<string> {
  const [owner = "", name = ""] = repo.split("/");
  const app = new Octokit({
    auth: appJwt({ privateKeyPem: String(emulator.privateKeyPem), appId: emulator.appId }),
    baseUrl: emulator.url,
    log: quiet,
  });
  const installation = await app.rest.apps.getRepoInstallation({ owner, repo: name });
  const { data } = await app.rest.apps.createInstallationAccessToken({
    installation_id: installation.data.id,
  });
  return data.token;
}
