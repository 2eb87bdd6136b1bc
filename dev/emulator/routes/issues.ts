import * as z from "zod";
import { assign, editIssue, openIssue, setLabels, setState, unassign } from "../changes/issues.js";
import { forbidden } from "../http-error.js";
import { paginate } from "../pagination.js";
import { issue as issueShape } from "../shapes/issue.js";
import type { IssueRecord } from "../state/types.js";
import {
  actingLogin,
  intParam,
  queryString,
  visibleRepo,
  type RouteEnv,
  type RouteHandler,
} from "./context.js";

/** Label lists come as names or `{name}` objects. */
export const labelNamesSchema = z
  .array(z.union([z.string(), z.looseObject({ name: z.string() })]))
  .transform((labels) => labels.map((label) => (typeof label === "string" ? label : label.name)));

const createSchema = z.looseObject({
  title: z.union([z.string(), z.number()]).transform(String),
  body: z.string().nullish(),
  assignee: z.string().nullish(),
  assignees: z.array(z.string()).optional(),
  labels: labelNamesSchema.optional(),
});

const updateSchema = z.looseObject({
  title: z.union([z.string(), z.number()]).transform(String).nullish(),
  body: z.string().nullish(),
  state: z.enum(["open", "closed"]).optional(),
  state_reason: z.enum(["completed", "not_planned", "duplicate", "reopened"]).nullish(),
  assignee: z.string().nullish(),
  assignees: z.array(z.string()).optional(),
  labels: labelNamesSchema.optional(),
});

/** Sorts and filters as `GET /repos/{o}/{r}/issues` does (pull requests included, as on GitHub). */
function listIssues(
  env: RouteEnv,
  issues: readonly IssueRecord[],
  query: (name: string) => string | undefined,
): IssueRecord[] {
  const state = query("state") ?? "open";
  const labels = (query("labels") ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const assignee = query("assignee");
  const creator = query("creator")?.toLowerCase();
  const since = query("since");
  const sort = query("sort") ?? "created";
  const direction = query("direction") ?? "desc";
  const filtered = issues.filter((issue) => {
    if (state !== "all" && issue.state !== state) return false;
    const names = env.state.labelsOf(issue).map((label) => label.name.toLowerCase());
    if (!labels.every((name) => names.includes(name))) return false;
    if (assignee === "none" && issue.assignees.length > 0) return false;
    if (assignee === "*" && issue.assignees.length === 0) return false;
    if (
      assignee &&
      assignee !== "none" &&
      assignee !== "*" &&
      !issue.assignees.some((a) => a.toLowerCase() === assignee.toLowerCase())
    )
      return false;
    if (creator && issue.authorLogin.toLowerCase() !== creator) return false;
    if (since && issue.updatedAt.getTime() < Date.parse(since)) return false;
    return true;
  });
  const key = (issue: IssueRecord): number =>
    sort === "updated"
      ? issue.updatedAt.getTime()
      : sort === "comments"
        ? env.state.commentsOf(issue).length
        : issue.createdAt.getTime();
  const sign = direction === "asc" ? 1 : -1;
  return filtered.sort((a, b) => sign * (key(a) - key(b) || a.id - b.id));
}

export const issueHandlers: Readonly<Record<string, RouteHandler>> = {
  "issues/list-for-repo": (env, request) => {
    const repo = visibleRepo(env, request);
    const issues = listIssues(env, env.state.issuesOf(repo), (name) => queryString(request, name));
    const { page, headers } = paginate({ items: issues, url: request.url });
    return { status: 200, body: page.map((issue) => issueShape(env.shapes, issue)), headers };
  },

  "issues/create": (env, request) => {
    const repo = visibleRepo(env, request);
    const login = actingLogin(env, request.actor);
    const input = createSchema.parse(request.body);
    // GitHub silently drops labels and assignees from callers without push (triage) access.
    const triage = env.state.canTriage(repo, login);
    const assignees = [...(input.assignees ?? []), ...(input.assignee ? [input.assignee] : [])];
    const issue = openIssue({ ...env, actorLogin: login }, repo, {
      title: input.title,
      body: input.body ?? null,
      labels: triage ? (input.labels ?? []) : [],
      assignees: triage ? assignees : [],
    });
    return {
      status: 201,
      body: issueShape(env.shapes, issue),
      headers: { location: `${env.shapes.base}/repos/${repo.owner}/${repo.name}/issues/${issue.number}` },
    };
  },

  "issues/get": (env, request) => {
    const repo = visibleRepo(env, request);
    const issue = env.state.requireIssue(repo, intParam(request.params["issue_number"], 0));
    return { status: 200, body: issueShape(env.shapes, issue) };
  },

  "issues/update": (env, request) => {
    const repo = visibleRepo(env, request);
    const login = actingLogin(env, request.actor);
    const issue = env.state.requireIssue(repo, intParam(request.params["issue_number"], 0));
    const input = updateSchema.parse(request.body);
    const triage = env.state.canTriage(repo, login);
    const isAuthor = issue.authorLogin.toLowerCase() === login.toLowerCase();
    if (!triage && !isAuthor) throw forbidden("Must have admin rights to Repository.");
    const change = { ...env, actorLogin: login };
    editIssue(change, issue, {
      ...(input.title !== undefined && input.title !== null ? { title: input.title } : {}),
      ...(input.body !== undefined ? { body: input.body } : {}),
    });
    if (triage && input.labels !== undefined) setLabels(change, issue, input.labels);
    if (triage && (input.assignees !== undefined || input.assignee !== undefined)) {
      const wanted = input.assignees ?? (input.assignee ? [input.assignee] : []);
      unassign(
        change,
        issue,
        issue.assignees.filter((a) => !wanted.some((w) => w.toLowerCase() === a.toLowerCase())),
      );
      assign(change, issue, wanted);
    }
    if (input.state !== undefined) setState(change, issue, input.state, input.state_reason ?? null);
    else if (input.state_reason && issue.state === "closed") issue.stateReason = input.state_reason;
    return { status: 200, body: issueShape(env.shapes, issue) };
  },

  "issues/add-assignees": (env, request) => {
    const repo = visibleRepo(env, request);
    const login = actingLogin(env, request.actor);
    const issue = env.state.requireIssue(repo, intParam(request.params["issue_number"], 0));
    const input = z.looseObject({ assignees: z.array(z.string()).optional() }).parse(request.body ?? {});
    if (env.state.canTriage(repo, login)) assign({ ...env, actorLogin: login }, issue, input.assignees ?? []);
    return { status: 201, body: issueShape(env.shapes, issue) };
  },

  "issues/remove-assignees": (env, request) => {
    const repo = visibleRepo(env, request);
    const login = actingLogin(env, request.actor);
    const issue = env.state.requireIssue(repo, intParam(request.params["issue_number"], 0));
    const input = z.looseObject({ assignees: z.array(z.string()).optional() }).parse(request.body ?? {});
    if (env.state.canTriage(repo, login))
      unassign({ ...env, actorLogin: login }, issue, input.assignees ?? []);
    return { status: 200, body: issueShape(env.shapes, issue) };
  },
};
