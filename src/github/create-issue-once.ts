import { splitRepo, statusOf, type GitHubTransport } from "./transport.js";
import { firstMarker } from "../core/markers.js";
import { readFirstPage } from "./read-all.js";

/** An issue Firstline opens: its body carries the marker that finds it again. */
export interface IssueFields {
  readonly title: string;
  readonly body: string;
  readonly labels?: readonly string[];
  readonly assignees?: readonly string[];
}

/** The first Firstline marker in a body: what identifies the issue. */
export function markerOf(body: string): string {
  const found = firstMarker(body);
  if (!found) throw new Error("an issue Firstline opens must carry a marker in its body");
  return found;
}

/** Firstline's open issues in a repository that carry the marker, oldest first (the newest 100 issues are looked at). */
async function openWithMarker(params: {
  gh: GitHubTransport;
  repo: string;
  botLogin: string;
  marker: string;
}): Promise<number[]> {
  // A race or a lost answer is minutes old at most: the newest hundred open issues hold it.
  const listed = await readFirstPage(params.gh, "GET /repos/{owner}/{repo}/issues", {
    ...splitRepo(params.repo),
    state: "open",
    sort: "created",
    direction: "desc",
  });
  return listed
    .filter(
      (i) =>
        !i.pull_request &&
        i.user?.login.toLowerCase() === params.botLogin.toLowerCase() &&
        (i.body ?? "").includes(params.marker),
    )
    .map((i) => i.number)
    .sort((a, b) => a - b);
}

/**
 * Opens an issue exactly once, whatever the network does. A 5xx or a request that timed out does
 * not say whether GitHub created the issue, so instead of a blind second `POST` (the retry
 * plugin's), the repository is read for the issue's marker first. And since two writers can race
 * (overlapping sweeps from the schedule, the route and the Action; an Alertmanager HA pair sending
 * the same alert to two instances at once), the marker is looked up once more after creating: when
 * two open issues carry it, the older stays and the newer is closed as its duplicate, so exactly
 * one remains.
 */
export async function createIssueOnce(params: {
  readonly gh: GitHubTransport;
  readonly repo: string;
  readonly botLogin: string;
  readonly fields: IssueFields;
}): Promise<{ readonly number: number; readonly created: boolean }> {
  const { gh, repo, botLogin, fields } = params;
  const marker = markerOf(fields.body);
  const post = async () =>
    (
      await gh.request("POST /repos/{owner}/{repo}/issues", {
        ...splitRepo(repo),
        title: fields.title,
        body: fields.body,
        ...(fields.labels && fields.labels.length > 0 ? { labels: [...fields.labels] } : {}),
        ...(fields.assignees && fields.assignees.length > 0 ? { assignees: [...fields.assignees] } : {}),
        request: { retries: 0 },
      })
    ).data.number;
  let number: number;
  try {
    number = await post();
  } catch (error) {
    const status = statusOf(error);
    if (status !== undefined && status < 500) throw error;
    const found = await openWithMarker({ gh, repo, botLogin, marker });
    number = found[0] ?? (await post());
  }
  const same = await openWithMarker({ gh, repo, botLogin, marker });
  const keep = Math.min(number, ...same);
  for (const duplicate of same.filter((n) => n !== keep)) {
    const where = { ...splitRepo(repo), issue_number: duplicate };
    await gh.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      ...where,
      body: `Opened twice at the same moment: this is a duplicate of #${keep}, which carries on.`,
    });
    await gh.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      ...where,
      state: "closed",
      state_reason: "not_planned",
    });
  }
  return { number: keep, created: keep === number };
}
