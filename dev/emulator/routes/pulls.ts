import * as z from "zod";
import { editIssue, setState } from "../changes/issues.js";
import { dismissReview, nothingToCompare, openPull, submitReview, type PullIssue } from "../changes/pulls.js";
import { ApiError, forbidden, notFound, validationFailed } from "../http-error.js";
import { paginate } from "../pagination.js";
import { pullCommits, pullFiles, pullRequest, review as reviewShape } from "../shapes/pull.js";
import { resolveRef } from "../state/git.js";
import type { RepoRecord } from "../state/types.js";
import {
  actingLogin,
  intParam,
  queryString,
  visibleRepo,
  type RouteEnv,
  type RouteHandler,
  type RouteRequest,
} from "./context.js";

const createSchema = z.looseObject({
  title: z.string().optional(),
  head: z.string(),
  base: z.string(),
  body: z.string().nullish(),
  draft: z.boolean().optional(),
});
const updateSchema = z.looseObject({
  title: z.string().optional(),
  body: z.string().nullish(),
  state: z.enum(["open", "closed"]).optional(),
});
const reviewSchema = z.looseObject({
  commit_id: z.string().optional(),
  body: z.string().optional(),
  event: z.enum(["APPROVE", "REQUEST_CHANGES", "COMMENT"]).optional(),
});
const dismissSchema = z.looseObject({ message: z.string() });

function targetPull(env: RouteEnv, request: RouteRequest): { repo: RepoRecord; pull: PullIssue } {
  const repo = visibleRepo(env, request);
  return { repo, pull: env.state.requirePull(repo, intParam(request.params["pull_number"], 0)) };
}

/** `owner:branch` or `branch` → the branch name in this repository. */
function branchName(repo: RepoRecord, text: string): string {
  const [owner, branch] = text.includes(":") ? text.split(":", 2) : [repo.owner, text];
  return owner?.toLowerCase() === repo.owner.toLowerCase() ? (branch ?? text) : text;
}

