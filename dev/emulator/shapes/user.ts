import { githubTime } from "../clock.js";
import { nodeId } from "../state/ids.js";
import type { AccountRecord } from "../state/types.js";
import { segment, type JsonObject, type ShapeContext } from "./context.js";

/** GitHub's `simple-user`: the user object inside issues, comments and webhook senders. */
export function simpleUser(ctx: ShapeContext, account: AccountRecord): JsonObject {
  const api = `${ctx.base}/users/${segment(account.login)}`;
  const isBot = account.type === "Bot";
  return {
    login: account.login,
    id: account.id,
    node_id: nodeId(isBot ? "Bot" : account.type === "Organization" ? "Organization" : "User", account.id),
    avatar_url: `${ctx.base}/avatars/u/${account.id}?v=4`,
    gravatar_id: "",
    url: api,
    html_url: isBot ? `${ctx.base}/apps/${ctx.state.app.slug}` : `${ctx.base}/${segment(account.login)}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: account.type,
    user_view_type: "public",
    site_admin: false,
  };
}

/** A login's `simple-user`; a login the emulator never saw gets a stable placeholder record. */
export function userByLogin(ctx: ShapeContext, login: string): JsonObject {
  const account = ctx.state.account(login) ?? {
    id: 0,
    login,
    type: "User" as const,
    name: null,
    email: null,
    createdAt: new Date(0),
  };
  return simpleUser(ctx, account);
}

/** GitHub's `public-user` (`GET /users/{username}`), also used for `GET /user`. */
export function publicUser(ctx: ShapeContext, account: AccountRecord): JsonObject {
  const repos = [...ctx.state.repos.values()].filter(
    (repo) => repo.owner.toLowerCase() === account.login.toLowerCase(),
  );
  return {
    ...simpleUser(ctx, account),
    name: account.name,
    company: null,
    blog: "",
    location: null,
    email: account.email,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: repos.filter((repo) => !repo.isPrivate).length,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: githubTime(account.createdAt),
    updated_at: githubTime(account.createdAt),
  };
}

/** GitHub's `organization-full` (`GET /orgs/{org}`). */
export function organizationFull(ctx: ShapeContext, account: AccountRecord): JsonObject {
  const api = `${ctx.base}/orgs/${segment(account.login)}`;
  const repos = [...ctx.state.repos.values()].filter(
    (repo) => repo.owner.toLowerCase() === account.login.toLowerCase(),
  );
  return {
    login: account.login,
    id: account.id,
    node_id: nodeId("Organization", account.id),
    url: api,
    repos_url: `${api}/repos`,
    events_url: `${api}/events`,
    hooks_url: `${api}/hooks`,
    issues_url: `${api}/issues`,
    members_url: `${api}/members{/member}`,
    public_members_url: `${api}/public_members{/member}`,
    avatar_url: `${ctx.base}/avatars/u/${account.id}?v=4`,
    description: null,
    // GitHub's description declares an organisation's name a string, never null.
    name: account.name ?? account.login,
    html_url: `${ctx.base}/${segment(account.login)}`,
    has_organization_projects: true,
    has_repository_projects: true,
    public_repos: repos.filter((repo) => !repo.isPrivate).length,
    public_gists: 0,
    followers: 0,
    following: 0,
    type: "Organization",
    created_at: githubTime(account.createdAt),
    updated_at: githubTime(account.createdAt),
    archived_at: null,
  };
}

/** The organization object of webhook payloads. */
export function webhookOrganization(ctx: ShapeContext, account: AccountRecord): JsonObject {
  const full = organizationFull(ctx, account);
  return {
    login: full["login"],
    id: full["id"],
    node_id: full["node_id"],
    url: full["url"],
    repos_url: full["repos_url"],
    events_url: full["events_url"],
    hooks_url: full["hooks_url"],
    issues_url: full["issues_url"],
    members_url: full["members_url"],
    public_members_url: full["public_members_url"],
    avatar_url: full["avatar_url"],
    description: full["description"],
  };
}
