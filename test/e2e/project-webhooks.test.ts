import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dumpProjectItems, projectsOf } from "../../dev/emulator/graphql/projects-state.js";
import { PROJECT, startProjectStack } from "./project-helpers.js";
import type { Stack } from "./harness.js";
import { comment, openIssue } from "./helpers.js";

// The Project kept in step by the deliveries themselves: no sweep runs in this file.
const itemOf = (stack: Stack, number: number) =>
  dumpProjectItems(stack.emulator.state, PROJECT).find(
    (i) => i.repo === "northgate/helpdesk" && i.number === number,
  );
const mutations = (stack: Stack) => projectsOf(stack.emulator.state).mutations;

/** The Projects mutations a step sends. */
async function mutationsOf(stack: Stack, step: () => Promise<unknown>): Promise<string[]> {
  const before = mutations(stack).length;
  await step();
  await stack.settle();
  return mutations(stack)
    .slice(before)
    .map((m) => (m.ok ? m.name : `${m.name} (refused)`));
}

describe("the Project kept in step by webhooks, without waiting for a sweep", () => {
  let stack: Stack;
  let ticket = 0;
  const helpdesk = { owner: "northgate", repo: "helpdesk" };
  beforeAll(async () => {
    stack = await startProjectStack();
  });
  afterAll(async () => stack.close());

  it("a new ticket is an item with its fields once its delivery is handled", async () => {
    const sent = await mutationsOf(stack, async () => {
      ticket = await openIssue(stack, {
        as: "rosa",
        repo: "northgate/helpdesk",
        at: "2026-12-03T10:00:00Z",
        title: "Please update the board members page",
        body: "Please change the names on the board page of riverside.",
      });
    });
    expect(itemOf(stack, ticket)).toMatchObject({
      archived: false,
      draft: null,
      values: {
        Client: "riverside",
        Priority: "P3",
        Type: "change",
        "SLA state": "running",
        "Waiting on": "us",
        "Next due": "2026-12-03",
        "Next due time": "18:00 GMT",
      },
    });
    expect(itemOf(stack, ticket)?.values["On support"]).toMatch(/^@[a-z-]+, @[a-z-]+$/);
    // Firstline's fields made once, the item added, then one write per field with a value.
    expect(sent.filter((m) => m === "createProjectV2Field")).toHaveLength(8);
    expect(sent.filter((m) => m !== "createProjectV2Field")).toEqual([
      "addProjectV2ItemById",
      ...Array<string>(8).fill("updateProjectV2ItemFieldValue"),
    ]);
  });

  it("a quiet event (an assignment) writes nothing to the Project", async () => {
    stack.emulator.clock.set(new Date("2026-12-03T10:10:00Z"));
    const sent = await mutationsOf(stack, () =>
      stack
        .as("alice-okafor")
        .rest.issues.addAssignees({ ...helpdesk, issue_number: ticket, assignees: ["alice-okafor"] }),
    );
    expect(sent).toEqual([]);
  });

  it("a priority label changes the Priority field (and any due time it moves), with field writes only", async () => {
    stack.emulator.clock.set(new Date("2026-12-03T10:20:00Z"));
    const sent = await mutationsOf(stack, async () => {
      await stack
        .as("alice-okafor")
        .rest.issues.removeLabel({ ...helpdesk, issue_number: ticket, name: "priority: P3" });
      await stack
        .as("alice-okafor")
        .rest.issues.addLabels({ ...helpdesk, issue_number: ticket, labels: ["priority: P2"] });
    });
    expect(itemOf(stack, ticket)?.values).toMatchObject({ Priority: "P2", "SLA state": "running" });
    expect(sent.every((m) => m === "updateProjectV2ItemFieldValue")).toBe(true);
    expect(sent.length).toBeGreaterThanOrEqual(1);
  });

  it("waiting on the client pauses the item's SLA state in the same delivery", async () => {
    await mutationsOf(stack, () =>
      comment(stack, {
        as: "alice-okafor",
        repo: "northgate/helpdesk",
        number: ticket,
        at: "2026-12-03T10:30:00Z",
        body: "Which names should change?\n\n/waiting",
      }),
    );
    expect(itemOf(stack, ticket)?.values).toMatchObject({ "Waiting on": "client", "SLA state": "paused" });
    expect(itemOf(stack, ticket)?.values["Next due"]).toBeUndefined();
  });

  it("a closed ticket's item is archived by the closing delivery, and a reopened one's brought back", async () => {
    stack.emulator.clock.set(new Date("2026-12-03T11:00:00Z"));
    const closing = await mutationsOf(stack, () =>
      stack.as("alice-okafor").rest.issues.update({ ...helpdesk, issue_number: ticket, state: "closed" }),
    );
    expect(closing).toEqual(["archiveProjectV2Item"]);
    expect(itemOf(stack, ticket)?.archived).toBe(true);
    stack.emulator.clock.set(new Date("2026-12-03T11:10:00Z"));
    const reopening = await mutationsOf(stack, () =>
      stack.as("alice-okafor").rest.issues.update({ ...helpdesk, issue_number: ticket, state: "open" }),
    );
    expect(reopening[0]).toBe("unarchiveProjectV2Item");
    expect(itemOf(stack, ticket)?.archived).toBe(false);
    expect(mutations(stack).every((m) => m.ok)).toBe(true);
  });
});
