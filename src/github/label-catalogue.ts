import { PRIORITIES, PRIORITY_NAMES } from "../core/labels.js";
import { TICKET_TYPES } from "../core/triage/form-fields.js";
import type { FirstlineConfig } from "../core/config/firstline-config.js";
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
}): Promise<{ readonly created: string[]; readonly known: string[] }> {
  const where = splitRepo(params.repo);
  const created: string[] = [];
  const known: string[] = [];
  for (const name of params.names) {
    const label = params.catalogue.find((l) => l.name.toLowerCase() === name.toLowerCase());
    if (!label) continue;
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
