import { ANNOUNCEMENT_LABEL, type Announcement } from "../core/rota/announcement.js";
import { readFirstPage } from "./read-all.js";
import { readTeamMembers } from "./team-members.js";
import { createIssueOnce } from "./create-issue-once.js";
import { splitRepo, statusOf, type GitHubTransport } from "./transport.js";

/** What publishing the week's announcement did. */
export interface PublishResult {
  readonly issue: "created" | "updated" | "unchanged";
  readonly number: number;
  readonly closed: readonly number[];
  readonly team: string;
}

/**
 * Publishes the week's announcement in the support repository: one issue per week (found again by
 * its marker), assigned to the pair; older announcements are closed. Run again, it changes nothing.
 * With a team configured, the team is kept to this week's pair, or a clear notice says why not.
 */
export async function publishAnnouncement(params: {
  readonly gh: GitHubTransport;
  readonly repo: string;
  readonly announcement: Announcement;
  readonly botLogin: string;
  readonly syncTeam: string | null;
}): Promise<PublishResult> {
  const { gh, repo, announcement, botLogin } = params;
  const where = splitRepo(repo);
  // The newest hundred announcements: older weeks' issues were closed when they were replaced.
  const existing = (
    await readFirstPage(gh, "GET /repos/{owner}/{repo}/issues", {
      ...where,
      labels: ANNOUNCEMENT_LABEL,
      state: "all",
    })
  ).filter((i) => i.user?.login.toLowerCase() === botLogin.toLowerCase());
  const mine = existing.find((i) => (i.body ?? "").includes(announcement.marker));
  let outcome: PublishResult["issue"] = "unchanged";
  let number = mine?.number ?? 0;
  if (!mine) {
    const created = await createIssueOnce({
      gh,
      repo,
      botLogin,
      fields: {
        title: announcement.title,
        body: announcement.body,
        labels: [ANNOUNCEMENT_LABEL],
        assignees: announcement.assignees,
      },
    });
    number = created.number;
    outcome = "created";
  } else if (mine.body !== announcement.body || mine.state !== "open") {
    await gh.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      ...where,
      issue_number: mine.number,
      body: announcement.body,
      state: "open",
    });
    outcome = "updated";
  }
  const closed: number[] = [];
  for (const old of existing) {
    if (old.number === number || old.state !== "open") continue;
    await gh.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      ...where,
      issue_number: old.number,
      state: "closed",
      state_reason: "completed",
    });
    closed.push(old.number);
  }
  const team = params.syncTeam
    ? await syncTeam({ gh, team: params.syncTeam, members: announcement.onSupport })
    : "no team configured (rota.syncTeam)";
  return { issue: outcome, number, closed, team };
}

async function syncTeam(params: {
  gh: GitHubTransport;
  team: string;
  members: readonly string[];
}): Promise<string> {
  const { owner: org, repo: slug } = splitRepo(params.team);
  try {
    const current = (await readTeamMembers({ gh: params.gh, team: params.team })).map((m) => m.toLowerCase());
    const wanted = params.members.map((m) => m.toLowerCase());
    const add = wanted.filter((m) => !current.includes(m));
    const remove = current.filter((m) => !wanted.includes(m));
    for (const username of add)
      await params.gh.request("PUT /orgs/{org}/teams/{team_slug}/memberships/{username}", {
        org,
        team_slug: slug,
        username,
        role: "member",
      });
    for (const username of remove)
      await params.gh.request("DELETE /orgs/{org}/teams/{team_slug}/memberships/{username}", {
        org,
        team_slug: slug,
        username,
      });
    return add.length + remove.length === 0
      ? `team ${params.team} already matches`
      : `team ${params.team}: added ${add.join(", ") || "nobody"}, removed ${remove.join(", ") || "nobody"}`;
  } catch (error) {
    const status = statusOf(error);
    if (status === 403 || status === 404) {
      return `team ${params.team} was not synced: the token may not manage teams (it needs organisation members: write), or the team does not exist`;
    }
    throw error;
  }
}
