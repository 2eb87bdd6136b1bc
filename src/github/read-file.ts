import { splitRepo, statusOf, type GitHubTransport } from "./transport.js";

interface Cached {
  readonly etag: string;
  /** When GitHub last confirmed this copy. */
  readonly checkedAt?: number;
  readonly text: string | null;
  /** For a missing file: until when to believe it is still missing without asking again. */
  readonly missingUntil?: number;
}

/** Firstline reads no file larger than this (GitHub sends no content for files over 1 MB). */
export const MAX_READ_BYTES = 1024 * 1024;

/** A file too large to be a configuration, rota or runbook: reported, never read as missing. */
export class FileTooLargeError extends Error {
  constructor(
    readonly repo: string,
    readonly path: string,
    readonly size: number,
  ) {
    super(`${path} is larger than ${MAX_READ_BYTES / 1024} KiB (${size} bytes)`);
    this.name = "FileTooLargeError";
  }
}

/** How long a missing file is believed missing: a new config file is picked up within this. */
const MISSING_TTL_MS = 5 * 60_000;

/**
 * Reads text files from repositories with conditional requests: each file's ETag is remembered, so
 * an unchanged file costs a 304 (which GitHub does not count against the rate limit) and no body.
 * A missing file is null, and its 404 is cached too.
 */
export class FileReader {
  private readonly cache = new Map<string, Cached>();
  private readonly maxEntries: number;

  private readonly clock: () => number;

  constructor(params: { readonly maxEntries?: number; readonly clock?: () => number } = {}) {
    this.maxEntries = params.maxEntries ?? 2000;
    this.clock = params.clock ?? (() => Date.now());
  }

  async read(params: {
    readonly gh: GitHubTransport;
    readonly repo: string;
    readonly path: string;
    readonly ref?: string;
    /** Trust a copy GitHub confirmed at most this long ago without asking again. */
    readonly maxAgeMs?: number;
  }): Promise<string | null> {
    const { gh, repo, path, ref } = params;
    const key = `${repo.toLowerCase()}:${ref ?? ""}:${path}`;
    const cached = this.cache.get(key);
    if (cached?.missingUntil !== undefined && cached.missingUntil > this.clock()) return null;
    if (
      cached?.checkedAt !== undefined &&
      params.maxAgeMs !== undefined &&
      this.clock() - cached.checkedAt <= params.maxAgeMs
    )
      return cached.text;
    try {
      const response = await gh.request("GET /repos/{owner}/{repo}/contents/{path}", {
        ...splitRepo(repo),
        path,
        ...(ref ? { ref } : {}),
        headers: cached?.etag ? { "if-none-match": cached.etag } : {},
      });
      const data = response.data;
      if (typeof data !== "object" || data === null)
        throw new Error(`GitHub answered ${path} with something that is not a file description`);
      if (
        !Array.isArray(data) &&
        data.type === "file" &&
        (data.encoding === "none" || (data.size ?? 0) > MAX_READ_BYTES)
      ) {
        throw new FileTooLargeError(repo, path, data.size ?? 0);
      }
      if (Array.isArray(data) || data.type !== "file" || typeof data.content !== "string")
        return this.remember(key, String(response.headers["etag"] ?? ""), null);
      const text = Buffer.from(data.content, "base64").toString("utf8");
      return this.remember(key, String(response.headers["etag"] ?? ""), text);
    } catch (error) {
      const status = statusOf(error);
      if (status === 304 && cached) {
        this.touch(key, { ...cached, checkedAt: this.clock() });
        return cached.text;
      }
      if (status === 404) {
        this.touch(key, { etag: "", text: null, missingUntil: this.clock() + MISSING_TTL_MS });
        return null;
      }
      throw error;
    }
  }

  /** Lists a folder's file names (not cached: folders are read by scheduled jobs, not per webhook). */
  async list(params: {
    readonly gh: GitHubTransport;
    readonly repo: string;
    readonly path: string;
    readonly ref?: string;
  }): Promise<string[]> {
    try {
      const response = await params.gh.request("GET /repos/{owner}/{repo}/contents/{path}", {
        ...splitRepo(params.repo),
        path: params.path,
        ...(params.ref ? { ref: params.ref } : {}),
      });
      return Array.isArray(response.data)
        ? response.data.filter((e) => e.type === "file").map((e) => e.name)
        : [];
    } catch (error) {
      if (statusOf(error) === 404) return [];
      throw error;
    }
  }

  /** Forgets a repository's files, for example after a push that changed them. */
  forget(repo: string): void {
    const prefix = `${repo.toLowerCase()}:`;
    for (const key of this.cache.keys()) if (key.startsWith(prefix)) this.cache.delete(key);
  }

  private remember(key: string, etag: string, text: string | null): string | null {
    if (etag) this.touch(key, { etag, text, checkedAt: this.clock() });
    return text;
  }

  private touch(key: string, value: Cached): void {
    this.cache.delete(key);
    this.cache.set(key, value);
    if (this.cache.size > this.maxEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
  }
}
