import * as z from "zod";
import { githubTime } from "../clock.js";
import { pushFiles } from "../changes/pulls.js";
import { ApiError, forbidden, notFound, validationFailed } from "../http-error.js";
import { contentFile } from "../shapes/contents.js";
import { segment } from "../shapes/context.js";
import { blobSha } from "../state/ids.js";
import { resolveRef, treeOf } from "../state/git.js";
import { PERMISSION_ORDER, type RepoRecord } from "../state/types.js";
import { actingLogin, visibleRepo, type RouteEnv, type RouteHandler } from "./context.js";

function requireWrite(env: RouteEnv, repo: RepoRecord, login: string): void {
  if (PERMISSION_ORDER.indexOf(env.state.permissionOf(repo, login)) < PERMISSION_ORDER.indexOf("write"))
    throw forbidden("Resource not accessible by integration");
}

/** GitHub's `git-ref` for a branch. */
function refShape(env: RouteEnv, repo: RepoRecord, branch: string, sha: string) {
  const api = `${env.shapes.base}/repos/${segment(repo.owner)}/${segment(repo.name)}`;
  return {
    ref: `refs/heads/${branch}`,
    node_id: `REF_${Buffer.from(`${repo.id}:${branch}`).toString("base64url")}`,
    url: `${api}/git/refs/heads/${branch.split("/").map(segment).join("/")}`,
    object: { type: "commit", sha, url: `${api}/git/commits/${sha}` },
  };
}

const createRefSchema = z.object({ ref: z.string(), sha: z.string() });
const putFileSchema = z.object({
  message: z.string(),
  content: z.string(),
  sha: z.string().optional(),
  branch: z.string().optional(),
});

/**
 * Branches and file writes: `GET .../git/ref/heads/{branch}`, `POST .../git/refs` (a branch at a
 * commit) and `PUT .../contents/{path}` (one file, one commit, a `push` webhook). Only branches
 * (`refs/heads/…`) exist here. Files are kept as UTF-8 text: bytes that are not UTF-8 are not kept
 * exactly (the tests store ASCII).
 */
export const gitWriteHandlers: Readonly<Record<string, RouteHandler>> = {
  "git/get-ref": (env, request) => {
    const repo = visibleRepo(env, request);
    const ref = String(request.params["ref"]).replace(/^refs\//, "");
    if (!ref.startsWith("heads/")) throw notFound();
    const branch = ref.slice("heads/".length);
    const sha = repo.branches.get(branch);
    if (!sha) throw notFound();
    return { status: 200, body: refShape(env, repo, branch, sha) };
  },
  "git/create-ref": (env, request) => {
    const repo = visibleRepo(env, request);
    requireWrite(env, repo, actingLogin(env, request.actor));
    const { ref, sha } = createRefSchema.parse(request.body);
    if (!/^refs\/[^/]+\/.+/.test(ref))
      throw new ApiError({ status: 422, message: `${ref} is not a valid ref name.` });
    if (!ref.startsWith("refs/heads/"))
      throw new ApiError({ status: 422, message: "Only branches are emulated" });
    const branch = ref.slice("refs/heads/".length);
    if (repo.branches.has(branch)) throw new ApiError({ status: 422, message: "Reference already exists" });
    if (!repo.commits.has(sha.toLowerCase()))
      throw new ApiError({ status: 422, message: "Object does not exist" });
    repo.branches.set(branch, sha.toLowerCase());
    return { status: 201, body: refShape(env, repo, branch, sha.toLowerCase()) };
  },
  "repos/create-or-update-file-contents": (env, request) => {
    const repo = visibleRepo(env, request);
    const login = actingLogin(env, request.actor);
    requireWrite(env, repo, login);
    const input = putFileSchema.parse(request.body);
    const path = String(request.params["path"]).replace(/^\/+|\/+$/g, "");
    const branch = input.branch ?? repo.defaultBranch;
    const head = resolveRef(repo, branch);
    if (!head || !repo.branches.has(branch)) throw notFound(`Branch ${branch} not found`);
    if (!/^[A-Za-z0-9+/=\s]*$/.test(input.content))
      throw validationFailed(
        [{ resource: "Commit", field: "content", code: "invalid" }],
        "content is not valid Base64",
      );
    const text = Buffer.from(input.content, "base64").toString("utf8");
    const existing = treeOf(repo, head).get(path);
    if (existing !== undefined && input.sha === undefined)
      throw validationFailed([], `Invalid request.\n\n"sha" wasn't supplied.`);
    if (existing !== undefined && input.sha !== blobSha(existing))
      throw new ApiError({ status: 409, message: `${path} does not match ${input.sha ?? ""}` });
    const { after } = pushFiles({ ...env, actorLogin: login }, repo, {
      branch,
      files: { [path]: text },
      message: input.message,
    });
    const commit = repo.commits.get(after);
    const api = `${env.shapes.base}/repos/${segment(repo.owner)}/${segment(repo.name)}`;
    const account = env.state.account(login);
    const person = {
      date: githubTime(commit?.at ?? env.now),
      name: account?.name ?? login,
      email: account?.email ?? `${login}@users.noreply.github.com`,
    };
    const file = contentFile(env.shapes, repo, branch, path, text);
    return {
      status: existing === undefined ? 201 : 200,
      body: {
        content: Object.fromEntries(
          Object.entries(file).filter(([key]) => !["content", "encoding"].includes(key)),
        ),
        commit: {
          sha: after,
          node_id: `C_${after.slice(0, 20)}`,
          url: `${api}/git/commits/${after}`,
          html_url: `${env.shapes.base}/${segment(repo.owner)}/${segment(repo.name)}/commit/${after}`,
          author: person,
          committer: person,
          message: input.message,
          tree: { url: `${api}/git/trees/${after}`, sha: after },
          parents: commit?.parent
            ? [
                {
                  url: `${api}/git/commits/${commit.parent}`,
                  html_url: `${env.shapes.base}/${segment(repo.owner)}/${segment(repo.name)}/commit/${commit.parent}`,
                  sha: commit.parent,
                },
              ]
            : [],
          verification: {
            verified: false,
            reason: "unsigned",
            signature: null,
            payload: null,
            verified_at: null,
          },
        },
      },
    };
  },
};
