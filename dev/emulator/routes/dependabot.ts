import * as z from "zod";
import { dismissAlert, reopenAlert } from "../changes/alerts.js";
import { notFound, validationFailed } from "../http-error.js";
import { paginate } from "../pagination.js";
import { dependabotAlert } from "../shapes/dependabot.js";
import type { AlertRecord } from "../state/types.js";
import {
  actingLogin,
  intParam,
  queryString,
  requireTriage,
  visibleRepo,
  type RouteHandler,
} from "./context.js";

const updateSchema = z.looseObject({
  state: z.enum(["dismissed", "open"]).optional(),
  dismissed_reason: z.string().optional(),
  dismissed_comment: z.string().optional(),
});

const list = (text: string | undefined): string[] | undefined =>
  text
    ?.split(",")
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);

export const dependabotHandlers: Readonly<Record<string, RouteHandler>> = {
  "dependabot/list-alerts-for-repo": (env, request) => {
    const repo = visibleRepo(env, request);
    const states = list(queryString(request, "state"));
    const severities = list(queryString(request, "severity"));
    const ecosystems = list(queryString(request, "ecosystem"));
    const packages = list(queryString(request, "package"));
    const scope = queryString(request, "scope");
    const sort = queryString(request, "sort") ?? "created";
    const direction = queryString(request, "direction") ?? "desc";
    const key = (alert: AlertRecord): number =>
      (sort === "updated" ? alert.updatedAt : alert.createdAt).getTime();
    const alerts = env.state.alerts
      .filter((alert) => alert.repoId === repo.id)
      .filter((alert) => !states || states.includes(alert.state))
      .filter((alert) => !severities || severities.includes(alert.severity))
      .filter((alert) => !ecosystems || ecosystems.includes(alert.ecosystem.toLowerCase()))
      .filter((alert) => !packages || packages.includes(alert.packageName.toLowerCase()))
      .filter((alert) => scope === undefined || alert.scope === scope)
      .sort((a, b) => (direction === "asc" ? 1 : -1) * (key(a) - key(b) || a.number - b.number));
    const { page, headers } = paginate({ items: alerts, url: request.url });
    return { status: 200, body: page.map((alert) => dependabotAlert(env.shapes, alert)), headers };
  },

  "dependabot/get-alert": (env, request) => {
    const repo = visibleRepo(env, request);
    const alert = env.state.alerts.find(
      (a) => a.repoId === repo.id && a.number === intParam(request.params["alert_number"], 0),
    );
    if (!alert) throw notFound();
    return { status: 200, body: dependabotAlert(env.shapes, alert) };
  },

  "dependabot/update-alert": (env, request) => {
    const repo = visibleRepo(env, request);
    const login = actingLogin(env, request.actor);
    requireTriage(env, repo, login);
    const alert = env.state.alerts.find(
      (a) => a.repoId === repo.id && a.number === intParam(request.params["alert_number"], 0),
    );
    if (!alert) throw notFound();
    const input = updateSchema.parse(request.body ?? {});
    const change = { ...env, actorLogin: login };
    if (input.state === "dismissed" && alert.state !== "dismissed") {
      if (!input.dismissed_reason)
        throw validationFailed([
          { resource: "DependabotAlert", code: "missing_field", field: "dismissed_reason" },
        ]);
      dismissAlert(change, repo, alert, input.dismissed_reason, input.dismissed_comment ?? null);
    } else if (input.state === "open" && alert.state === "dismissed") {
      reopenAlert(change, repo, alert);
    }
    return { status: 200, body: dependabotAlert(env.shapes, alert) };
  },
};
