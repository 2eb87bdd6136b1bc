import { describe, expect, it } from "vitest";
import { firstlineConfigSchema } from "../../src/core/config/firstline-config.js";
import { deliveryRank } from "../../src/core/delivery-priority.js";

const config = firstlineConfigSchema.parse({
  clients: [{ id: "acme", name: "Acme", repos: ["acme/website"] }],
});
const opened = (title: string, labels: string[] = []) => ({
  action: "opened",
  issue: { title, body: null, labels: labels.map((name) => ({ name })) },
  repository: { full_name: "acme/website" },
});

describe("which queued delivery is written first", () => {
  it.each([
    { case: "a security alert", name: "dependabot_alert", payload: {}, rank: 1 },
    {
      case: "an outage, triaged from the opening",
      name: "issues",
      payload: opened("The website is down"),
      rank: 1,
    },
    { case: "a routine change", name: "issues", payload: opened("Please update the opening hours"), rank: 3 },
    {
      case: "a ticket labelled P2",
      name: "issue_comment",
      payload: { ...opened("Slow"), action: "created" },
      rank: 2,
    },
    {
      case: "a P1 label beats the words",
      name: "issues",
      payload: opened("Please update the opening hours", ["priority: P1"]),
      rank: 1,
    },
    { case: "a hostile payload", name: "issues", payload: { issue: "nope" }, rank: 3 },
    { case: "a push", name: "push", payload: { ref: "refs/heads/main" }, rank: 3 },
  ])("$case: rank $rank", ({ name, payload, rank }) => {
    const labelled =
      name === "issue_comment"
        ? {
            ...payload,
            issue: { ...(payload as ReturnType<typeof opened>).issue, labels: [{ name: "priority: P2" }] },
          }
        : payload;
    expect(deliveryRank({ name, payload: labelled, config })).toBe(rank);
  });

  it("before any configuration has been read, ranks an opening with the built-in rules: an outage is still urgent", () => {
    const rank = (title: string) =>
      deliveryRank({ name: "issues", payload: opened(title), config: undefined });
    expect(rank("The website is down")).toBe(1);
    expect(rank("Please update the footer")).toBe(3);
  });
});
