import { createHash } from "node:crypto";
import { CONFIG_PATH, type FirstlineConfig } from "../core/config/firstline-config.js";
import { parseConfig } from "../config/load-config.js";
import type { InputProblem } from "../core/finding.js";
import { FileTooLargeError, type FileReader } from "./read-file.js";
import type { GitHubTransport } from "./transport.js";

/** The agency's configuration: valid, broken (with problems to show), or not there at all. */
export type RepoConfig =
  | { readonly kind: "valid"; readonly config: FirstlineConfig; readonly files: readonly string[] }
  | { readonly kind: "broken"; readonly problems: readonly InputProblem[]; readonly files: readonly string[] }
  | { readonly kind: "absent" };

/**
 * Reads `.github/firstline.yml` of one repository, the agency's support repository, and that file
 * alone: no organisation-wide fallback and no `_extends`, so nothing a client controls is ever
 * parsed as configuration. The file is read with a conditional request; problems name the file
 * and line where the offending key stands.
 */
export async function loadRepoConfig(params: {
  readonly gh: GitHubTransport;
  readonly reader: FileReader;
  readonly repo: string;
  /** A commit or branch to read the file at (a pushed commit); default branch otherwise. */
  readonly ref?: string;
  /** Trust a cached copy this young without asking GitHub (sweeps; pushes invalidate the cache). */
  readonly maxAgeMs?: number;
}): Promise<RepoConfig> {
  const { gh, reader, repo, ref } = params;
  const file = `${repo}:${CONFIG_PATH}`;
  let text: string | null;
  try {
    text = await reader.read({
      gh,
      repo,
      path: CONFIG_PATH,
      ...(ref ? { ref } : {}),
      ...(params.maxAgeMs === undefined ? {} : { maxAgeMs: params.maxAgeMs }),
    });
  } catch (error) {
    if (error instanceof FileTooLargeError)
      return { kind: "broken", problems: [{ file, path: "", message: error.message }], files: [file] };
    throw error;
  }
  if (text === null) return { kind: "absent" };
  const key = `${file}\u0000${createHash("sha1").update(text).digest("hex")}`;
  const known = PARSED.get(key);
  if (known) return known;
  const parsed = parseConfig({ file, text });
  const result: RepoConfig = parsed.ok
    ? { kind: "valid", config: parsed.value.value, files: [file] }
    : { kind: "broken", problems: parsed.problems, files: [file] };
  if (PARSED.size >= 8) PARSED.delete(PARSED.keys().next().value ?? "");
  PARSED.set(key, result);
  return result;
}

/**
 * Parsed configurations by file and content hash (the blob's identity): a large valid configuration
 * is parsed once, not on every webhook. A few entries cover every ref a process reads.
 */
const PARSED = new Map<string, RepoConfig>();
