import * as z from "zod";
import { ApiError, notFound } from "../http-error.js";
import { githubTime } from "../clock.js";
import { paginate } from "../pagination.js";
import { APP_PERMISSIONS, installation as installationShape, integration } from "../shapes/app.js";
import { repository } from "../shapes/repository.js";
import type { InstallationRecord } from "../state/types.js";
import { intParam, type RouteEnv, type RouteHandler, type RouteRequest } from "./context.js";

/** App endpoints take the app's JWT, never an installation or user token. */
function requireJwt(request: RouteRequest): void {
  if (request.actor.kind !== "app")
    throw new ApiError({ status: 401, message: "A JSON web token could not be decoded" });
}

function findInstallation(env: RouteEnv, request: RouteRequest): InstallationRecord {
  const record = env.state.installations.get(intParam(request.params["installation_id"], 0));
  if (!record) throw notFound();
  return record;
}

const tokenRequestSchema = z.looseObject({
  repositories: z.array(z.string()).optional(),
  repository_ids: z.array(z.number()).optional(),
});

export const appHandlers: Readonly<Record<string, RouteHandler>> = {
  "apps/get-authenticated": (env, request) => {
    requireJwt(request);
    return { status: 200, body: integration(env.shapes) };
  },

  "apps/list-installations": (env, request) => {
    requireJwt(request);
    const { page, headers } = paginate({ items: [...env.state.installations.values()], url: request.url });
    return { status: 200, body: page.map((record) => installationShape(env.shapes, record)), headers };
  },

  "apps/get-installation": (env, request) => {
    requireJwt(request);
    return { status: 200, body: installationShape(env.shapes, findInstallation(env, request)) };
  },

  "apps/get-repo-installation": (env, request) => {
    requireJwt(request);
    const repo = env.state.requireRepo(String(request.params["owner"]), String(request.params["repo"]));
    const record = env.state.installationFor(repo.owner);
    if (!record) throw notFound();
    return { status: 200, body: installationShape(env.shapes, record) };
  },

  "apps/create-installation-access-token": (env, request) => {
    requireJwt(request);
    const record = findInstallation(env, request);
    const input = tokenRequestSchema.parse(request.body ?? {});
    const repos = [...env.state.repos.values()].filter(
      (repo) => repo.owner.toLowerCase() === record.accountLogin.toLowerCase(),
    );
    const unknown = (input.repositories ?? []).filter(
      (name) => !repos.some((repo) => repo.name.toLowerCase() === name.toLowerCase()),
    );
    if (unknown.length > 0)
      throw new ApiError({
        status: 422,
        message:
          "There is at least one repository that does not exist or is not accessible to the parent installation.",
      });
    const { token } = env.auth.issueToken(record.id);
    return {
      status: 201,
      body: {
        token,
        expires_at: githubTime(new Date(env.now.getTime() + 3_600_000)),
        permissions: { ...APP_PERMISSIONS },
        repository_selection: "all",
      },
    };
  },

  "apps/list-repos-accessible-to-installation": (env, request) => {
    if (request.actor.kind !== "installation")
      throw new ApiError({
        status: 403,
        message:
          "You must authenticate with an installation access token in order to list repositories for an installation.",
      });
    const record = env.state.installations.get(request.actor.installationId);
    const repos = [...env.state.repos.values()].filter(
      (repo) => repo.owner.toLowerCase() === record?.accountLogin.toLowerCase(),
    );
    const { page, headers } = paginate({ items: repos, url: request.url });
    return {
      status: 200,
      body: {
        total_count: repos.length,
        repository_selection: "all",
        repositories: page.map((repo) => repository(env.shapes, repo)),
      },
      headers,
    };
  },
};
