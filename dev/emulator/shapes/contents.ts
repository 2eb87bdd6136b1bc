import { blobSha } from "../state/ids.js";
import type { RepoRecord } from "../state/types.js";
import { segment, type JsonObject, type ShapeContext } from "./context.js";

function links(
  ctx: ShapeContext,
  repo: RepoRecord,
  path: string,
  ref: string,
  kind: "blob" | "tree",
  sha: string,
): JsonObject {
  const encoded = path.split("/").map(segment).join("/");
  const url = `${ctx.base}/repos/${segment(repo.owner)}/${segment(repo.name)}/contents/${encoded}?ref=${segment(ref)}`;
  const gitUrl = `${ctx.base}/repos/${segment(repo.owner)}/${segment(repo.name)}/git/${kind === "blob" ? "blobs" : "trees"}/${sha}`;
  const htmlUrl = `${ctx.base}/${segment(repo.owner)}/${segment(repo.name)}/${kind}/${segment(ref)}/${encoded}`;
  return { url, git_url: gitUrl, html_url: htmlUrl, _links: { self: url, git: gitUrl, html: htmlUrl } };
}

/** Base64 in lines of 60 characters, each ending in a newline, as GitHub sends file content. */
function wrappedBase64(text: string): string {
  const encoded = Buffer.from(text, "utf8").toString("base64");
  return (encoded.match(/.{1,60}/g) ?? []).map((line) => `${line}\n`).join("");
}

/** GitHub's `content-file`. */
export function contentFile(
  ctx: ShapeContext,
  repo: RepoRecord,
  ref: string,
  path: string,
  content: string,
): JsonObject {
  const sha = blobSha(content);
  const size = Buffer.byteLength(content, "utf8");
  // GitHub sends no content for a file over 1 MB: `content` is empty and `encoding` is "none".
  const large = size > 1024 * 1024;
  return {
    type: "file",
    encoding: large ? "none" : "base64",
    size,
    name: path.split("/").pop() ?? path,
    path,
    content: large ? "" : wrappedBase64(content),
    sha,
    ...links(ctx, repo, path, ref, "blob", sha),
    download_url: `${ctx.base}/${segment(repo.owner)}/${segment(repo.name)}/raw/${segment(ref)}/${path.split("/").map(segment).join("/")}`,
  };
}

/** One entry of a directory listing (`content-directory`). */
export function directoryEntry(
  ctx: ShapeContext,
  repo: RepoRecord,
  ref: string,
  entry: {
    readonly path: string;
    readonly kind: "file" | "dir";
    readonly content: string | null;
    readonly sha: string;
  },
): JsonObject {
  const isFile = entry.kind === "file";
  return {
    type: entry.kind,
    size: isFile ? Buffer.byteLength(entry.content ?? "", "utf8") : 0,
    name: entry.path.split("/").pop() ?? entry.path,
    path: entry.path,
    sha: entry.sha,
    ...links(ctx, repo, entry.path, ref, isFile ? "blob" : "tree", entry.sha),
    download_url: isFile
      ? `${ctx.base}/${segment(repo.owner)}/${segment(repo.name)}/raw/${segment(ref)}/${entry.path.split("/").map(segment).join("/")}`
      : null,
  };
}
