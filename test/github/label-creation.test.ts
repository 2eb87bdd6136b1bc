import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Octokit } from "@octokit/rest";
import type { Emulator } from "../../dev/emulator/index.js";
import { createNeededLabels, type LabelSpec } from "../../src/github/label-catalogue.js";
import { installationClient, startAgency } from "../emulator/helpers.js";

const CATALOGUE: LabelSpec[] = [
  { name: "priority: P1", color: "b60205", description: "Emergency" },
  { name: "type: bug", color: "1d76db", description: "Ticket type: bug" },
  { name: "client: acme", color: "5319e7", description: "Acme" },
];

describe("a ticket's labels created in one GraphQL request", () => {
  let emulator: Emulator;
  let app: Octokit;

  beforeEach(async () => {
    ({ emulator } = await startAgency({ validateResponses: false }));
    app = await installationClient(emulator);
  });
  afterEach(async () => {
    await emulator.close();
  });

  it("creates the missing ones, counts the one already there as known, in one request", async () => {
    const { data: repo } = await app.rest.repos.get({ owner: "acme", repo: "website" });
    emulator.log.reset();
    const result = await createNeededLabels({
      gh: app,
      repo: "acme/website",
      catalogue: CATALOGUE,
      names: ["priority: P1", "type: bug", "client: acme", "not ours"],
      repositoryId: repo.node_id,
    });
    expect(result).toEqual({
      created: ["type: bug", "client: acme"],
      known: ["priority: P1", "type: bug", "client: acme"],
    });
    expect(emulator.log.summary().requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /graphql"]);
    const { data: labels } = await app.rest.issues.listLabelsForRepo({ owner: "acme", repo: "website" });
    // The one the agency had keeps its colour.
    expect(labels.map((l) => [l.name, l.color])).toEqual(
      expect.arrayContaining([
        ["priority: P1", "b60205"],
        ["type: bug", "1d76db"],
        ["client: acme", "5319e7"],
      ]),
    );
  });

  it("any other refusal fails the step (the delivery is tried again)", async () => {
    await expect(
      createNeededLabels({
        gh: app,
        repo: "acme/website",
        catalogue: CATALOGUE,
        names: ["type: bug", "client: acme"],
        repositoryId: "not-a-repository",
      }),
    ).rejects.toThrow(/Could not resolve/);
  });
});
