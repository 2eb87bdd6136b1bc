import { PRIORITIES, PRIORITY_NAMES } from "../core/labels.js";
import { TICKET_TYPES } from "../core/triage/form-fields.js";
import type { FirstlineConfig } from "../core/config/firstline-config.js";
import * as z from "zod";
import { splitRepo, statusOf, type GitHubTransport } from "./transport.js";

/** A label Firstline uses, with the colour and description it creates it with. */
export interface LabelSpec {
  readonly name: string;
  readonly color: string;
  readonly description: string;
}

const PRIORITY_COLOURS = { P1: "b60205", P2: "d93f0b", P3: "fbca04", P4: "c2e0c6" } as const;

/** Every label Firstline may put on a ticket in a repository of this configuration. */
export function labelCatalogue(config: Pick<FirstlineConfig, "clients" | "pauseLabels">): LabelSpec[] {
  return [
    ...PRIORITIES.map((p) => ({
      name: `priority: ${p}`,
      color: PRIORITY_COLOURS[p],
      description: `${PRIORITY_NAMES[p]} (service level ${p})`,
    })),
    ...TICKET_TYPES.map((t) => ({ name: `type: ${t}`, color: "1d76db", description: `Ticket type: ${t}` })),
    ...config.clients.map((c) => ({
      name: `client: ${c.id}`,
      color: "5319e7",
      description: c.name.slice(0, 100),
    })),
    {
      name: "client: unknown",
      color: "e4e669",
      description: "Firstline could not tell the client; set it with /client",
    },
    { name: "sla: at risk", color: "fbca04", description: "A service-level target is close to running out" },
    { name: "sla: breached", color: "b60205", description: "A service-level target was missed" },
    { name: "needs: info", color: "d4c5f9", description: "Waiting for details to reproduce the problem" },
    { name: "chargeable", color: "0e8a16", description: "Outside support: routed to the account manager" },
    ...config.pauseLabels.map((name) => ({
      name,
      color: "ededed",
      description: "Pauses the service-level clocks",
    })),
  ];
}

/**
 * Creates the labels of the catalogue among `names` (the ones a ticket is about to get), one
 * request each; a label that already exists (422) is left as the agency coloured it. Returns the
 * names now known to exist. Labels outside the catalogue are left to GitHub, which creates a
 * missing label itself when a ticket is labelled.
 */
export async function createNeededLabels(params: {
  readonly gh: GitHubTransport;
  readonly repo: string;
  readonly catalogue: readonly LabelSpec[];
  readonly names: readonly string[];
  /** The repository's node id (a webhook's `repository.node_id`): then all in one GraphQL request. */
  readonly repositoryId?: string | undefined;
}): Promise<{ readonly created: string[]; readonly known: string[] }> {
  const wanted = params.names.flatMap((name) => {
    const label = params.catalogue.find((l) => l.name.toLowerCase() === name.toLowerCase());
    return label ? [label] : [];
  });
  if (params.repositoryId && wanted.length > 1)
    return createLabelsAtOnce({ gh: params.gh, repositoryId: params.repositoryId, labels: wanted });
  const where = splitRepo(params.repo);
  const created: string[] = [];
  const known: string[] = [];
  for (const label of wanted) {
    try {
      await params.gh.request("POST /repos/{owner}/{repo}/labels", {
        ...where,
        name: label.name,
        color: label.color,
        description: label.description,
      });
      created.push(label.name);
    } catch (error) {
      if (statusOf(error) !== 422) throw error; // 422: it exists already
    }
    known.push(label.name);
  }
  return { created, known };
}

/** The mutation that creates several labels at once: one aliased `createLabel` per label. */
export function createLabelsMutation(count: number): string {
  const indexes = Array.from({ length: count }, (_, i) => i);
  return `mutation FirstlineCreateLabels(${indexes.map((i) => `$l${i}: CreateLabelInput!`).join(", ")}) {
${indexes.map((i) => `  l${i}: createLabel(input: $l${i}) { label { name } }`).join("\n")}
}`;
}

/** GitHub's refusal of a label name the repository has already. */
const ALREADY_TAKEN = /already (been )?taken|already exists/i;

const graphqlErrorsSchema = z.object({
  errors: z.array(
    z.object({ message: z.string(), path: z.array(z.union([z.string(), z.number()])).optional() }),
  ),
});

/**
 * Creates the labels in one GraphQL request (GitHub runs its mutations one after another and
 * answers each on its own): a label refused as already there is known, as with REST's 422; any
 * other refusal fails the whole step, so the ticket's delivery is tried again.
 */
async function createLabelsAtOnce(params: {
  readonly gh: GitHubTransport;
  readonly repositoryId: string;
  readonly labels: readonly LabelSpec[];
}): Promise<{ readonly created: string[]; readonly known: string[] }> {
  const { labels } = params;
  const variables = Object.fromEntries(
    labels.map((l, i) => [
      `l${i}`,
      { repositoryId: params.repositoryId, name: l.name, color: l.color, description: l.description },
    ]),
  );
  const refused = new Set<number>();
  try {
    await params.gh.graphql(createLabelsMutation(labels.length), variables);
  } catch (error) {
    const parsed = graphqlErrorsSchema.safeParse(error);
    if (!parsed.success) throw error;
    for (const problem of parsed.data.errors) {
      const index = /^l(\d+)$/.exec(String(problem.path?.[0] ?? ""))?.[1];
      if (index === undefined || !ALREADY_TAKEN.test(problem.message)) throw error;
      refused.add(Number(index));
    }
  }
  return {
    created: labels.filter((_, i) => !refused.has(i)).map((l) => l.name),
    known: labels.map((l) => l.name),
  };
}
