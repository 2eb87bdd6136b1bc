import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { startStack, type Stack } from "./harness.js";

const maintenanceIssues = (stack: Stack, repo: string) =>
  stack.emulator
    .dump()
    .repos.find((r) => r.fullName === repo)
    ?.issues.filter((i) => i.labels.includes("type: maintenance")) ?? [];

describe("proactive maintenance end to end", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ seed: agencySeed(), now: new Date("2026-12-21T09:00:00Z") });
  });
  afterAll(async () => stack.close());

  it("two Dependabot alerts on one package make one ticket; fixing one updates it; fixing both closes it", async () => {
    stack.emulator.clock.set(new Date("2026-12-21T11:00:00Z"));
    const first = stack.emulator.createAlert("acme/website", {
      package: "lodash",
      severity: "high",
      summary: "Prototype pollution in lodash",
      ghsaId: "GHSA-aaaa-bbbb-cccc",
      vulnerableVersionRange: "< 4.17.21",
      firstPatchedVersion: "4.17.21",
    });
    await stack.settle();
    const second = stack.emulator.createAlert("acme/website", {
      package: "lodash",
      severity: "critical",
      summary: "Command injection in lodash",
      ghsaId: "GHSA-dddd-eeee-ffff",
      vulnerableVersionRange: "< 4.17.21",
      firstPatchedVersion: "4.17.21",
    });
    await stack.settle();
    let tickets = maintenanceIssues(stack, "acme/website");
    expect(tickets).toHaveLength(1);
    expect(tickets[0]?.title).toContain("lodash");
    expect(tickets[0]?.labels).toEqual(
      expect.arrayContaining(["type: maintenance", "priority: P2", "client: acme"]),
    );
    expect(tickets[0]?.body).toContain("GHSA-aaaa-bbbb-cccc");
    expect(tickets[0]?.body).toContain("GHSA-dddd-eeee-ffff");
    expect([...(tickets[0]?.assignees ?? [])].sort()).toEqual(["jo-pereira", "sam-oduya"]); // this week's support pair
    stack.emulator.fixAlert("acme/website", second.number);
    await stack.settle();
    tickets = maintenanceIssues(stack, "acme/website");
    expect(tickets).toHaveLength(1);
    expect(tickets[0]?.state).toBe("open");
    expect(tickets[0]?.labels).toContain("priority: P3");
    stack.emulator.fixAlert("acme/website", first.number);
    await stack.settle();
    tickets = maintenanceIssues(stack, "acme/website");
    expect(tickets).toHaveLength(1);
    expect(tickets[0]?.state).toBe("closed");
  });

  it("a monthly task due on Christmas Day opens on Tuesday 29 December, once, however many sweeps run", async () => {
    const titles = () => maintenanceIssues(stack, "riverside/tenant-portal").map((i) => i.title);
    stack.emulator.clock.set(new Date("2026-12-25T10:00:00Z"));
    await stack.sweep();
    stack.emulator.clock.set(new Date("2026-12-28T10:00:00Z"));
    await stack.sweep();
    expect(titles().filter((t) => t.startsWith("Review TLS certificates"))).toEqual([]);
    for (const at of [
      "2026-12-29T00:05:00Z",
      "2026-12-29T10:00:00Z",
      "2026-12-29T15:00:00Z",
      "2026-12-30T10:00:00Z",
    ]) {
      stack.emulator.clock.set(new Date(at));
      await stack.sweep();
    }
    const opened = titles().filter((t) => t.startsWith("Review TLS certificates"));
    expect(opened).toEqual(["Review TLS certificates and domain renewals (Tue 29 Dec)"]);
    const issue = maintenanceIssues(stack, "riverside/tenant-portal").find((i) => i.title === opened[0]);
    expect(issue?.body).toContain("- [ ] List certificates expiring within 45 days");
    expect(issue?.body).toContain("Christmas Day");
  });
});
