import * as z from "zod";
import { ApiError, notFound } from "../http-error.js";
import { paginate } from "../pagination.js";
import { team as teamShape, teamFull } from "../shapes/team.js";
import { simpleUser } from "../shapes/user.js";
import type { TeamRecord } from "../state/types.js";
import { queryString, type RouteEnv, type RouteHandler, type RouteRequest } from "./context.js";

/** Teams are visible to organisation members and to the app installed on the organisation. */
function findTeam(env: RouteEnv, request: RouteRequest, options: { readonly write: boolean }): TeamRecord {
  const org = String(request.params["org"]);
  const record = env.state.team(org, String(request.params["team_slug"]));
  const { actor } = request;
  if (actor.kind === "app")
    throw new ApiError({ status: 401, message: "A JSON web token could not be decoded" });
  if (actor.kind === "installation") {
    const installation = env.state.installations.get(actor.installationId);
    if (installation?.accountLogin.toLowerCase() !== org.toLowerCase()) throw notFound();
  } else {
    const role = env.state.orgs.get(org.toLowerCase())?.members.get(actor.login.toLowerCase());
    if (!role) throw notFound();
    const maintainer = record?.members.get(actor.login.toLowerCase()) === "maintainer";
    if (options.write && role !== "admin" && !maintainer)
      throw new ApiError({
        status: 403,
        message: "You must be an organization owner or team maintainer to do that.",
      });
  }
  if (!record) throw notFound();
  return record;
}

function membership(
  env: RouteEnv,
  record: TeamRecord,
  login: string,
): { url: string; role: string; state: string } | undefined {
  const role = record.members.get(login.toLowerCase());
  if (!role) return undefined;
  const org = env.state.requireAccount(record.org);
  return {
    url: `${env.shapes.base}/organizations/${org.id}/team/${record.id}/memberships/${login}`,
    role,
    state: "active",
  };
}

export const teamHandlers: Readonly<Record<string, RouteHandler>> = {
  "teams/list": (env, request) => {
    const org = String(request.params["org"]);
    if (env.state.account(org)?.type !== "Organization") throw notFound();
    const teams = [...env.state.teams.values()].filter(
      (record) => record.org.toLowerCase() === org.toLowerCase(),
    );
    const visible = teams.filter((record) => {
      try {
        findTeam(env, { ...request, params: { org, team_slug: record.slug } }, { write: false });
        return true;
      } catch {
        return false;
      }
    });
    const { page, headers } = paginate({ items: visible, url: request.url });
    return { status: 200, body: page.map((record) => teamShape(env.shapes, record)), headers };
  },

  "teams/get-by-name": (env, request) => ({
    status: 200,
    body: teamFull(env.shapes, findTeam(env, request, { write: false })),
  }),

  "teams/list-members-in-org": (env, request) => {
    const record = findTeam(env, request, { write: false });
    const role = queryString(request, "role") ?? "all";
    const logins = [...record.members.entries()]
      .filter(([, memberRole]) => role === "all" || memberRole === role)
      .map(([login]) => login);
    const accounts = logins.flatMap((login) => env.state.account(login) ?? []);
    const { page, headers } = paginate({ items: accounts, url: request.url });
    return { status: 200, body: page.map((account) => simpleUser(env.shapes, account)), headers };
  },

  "teams/get-membership-for-user-in-org": (env, request) => {
    const record = findTeam(env, request, { write: false });
    const found = membership(env, record, String(request.params["username"]));
    if (!found) throw notFound();
    return { status: 200, body: found };
  },

  "teams/add-or-update-membership-for-user-in-org": (env, request) => {
    const record = findTeam(env, request, { write: true });
    const account = env.state.requireAccount(String(request.params["username"]));
    const { role } = z
      .looseObject({ role: z.enum(["member", "maintainer"]).optional() })
      .parse(request.body ?? {});
    const org = env.state.orgs.get(record.org.toLowerCase());
    if (!org?.members.has(account.login.toLowerCase())) {
      // GitHub invites a non-member to the organisation first; the membership stays pending.
      return {
        status: 200,
        body: {
          url: `${env.shapes.base}/organizations/${env.state.requireAccount(record.org).id}/team/${record.id}/memberships/${account.login}`,
          role: role ?? "member",
          state: "pending",
        },
      };
    }
    record.members.set(
      account.login.toLowerCase(),
      role ?? record.members.get(account.login.toLowerCase()) ?? "member",
    );
    return { status: 200, body: membership(env, record, account.login) };
  },

  "teams/remove-membership-for-user-in-org": (env, request) => {
    const record = findTeam(env, request, { write: true });
    record.members.delete(String(request.params["username"]).toLowerCase());
    return { status: 204 };
  },
};