export const pullHandlers: Readonly<Record<string, RouteHandler>> = {
  "pulls/list": (env, request) => {
    const repo = visibleRepo(env, request);
    const state = queryString(request, "state") ?? "open";
    const head = queryString(request, "head");
    const base = queryString(request, "base");
    const direction = queryString(request, "direction") ?? "desc";
    const sort = queryString(request, "sort") ?? "created";
    const pulls = env.state
      .issuesOf(repo)
      .filter((issue): issue is PullIssue => issue.pull !== null)
      .filter((pull) => state === "all" || pull.state === state)
      .filter((pull) => head === undefined || branchName(repo, head) === pull.pull.headRef)
      .filter((pull) => base === undefined || base === pull.pull.baseRef)
      .sort((a, b) => {
        const key = (p: PullIssue): number =>
          sort === "updated" ? p.updatedAt.getTime() : p.createdAt.getTime();
        return (direction === "asc" ? 1 : -1) * (key(a) - key(b) || a.id - b.id);
      });
    const { page, headers } = paginate({ items: pulls, url: request.url });
    return { status: 200, body: page.map((pull) => pullRequest(env.shapes, pull)), headers };
  },

  "pulls/create": (env, request) => {
    const repo = visibleRepo(env, request);
    const login = actingLogin(env, request.actor);
    const input = createSchema.parse(request.body);
    const head = branchName(repo, input.head);
    const errors = [
      ...(resolveRef(repo, head) && repo.branches.has(head)
        ? []
        : [{ resource: "PullRequest", field: "head", code: "invalid" }]),
      ...(repo.branches.has(input.base) ? [] : [{ resource: "PullRequest", field: "base", code: "invalid" }]),
    ];
    if (errors.length > 0) throw validationFailed(errors);
    if (nothingToCompare(repo, head, input.base)) {
      throw validationFailed([
        { resource: "PullRequest", code: "custom", message: `No commits between ${input.base} and ${head}` },
      ]);
    }
    const open = env.state
      .issuesOf(repo)
      .find(
        (issue) =>
          issue.pull?.headRef === head && issue.pull.baseRef === input.base && issue.state === "open",
      );
    if (open)
      throw validationFailed([
        {
          resource: "PullRequest",
          code: "custom",
          message: `A pull request already exists for ${repo.owner}:${head}.`,
        },
      ]);
    const pull = openPull({ ...env, actorLogin: login }, repo, {
      title: input.title ?? head,
      body: input.body ?? null,
      head,
      base: input.base,
      draft: input.draft ?? false,
    });
    return {
      status: 201,
      body: pullRequest(env.shapes, pull),
      headers: { location: `${env.shapes.base}/repos/${repo.owner}/${repo.name}/pulls/${pull.number}` },
    };
  },

  "pulls/get": (env, request) => {
    const { pull } = targetPull(env, request);
    return { status: 200, body: pullRequest(env.shapes, pull) };
  },

  "pulls/update": (env, request) => {
    const { repo, pull } = targetPull(env, request);
    const login = actingLogin(env, request.actor);
    if (!env.state.canTriage(repo, login) && pull.authorLogin.toLowerCase() !== login.toLowerCase())
      throw forbidden("Must have admin rights to Repository.");
    const input = updateSchema.parse(request.body ?? {});
    const change = { ...env, actorLogin: login };
    editIssue(change, pull, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.body !== undefined ? { body: input.body } : {}),
    });
    if (input.state !== undefined) setState(change, pull, input.state, null);
    return { status: 200, body: pullRequest(env.shapes, pull) };
  },

  "pulls/list-files": (env, request) => {
    const { pull } = targetPull(env, request);
    const { page, headers } = paginate({ items: pullFiles(env.shapes, pull), url: request.url });
    return { status: 200, body: page, headers };
  },

  "pulls/list-commits": (env, request) => {
    const { pull } = targetPull(env, request);
    const { page, headers } = paginate({ items: pullCommits(env.shapes, pull), url: request.url });
    return { status: 200, body: page, headers };
  },

  "pulls/list-reviews": (env, request) => {
    const { pull } = targetPull(env, request);
    const reviews = env.state.reviews.filter((record) => record.issueId === pull.id);
    const { page, headers } = paginate({ items: reviews, url: request.url });
    return { status: 200, body: page.map((record) => reviewShape(env.shapes, record)), headers };
  },

  "pulls/get-review": (env, request) => {
    const { pull } = targetPull(env, request);
    const record = env.state.reviews.find(
      (r) => r.issueId === pull.id && r.id === intParam(request.params["review_id"], 0),
    );
    if (!record) throw notFound();
    return { status: 200, body: reviewShape(env.shapes, record) };
  },

  "pulls/create-review": (env, request) => {
    const { pull } = targetPull(env, request);
    const login = actingLogin(env, request.actor);
    const input = reviewSchema.parse(request.body ?? {});
    const body = input.body ?? "";
    if (input.event === "APPROVE" && pull.authorLogin.toLowerCase() === login.toLowerCase()) {
      throw new ApiError({
        status: 422,
        message: "Unprocessable Entity",
        extra: { errors: ["Review Can not approve your own pull request"] },
      });
    }
    if ((input.event === "REQUEST_CHANGES" || input.event === "COMMENT") && body.trim() === "") {
      throw new ApiError({
        status: 422,
        message: "Unprocessable Entity",
        extra: { errors: [`Review body is required when using ${input.event}`] },
      });
    }
    const state =
      input.event === "APPROVE"
        ? "APPROVED"
        : input.event === "REQUEST_CHANGES"
          ? "CHANGES_REQUESTED"
          : input.event === "COMMENT"
            ? "COMMENTED"
            : "PENDING";
    const record = submitReview({ ...env, actorLogin: login }, pull, {
      state,
      body,
      commitId: input.commit_id ?? pull.pull.headSha,
    });
    return { status: 200, body: reviewShape(env.shapes, record) };
  },

  "pulls/dismiss-review": (env, request) => {
    const { repo, pull } = targetPull(env, request);
    const login = actingLogin(env, request.actor);
    if (!env.state.canTriage(repo, login)) throw forbidden("Must have admin rights to Repository.");
    dismissSchema.parse(request.body);
    const record = env.state.reviews.find(
      (r) => r.issueId === pull.id && r.id === intParam(request.params["review_id"], 0),
    );
    if (!record) throw notFound();
    if (record.state !== "APPROVED" && record.state !== "CHANGES_REQUESTED") {
      throw new ApiError({
        status: 422,
        message: `Can not dismiss a ${record.state.toLowerCase().replace("_", " ")} pull request review`,
      });
    }
    dismissReview({ ...env, actorLogin: login }, pull, record);
    return { status: 200, body: reviewShape(env.shapes, record) };
  },
};
