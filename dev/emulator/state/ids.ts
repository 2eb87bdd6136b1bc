import { createHash } from "node:crypto";

/** GitHub's legacy global node id: base64 of `0<type length>:<Type><database id>`. */
export function nodeId(type: string, id: number | string): string {
  return Buffer.from(`0${type.length}:${type}${id}`).toString("base64");
}

/** The git blob id of a text: sha1 of `blob <bytes>\0<content>`, as `git hash-object` gives. */
export function blobSha(content: string): string {
  const bytes = Buffer.from(content, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

/** A stable commit-like sha for a tree, its parent and a message. */
export function commitSha(parts: readonly string[]): string {
  return createHash("sha1").update(parts.join("\0")).digest("hex");
}
