import * as z from "zod";

/** `owner/name` of a repository. */
export const repoName = z
  .string()
  .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, { message: "must be owner/name of a repository" });
