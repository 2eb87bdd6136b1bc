import { readAll } from "./read-all.js";
import { splitRepo, type GitHubTransport } from "./transport.js";

/** The logins of a team (`org/team-slug`), every page of them. */
export async function readTeamMembers(params: {
  readonly gh: GitHubTransport;
  readonly team: string;
}): Promise<string[]> {
  const { owner: org, repo: slug } = splitRepo(params.team);
  const members = await readAll(params.gh, "GET /orgs/{org}/teams/{team_slug}/members", {
    org,
    team_slug: slug,
  });
  return members.map((m) => m.login);
}
