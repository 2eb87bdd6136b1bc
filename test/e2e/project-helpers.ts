import { agencySeed } from "../../dev/demo/agency-seed.js";
import { createProject } from "../../dev/emulator/graphql/projects-state.js";
import { startStack, type Stack } from "./harness.js";

/** The agency's Project, as the configuration names it. */
export const PROJECT = { owner: "northgate", number: 1 } as const;

/**
 * The agency with a Project (Northgate's first) and a helpdesk repository of its own beside the
 * clients' repositories in other organisations, on 2 December 2026.
 */
export async function startProjectStack(): Promise<Stack> {
  const seed = agencySeed({
    editConfig: (text) =>
      `${text}\nticketRepos: [northgate/helpdesk]\nproject:\n  owner: ${PROJECT.owner}\n  number: ${PROJECT.number}\n`,
  });
  const stack = await startStack({
    seed: {
      ...seed,
      repos: [
        ...(seed.repos ?? []),
        { owner: "northgate", name: "helpdesk", collaborators: { rosa: "read", "alice-okafor": "write" } },
      ],
    },
    now: new Date("2026-12-02T09:00:00Z"),
  });
  createProject(stack.emulator.state, {
    owner: PROJECT.owner,
    title: "Support queue",
    now: new Date("2026-12-01T09:00:00Z"),
  });
  return stack;
}
