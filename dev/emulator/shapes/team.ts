import { githubTime } from "../clock.js";
import { nodeId } from "../state/ids.js";
import type { TeamRecord } from "../state/types.js";
import { segment, type JsonObject, type ShapeContext } from "./context.js";

/** GitHub's `team` (`GET /orgs/{org}/teams`). */
export function team(ctx: ShapeContext, record: TeamRecord): JsonObject {
  const org = ctx.state.requireAccount(record.org);
  const api = `${ctx.base}/organizations/${org.id}/team/${record.id}`;
  return {
    id: record.id,
    node_id: nodeId("Team", record.id),
    url: api,
    html_url: `${ctx.base}/orgs/${segment(org.login)}/teams/${segment(record.slug)}`,
    name: record.name,
    slug: record.slug,
    description: record.description,
    privacy: "closed",
    notification_setting: "notifications_enabled",
    permission: "pull",
    members_url: `${api}/members{/member}`,
    repositories_url: `${api}/repos`,
    type: "organization",
    organization_id: org.id,
    parent: null,
  };
}

/** GitHub's `team-full` (`GET /orgs/{org}/teams/{team_slug}`). */
export function teamFull(ctx: ShapeContext, record: TeamRecord): JsonObject {
  const org = ctx.state.requireAccount(record.org);
  const { parent: _parent, ...base } = team(ctx, record);
  return {
    ...base,
    parent: null,
    members_count: record.members.size,
    repos_count: 0,
    created_at: githubTime(record.createdAt),
    updated_at: githubTime(record.createdAt),
    organization: {
      login: org.login,
      id: org.id,
      node_id: nodeId("Organization", org.id),
      url: `${ctx.base}/orgs/${segment(org.login)}`,
      repos_url: `${ctx.base}/orgs/${segment(org.login)}/repos`,
      events_url: `${ctx.base}/orgs/${segment(org.login)}/events`,
      hooks_url: `${ctx.base}/orgs/${segment(org.login)}/hooks`,
      issues_url: `${ctx.base}/orgs/${segment(org.login)}/issues`,
      members_url: `${ctx.base}/orgs/${segment(org.login)}/members{/member}`,
      public_members_url: `${ctx.base}/orgs/${segment(org.login)}/public_members{/member}`,
      avatar_url: `${ctx.base}/avatars/u/${org.id}?v=4`,
      description: null,
      html_url: `${ctx.base}/${segment(org.login)}`,
      has_organization_projects: true,
      has_repository_projects: true,
      public_repos: 0,
      public_gists: 0,
      followers: 0,
      following: 0,
      type: "Organization",
      created_at: githubTime(org.createdAt),
      updated_at: githubTime(org.createdAt),
      archived_at: null,
    },
  };
}
