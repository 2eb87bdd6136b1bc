/** The slice of configuration that says which repositories Firstline serves. */
export interface RepositoryConfig {
  readonly clients: readonly { readonly repos: readonly string[] }[];
  readonly ticketRepos: readonly string[];
}

/** Every ticket repository of a configuration (clients' repositories, then shared helpdesks), without repeats. */
export function ticketRepositories(config: RepositoryConfig): string[] {
  const seen = new Set<string>();
  const repos: string[] = [];
  for (const repo of [...config.clients.flatMap((c) => c.repos), ...config.ticketRepos]) {
    if (seen.has(repo.toLowerCase())) continue;
    seen.add(repo.toLowerCase());
    repos.push(repo);
  }
  return repos;
}

/** Whether issues in a repository are tickets: the configuration lists it (names compared without case, as GitHub does). */
export function isTicketRepository(config: RepositoryConfig, repo: string): boolean {
  const name = repo.toLowerCase();
  return ticketRepositories(config).some((r) => r.toLowerCase() === name);
}

/**
 * Whether Firstline may act in a repository at all: a ticket repository the configuration lists,
 * or the agency's support repository itself. Nothing else is ever written to.
 */
export function isServedRepository(params: {
  readonly config: RepositoryConfig;
  readonly supportRepo: string;
  readonly repo: string;
}): boolean {
  return (
    params.repo.toLowerCase() === params.supportRepo.toLowerCase() ||
    isTicketRepository(params.config, params.repo)
  );
}

/** Every repository Firstline serves: the ticket repositories, then the support repository, without repeats. */
export function servedRepositories(params: {
  readonly config: RepositoryConfig;
  readonly supportRepo: string;
}): string[] {
  const tickets = ticketRepositories(params.config);
  return isTicketRepository(params.config, params.supportRepo) ? tickets : [...tickets, params.supportRepo];
}
