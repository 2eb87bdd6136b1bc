import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dumpProjectItems, projectsOf } from "../../dev/emulator/graphql/projects-state.js";
import { PROJECT, startProjectStack } from "./project-helpers.js";
import { SWEEP_SECRET, type Stack } from "./harness.js";
import { openIssue } from "./helpers.js";

interface SweepAnswer {
  readonly sweeps: { project?: { writes: number; deferred: number; problems: string[] } }[];
}

async function sweep(stack: Stack, at: string): Promise<SweepAnswer["sweeps"]> {
  stack.emulator.clock.set(new Date(at));
  const response = await fetch(`${stack.app.url}/firstline/sweep`, {
    method: "POST",
    headers: { authorization: `Bearer ${SWEEP_SECRET}` },
  });
  expect(response.status).toBe(200);
  await stack.settle();
  return ((await response.json()) as SweepAnswer).sweeps;
}

const items = (stack: Stack) => dumpProjectItems(stack.emulator.state, PROJECT);
const itemOf = (stack: Stack, repo: string, number: number) =>
  items(stack).find(
    (i) => (i.repo === repo && i.number === number) || i.draft?.startsWith(`${repo}#${number} `),
  );
const mutations = (stack: Stack) => projectsOf(stack.emulator.state).mutations;

describe("the support queue as a GitHub Project, end to end", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startProjectStack();
  });
  afterAll(async () => stack.close());

  it("a new ticket appears as an item with its fields; one in another organisation's repository as a draft naming it", async () => {
    const own = await openIssue(stack, {
      as: "rosa",
      repo: "northgate/helpdesk",
      at: "2026-12-03T10:00:00Z",
      title: "Please update the board members page",
      body: "Please change the names on the board page of riverside.",
    });
    const client = await openIssue(stack, {
      as: "rosa",
      repo: "riverside/tenant-portal",
      at: "2026-12-03T10:05:00Z",
      title: "Please update the logo",
      body: "Please change the logo in the header.",
    });
    const [result] = await sweep(stack, "2026-12-03T11:00:00Z");
    expect(result?.project?.problems).toEqual([]);
    const item = itemOf(stack, "northgate/helpdesk", own);
    expect(item?.draft).toBeNull();
    expect(item?.values).toMatchObject({
      Priority: "P3",
      "SLA state": "running",
      "Waiting on": "us",
      "Next due": "2026-12-03",
      "Next due time": "18:00 GMT",
    });
    expect(item?.values["On support"]).toMatch(/^@[a-z-]+, @[a-z-]+$/);
    const draft = itemOf(stack, "riverside/tenant-portal", client);
    expect(draft?.draft).toBe(`riverside/tenant-portal#${client} Please update the logo`);
    expect(draft?.values).toMatchObject({ Client: "riverside", Priority: "P3", "SLA state": "running" });
    expect(mutations(stack).every((m) => m.ok)).toBe(true);
  });

  it("a quiet sweep writes nothing", async () => {
    // The first sweep of the day opened the scheduled maintenance tickets: the next one adds them.
    await sweep(stack, "2026-12-03T11:05:00Z");
    const before = mutations(stack).length;
    stack.emulator.log.reset();
    await sweep(stack, "2026-12-03T11:10:00Z");
    expect(mutations(stack).slice(before)).toEqual([]);
    expect(stack.emulator.log.summary().writes).toBe(0);
  });

  it("at risk, then a breach, change only the SLA state field", async () => {
    const own = items(stack).find((i) => i.repo === "northgate/helpdesk");
    await sweep(stack, "2026-12-03T16:10:00Z");
    expect(itemOf(stack, "northgate/helpdesk", own?.number ?? 0)?.values["SLA state"]).toBe("at risk");
    const before = mutations(stack).length;
    await sweep(stack, "2026-12-04T10:30:00Z");
    const sent = mutations(stack).slice(before);
    expect(itemOf(stack, "northgate/helpdesk", own?.number ?? 0)?.values["SLA state"]).toBe("breached");
    // One write per ticket that breached (the helpdesk ticket and the client's draft), nothing else.
    expect(sent.map((m) => m.name)).toEqual([
      "updateProjectV2ItemFieldValue",
      "updateProjectV2ItemFieldValue",
    ]);
  });

  it("a closed ticket is archived, its issue item and its draft alike", async () => {
    const own = items(stack).find((i) => i.repo === "northgate/helpdesk")?.number ?? 0;
    const client = Number(/#(\d+) /.exec(items(stack).find((i) => i.draft !== null)?.draft ?? "")?.[1]);
    stack.emulator.clock.set(new Date("2026-12-04T11:00:00Z"));
    await stack
      .as("alice-okafor")
      .rest.issues.update({ owner: "northgate", repo: "helpdesk", issue_number: own, state: "closed" });
    await stack.as("alice-okafor").rest.issues.update({
      owner: "riverside",
      repo: "tenant-portal",
      issue_number: client,
      state: "closed",
    });
    await stack.settle();
    await sweep(stack, "2026-12-04T11:05:00Z");
    expect(itemOf(stack, "northgate/helpdesk", own)?.archived).toBe(true);
    expect(itemOf(stack, "riverside/tenant-portal", client)?.archived).toBe(true);
    expect(
      items(stack)
        .filter((i) => !i.archived)
        .map((i) => i.draft),
    ).toEqual([expect.stringMatching(/^acme\/website#\d+ Apply CMS core updates/)]);
  });

  it("a reopened ticket comes back on the Project", async () => {
    const own = items(stack).find((i) => i.repo === "northgate/helpdesk")?.number ?? 0;
    stack.emulator.clock.set(new Date("2026-12-07T10:00:00Z"));
    await stack
      .as("alice-okafor")
      .rest.issues.update({ owner: "northgate", repo: "helpdesk", issue_number: own, state: "open" });
    await stack.settle();
    await sweep(stack, "2026-12-07T10:05:00Z");
    expect(itemOf(stack, "northgate/helpdesk", own)?.archived).toBe(false);
  });
});
