import * as z from "zod";
import { addLabels, removeLabel, setLabels } from "../changes/issues.js";
import { ApiError, forbidden, notFound, validationFailed } from "../http-error.js";
import { paginate } from "../pagination.js";
import { label as labelShape } from "../shapes/issue.js";
import { PERMISSION_ORDER, type IssueRecord, type RepoRecord } from "../state/types.js";
import { labelNamesSchema } from "./issues.js";
import {
  actingLogin,
  intParam,
  requireTriage,
  visibleRepo,
  type RouteEnv,
  type RouteHandler,
  type RouteRequest,
} from "./context.js";

/** `POST`/`PUT .../labels` accept `{labels: [...]}`, a bare array, or one name. */
const issueLabelsBody = z.union([
  z.looseObject({ labels: labelNamesSchema }).transform((body) => body.labels),
  labelNamesSchema,
  z.string().transform((name) => [name]),
]);

const createLabelSchema = z.looseObject({
  name: z.string(),
  color: z.string().optional(),
  description: z.string().optional(),
});
const updateLabelSchema = z.looseObject({
  new_name: z.string().optional(),
  color: z.string().optional(),
  description: z.string().optional(),
});

function issueLabels(env: RouteEnv, repo: RepoRecord, issue: IssueRecord): unknown[] {
  return env.state.labelsOf(issue).map((label) => labelShape(env.shapes, repo, label));
}

function requireWrite(env: RouteEnv, repo: RepoRecord, login: string): void {
  if (PERMISSION_ORDER.indexOf(env.state.permissionOf(repo, login)) < PERMISSION_ORDER.indexOf("write")) {
    throw forbidden("Must have admin rights to Repository.");
  }
}

function targetIssue(
  env: RouteEnv,
  request: RouteRequest,
): { repo: RepoRecord; issue: IssueRecord; login: string } {
  const repo = visibleRepo(env, request);
  const login = actingLogin(env, request.actor);
  const issue = env.state.requireIssue(repo, intParam(request.params["issue_number"], 0));
  return { repo, issue, login };
}

function cleanColor(color: string | undefined): string {
  return (color ?? "ededed").replace(/^#/, "").toLowerCase();
}

export const labelHandlers: Readonly<Record<string, RouteHandler>> = {
  "issues/list-labels-for-repo": (env, request) => {
    const repo = visibleRepo(env, request);
    const { page, headers } = paginate({ items: repo.labels, url: request.url });
    return { status: 200, body: page.map((label) => labelShape(env.shapes, repo, label)), headers };
  },

  "issues/get-label": (env, request) => {
    const repo = visibleRepo(env, request);
    const label = env.state.labelByName(repo, String(request.params["name"]));
    if (!label) throw notFound();
    return { status: 200, body: labelShape(env.shapes, repo, label) };
  },

  "issues/create-label": (env, request) => {
    const repo = visibleRepo(env, request);
    requireWrite(env, repo, actingLogin(env, request.actor));
    const input = createLabelSchema.parse(request.body);
    if (env.state.labelByName(repo, input.name))
      throw validationFailed([{ resource: "Label", code: "already_exists", field: "name" }]);
    if (!/^[0-9a-f]{6}$/.test(cleanColor(input.color)))
      throw validationFailed([{ resource: "Label", code: "invalid", field: "color" }]);
    const label = {
      id: env.state.nextId(),
      name: input.name,
      color: cleanColor(input.color),
      description: input.description ?? null,
      isDefault: false,
    };
    repo.labels.push(label);
    return { status: 201, body: labelShape(env.shapes, repo, label) };
  },

  "issues/update-label": (env, request) => {
    const repo = visibleRepo(env, request);
    requireWrite(env, repo, actingLogin(env, request.actor));
    const label = env.state.labelByName(repo, String(request.params["name"]));
    if (!label) throw notFound();
    const input = updateLabelSchema.parse(request.body ?? {});
    if (input.new_name !== undefined) {
      const clash = env.state.labelByName(repo, input.new_name);
      if (clash && clash.id !== label.id)
        throw validationFailed([{ resource: "Label", code: "already_exists", field: "name" }]);
      label.name = input.new_name;
    }
    if (input.color !== undefined) label.color = cleanColor(input.color);
    if (input.description !== undefined) label.description = input.description;
    return { status: 200, body: labelShape(env.shapes, repo, label) };
  },

  "issues/delete-label": (env, request) => {
    const repo = visibleRepo(env, request);
    requireWrite(env, repo, actingLogin(env, request.actor));
    const label = env.state.labelByName(repo, String(request.params["name"]));
    if (!label) throw notFound();
    repo.labels.splice(repo.labels.indexOf(label), 1);
    for (const issue of env.state.issuesOf(repo))
      issue.labelIds = issue.labelIds.filter((id) => id !== label.id);
    return { status: 204 };
  },

  "issues/list-labels-on-issue": (env, request) => {
    const { repo, issue } = targetIssue(env, request);
    const { page, headers } = paginate({ items: issueLabels(env, repo, issue), url: request.url });
    return { status: 200, body: page, headers };
  },

  "issues/add-labels": (env, request) => {
    const { repo, issue, login } = targetIssue(env, request);
    requireTriage(env, repo, login);
    const names = issueLabelsBody.parse(request.body ?? []);
    if (names.length === 0)
      throw validationFailed([{ resource: "Label", code: "missing_field", field: "labels" }]);
    addLabels({ ...env, actorLogin: login }, issue, names);
    return { status: 200, body: issueLabels(env, repo, issue) };
  },

  "issues/set-labels": (env, request) => {
    const { repo, issue, login } = targetIssue(env, request);
    requireTriage(env, repo, login);
    setLabels({ ...env, actorLogin: login }, issue, issueLabelsBody.parse(request.body ?? []));
    return { status: 200, body: issueLabels(env, repo, issue) };
  },

  "issues/remove-label": (env, request) => {
    const { repo, issue, login } = targetIssue(env, request);
    requireTriage(env, repo, login);
    const name = String(request.params["name"]).toLowerCase();
    const label = env.state.labelsOf(issue).find((entry) => entry.name.toLowerCase() === name);
    if (!label) throw new ApiError({ status: 404, message: "Label does not exist" });
    removeLabel({ ...env, actorLogin: login }, issue, label);
    return { status: 200, body: issueLabels(env, repo, issue) };
  },

  "issues/remove-all-labels": (env, request) => {
    const { repo, issue, login } = targetIssue(env, request);
    requireTriage(env, repo, login);
    for (const label of env.state.labelsOf(issue)) removeLabel({ ...env, actorLogin: login }, issue, label);
    return { status: 204 };
  },
};
