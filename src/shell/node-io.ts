import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import type { CommandIo } from "./command-io.js";
import { InputError } from "./input-error.js";
import { clockFromEnv } from "./clock.js";

function describeFsError(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "file not found";
  if (code === "EISDIR") return "is a folder, not a file";
  if (code === "EACCES") return "permission denied";
  return (error as Error).message;
}

function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOTDIR" || code === "EEXIST")
    return "cannot be written: a file stands where a folder is needed (give --out a folder path)";
  if (code === "EISDIR") return "is a folder, not a file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EROFS") return "is on a read-only file system";
  return (error as Error).message;
}

/**
 * The root of the git repository holding `from` (the nearest folder up with a `.git` folder or
 * file), relative to `from` ("." at the root), or null outside any repository.
 */
export function findRepositoryRoot(from: string): string | null {
  let folder = resolve(from);
  for (;;) {
    if (existsSync(join(folder, ".git"))) return relative(from, folder) || ".";
    const parent = dirname(folder);
    if (parent === folder) return null;
    folder = parent;
  }
}

/** The real outside world for the command line. */
export function nodeIo(): CommandIo {
  const clock = clockFromEnv(process.env);
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readTextFile: (path) => {
      try {
        return readFileSync(path, "utf8");
      } catch (error) {
        throw InputError.of({ file: path, path: "", message: describeFsError(path, error) });
      }
    },
    writeTextFile: (path, text) => {
      try {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text);
      } catch (error) {
        throw InputError.of({ file: path, path: "", message: describeWriteError(error) });
      }
    },
    env: process.env,
    now: clock,
    repositoryRoot: () => findRepositoryRoot(process.cwd()),
  };
}
