import { ApiError, notFound } from "../http-error.js";
import { paginate } from "../pagination.js";
import type { JsonObject } from "../shapes/context.js";
import { repository } from "../shapes/repository.js";
import { organizationFull, publicUser, simpleUser } from "../shapes/user.js";
import type { Permission, RepoRecord } from "../state/types.js";
import { visibleRepo, type RouteEnv, type RouteHandler } from "./context.js";

/** GitHub's collapsed permission names: `maintain` reads as write, `triage` as read. */
const LEGACY_PERMISSION: Readonly<Record<Permission, string>> = {
  none: "none",
  read: "read",
  triage: "read",
  write: "write",
  maintain: "write",
  admin: "admin",
};

function permissionFlags(permission: Permission): JsonObject {
  const order = ["none", "read", "triage", "write", "maintain", "admin"];
  const at = order.indexOf(permission);
  return { admin: at >= 5, maintain: at >= 4, push: at >= 3, triage: at >= 2, pull: at >= 1 };
}

function withPermissions(env: RouteEnv, repo: RepoRecord, login: string | null): JsonObject {
  const shaped = repository(env.shapes, repo);
  return login === null
    ? shaped
    : { ...shaped, permissions: permissionFlags(env.state.permissionOf(repo, login)) };
}

export const accountHandlers: Readonly<Record<string, RouteHandler>> = {
  "users/get-authenticated": (env, request) => {
    if (request.actor.kind !== "user")
      throw new ApiError({ status: 403, message: "Resource not accessible by integration" });
    return { status: 200, body: publicUser(env.shapes, env.state.requireAccount(request.actor.login)) };
  },

  "users/get-by-username": (env, request) => {
    const account = env.state.requireAccount(String(request.params["username"]));
    return { status: 200, body: publicUser(env.shapes, account) };
  },

  "orgs/get": (env, request) => {
    const account = env.state.account(String(request.params["org"]));
    if (account?.type !== "Organization") throw notFound();
    return { status: 200, body: organizationFull(env.shapes, account) };
  },

  "repos/get": (env, request) => {
    const repo = visibleRepo(env, request);
    return {
      status: 200,
      body: withPermissions(env, repo, request.actor.kind === "user" ? request.actor.login : null),
    };
  },

  "repos/list-for-org": (env, request) => {
    const org = env.state.account(String(request.params["org"]));
    if (org?.type !== "Organization") throw notFound();
    const repos = [...env.state.repos.values()]
      .filter((repo) => repo.owner.toLowerCase() === org.login.toLowerCase())
      .filter((repo) => {
        try {
          visibleRepo(env, { ...request, params: { owner: repo.owner, repo: repo.name } });
          return true;
        } catch {
          return false;
        }
      })
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
    const { page, headers } = paginate({ items: repos, url: request.url });
    return { status: 200, body: page.map((repo) => repository(env.shapes, repo)), headers };
  },

  "repos/check-collaborator": (env, request) => {
    const repo = visibleRepo(env, request);
    const login = String(request.params["username"]);
    const isMember = env.state.orgs.get(repo.owner.toLowerCase())?.members.has(login.toLowerCase()) ?? false;
    const known = env.state.account(login) !== undefined;
    if (
      known &&
      (repo.collaborators.has(login.toLowerCase()) ||
        isMember ||
        login.toLowerCase() === repo.owner.toLowerCase())
    )
      return { status: 204 };
    throw notFound();
  },

  "repos/get-collaborator-permission-level": (env, request) => {
    const repo = visibleRepo(env, request);
    const account = env.state.requireAccount(String(request.params["username"]));
    const permission = env.state.permissionOf(repo, account.login);
    return {
      status: 200,
      body: {
        permission: LEGACY_PERMISSION[permission],
        role_name: permission,
        user: {
          ...simpleUser(env.shapes, account),
          permissions: permissionFlags(permission),
          role_name: permission,
        },
      },
    };
  },
};
