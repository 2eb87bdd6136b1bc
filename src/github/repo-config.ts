import { CONFIG_PATH, firstlineConfigSchema, type FirstlineConfig } from "../config/firstline-config.js";
import { readYaml, validateYaml, type RawYaml } from "../config/parse-yaml.js";
import type { InputProblem } from "../core/finding.js";
import { FileTooLargeError, type FileReader } from "./read-file.js";
import type { GitHubTransport } from "./transport.js";

/** A repository's configuration: valid, broken (with problems to show), or not there at all. */
export type RepoConfig =
  | { readonly kind: "valid"; readonly config: FirstlineConfig; readonly files: readonly string[] }
  | { readonly kind: "broken"; readonly problems: readonly InputProblem[]; readonly files: readonly string[] }
  | { readonly kind: "absent" };

const EXTENDS = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)(?::(.+))?$/;

/**
 * Loads `.github/firstline.yml` as Probot's `context.config` does: the repository's own file, else
 * the one in the owner's `.github` repository, and a top-level `_extends: owner/repo[:path]` takes
 * a base file whose keys the extending file overrides. Files are read with conditional requests,
 * and problems name the file (and line) where the offending key stands.
 */
export async function loadRepoConfig(params: Parameters<typeof loadRepoConfigFiles>[0]): Promise<RepoConfig> {
  try {
    return await loadRepoConfigFiles(params);
  } catch (error) {
    if (error instanceof FileTooLargeError) {
      return { kind: "broken", problems: [{ file: `${error.repo}:${error.path}`, path: "", message: error.message }], files: [`${error.repo}:${error.path}`] };
    }
    throw error;
  }
}

async function loadRepoConfigFiles(params: {
  readonly gh: GitHubTransport;
  readonly reader: FileReader;
  readonly repo: string;
  /** A commit or branch to read the repository's own file at (a pushed commit); default branch otherwise. */
  readonly ref?: string;
  /** Trust a cached copy this young without asking GitHub (sweeps; pushes invalidate the cache). */
  readonly maxAgeMs?: number;
}): Promise<RepoConfig> {
  const { gh, reader, repo, ref } = params;
  const maxAge = params.maxAgeMs === undefined ? {} : { maxAgeMs: params.maxAgeMs };
  const owner = repo.split("/")[0] ?? "";
  let source = repo;
  let text = await reader.read({ gh, repo, path: CONFIG_PATH, ...(ref ? { ref } : {}), ...maxAge });
  if (text === null && repo.toLowerCase() !== `${owner}/.github`.toLowerCase()) {
    source = `${owner}/.github`;
    text = await reader.read({ gh, repo: source, path: CONFIG_PATH, ...maxAge });
  }
  if (text === null) return { kind: "absent" };
  const file = `${source}:${CONFIG_PATH}`;
  const local = readYaml({ file, text });
  if (!local.ok) return { kind: "broken", problems: local.problems, files: [file] };
  const sources: RawYaml[] = [local.value];
  let raw = local.value.raw;
  if (isRecord(raw) && "_extends" in raw) {
    const { _extends: target, ...rest } = raw;
    const match = typeof target === "string" ? EXTENDS.exec(target) : null;
    if (!match?.[1]) {
      return { kind: "broken", problems: [{ file, path: "_extends", line: local.value.lineOf(["_extends"]) ?? 1, message: "must be owner/repo or owner/repo:path" }], files: [file] };
    }
    const basePath = match[2] ?? CONFIG_PATH;
    const baseFile = `${match[1]}:${basePath}`;
    const baseText = await reader.read({ gh, repo: match[1], path: basePath, ...maxAge });
    if (baseText === null) {
      return { kind: "broken", problems: [{ file, path: "_extends", line: local.value.lineOf(["_extends"]) ?? 1, message: `${baseFile} was not found or cannot be read by the app` }], files: [file] };
    }
    const base = readYaml({ file: baseFile, text: baseText });
    if (!base.ok) return { kind: "broken", problems: base.problems, files: [file, baseFile] };
    raw = { ...(isRecord(base.value.raw) ? base.value.raw : {}), ...rest };
    sources.push(base.value);
  }
  const validated = validateYaml({ raw, schema: firstlineConfigSchema, sources });
  const files = sources.map((s) => s.file);
  return validated.ok ? { kind: "valid", config: validated.value, files } : { kind: "broken", problems: validated.problems, files };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
