import * as z from "zod";
import { repoName } from "./repo-name.js";

/** What decides which repositories a sweep reads. */
export interface SweptRepositoryFields {
  readonly clients: readonly { readonly repos: readonly string[] }[];
  readonly ticketRepos: readonly string[];
  readonly supportRepo: string | null;
}

/**
 * The repositories a sweep reads: every client's, the other ticket repositories, and the support
 * repository (the workflow's own when the configuration names none), where the dashboard lives.
 */
export function sweptRepositories(config: SweptRepositoryFields, workflowRepository: string): string[] {
  return [
    ...config.clients.flatMap((client) => client.repos),
    ...config.ticketRepos,
    config.supportRepo ?? workflowRepository,
  ];
}

/**
 * Only the keys that name the swept repositories, each checked as the full schema checks it; the
 * rest of the file is left to the full check, which always follows.
 */
const sweptRepositoryFieldsSchema = z.object({
  clients: z.array(z.object({ repos: z.array(repoName).default([]) })).default([]),
  ticketRepos: z.array(repoName).default([]),
  supportRepo: repoName.nullable().default(null),
});

/**
 * The swept repositories as the configuration file's data names them, before the file is
 * validated: enough to ask GitHub for the first page of tickets while the rest is checked. Undefined
 * when those keys do not read; the full check then reports why.
 */
export function sweptRepositoriesBeforeValidation(
  raw: unknown,
  workflowRepository: string,
): string[] | undefined {
  const parsed = sweptRepositoryFieldsSchema.safeParse(raw ?? {});
  return parsed.success ? sweptRepositories(parsed.data, workflowRepository) : undefined;
}
