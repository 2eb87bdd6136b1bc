import { ApiError, notFound } from "../http-error.js";
import { contentFile, directoryEntry } from "../shapes/contents.js";
import { blobSha, commitSha } from "../state/ids.js";
import { resolveRef, treeOf } from "../state/git.js";
import { queryString, visibleRepo, type RouteHandler } from "./context.js";

/** The immediate children of a folder in a tree: files with content, folders with a tree hash. */
function children(
  tree: ReadonlyMap<string, string>,
  folder: string,
): { path: string; kind: "file" | "dir"; content: string | null; sha: string }[] {
  const prefix = folder === "" ? "" : `${folder}/`;
  const entries = new Map<
    string,
    { path: string; kind: "file" | "dir"; content: string | null; sha: string }
  >();
  for (const [path, content] of tree) {
    if (!path.startsWith(prefix)) continue;
    const [name, ...rest] = path.slice(prefix.length).split("/");
    if (!name) continue;
    const childPath = `${prefix}${name}`;
    if (rest.length === 0) {
      entries.set(childPath, { path: childPath, kind: "file", content, sha: blobSha(content) });
    } else if (!entries.has(childPath)) {
      const inside = [...tree.entries()]
        .filter(([p]) => p.startsWith(`${childPath}/`))
        .map(([p, c]) => `${p}:${blobSha(c)}`);
      entries.set(childPath, { path: childPath, kind: "dir", content: null, sha: commitSha(inside.sort()) });
    }
  }
  return [...entries.values()].sort((a, b) => a.path.localeCompare(b.path));
}

export const contentHandlers: Readonly<Record<string, RouteHandler>> = {
  "repos/get-content": (env, request) => {
    const repo = visibleRepo(env, request);
    const ref = queryString(request, "ref") ?? repo.defaultBranch;
    const sha = resolveRef(repo, ref);
    if (!sha) throw new ApiError({ status: 404, message: `No commit found for the ref ${ref}` });
    const tree = treeOf(repo, sha);
    const path = String(request.params["path"]).replace(/^\/+|\/+$/g, "");
    const file = tree.get(path);
    // The raw media type (what Probot's config loader asks for) answers a file with its bytes.
    if (file !== undefined && /application\/vnd\.github(\.v3)?\.raw/.test(request.accept)) {
      return {
        status: 200,
        raw: file,
        headers: {
          "content-type": "application/vnd.github.raw; charset=utf-8",
          "x-github-media-type": "github.v3; param=raw",
        },
      };
    }
    if (file !== undefined) return { status: 200, body: contentFile(env.shapes, repo, ref, path, file) };
    const listing = children(tree, path);
    if (listing.length === 0) throw notFound();
    return { status: 200, body: listing.map((entry) => directoryEntry(env.shapes, repo, ref, entry)) };
  },
};
