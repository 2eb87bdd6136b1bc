import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { startStack, type Stack } from "../e2e/harness.js";
import { cardOf, comment, issueOf } from "../e2e/helpers.js";

const PORTAL = "riverside/tenant-portal";
const STAFF = "alice-okafor";

/** 150 comments from the client, one a minute from 10:01, then the staff reply at 12:40. */
function longThread() {
  const comments = Array.from({ length: 150 }, (_, i) => ({
    author: "rosa",
    body: `Any news? (${i + 1})`,
    createdAt: new Date(Date.parse("2026-12-02T10:01:00Z") + i * 60_000).toISOString(),
  }));
  return [
    ...comments,
    { author: STAFF, body: "Sorry for the wait: fixed now.", createdAt: "2026-12-02T12:40:00Z" },
  ];
}

describe("tickets are read to the end, however long", () => {
  let stack: Stack;
  beforeAll(async () => {
    const seed = agencySeed();
    stack = await startStack({
      seed: {
        ...seed,
        issues: [
          {
            repo: PORTAL,
            title: "Long thread",
            author: "rosa",
            labels: ["client: riverside", "priority: P3", "type: question"],
            labeledBy: STAFF,
            createdAt: "2026-12-02T10:00:00Z",
            comments: longThread(),
          },
        ],
      },
      now: new Date("2026-12-02T13:00:00Z"),
    });
  });
  afterAll(async () => stack.close());

  it("150 client comments then a staff reply: met, and no notice over three sweeps", async () => {
    for (const at of ["2026-12-02T13:00:00Z", "2026-12-03T10:30:00Z", "2026-12-04T17:00:00Z"]) {
      stack.emulator.clock.set(new Date(at));
      await stack.sweep();
    }
    const issue = issueOf(stack, PORTAL, 1);
    expect(cardOf(issue)).toMatch(/\| First response \| 8 working hours \| [^|]+ \| ✅ met \|/);
    expect(issue.comments.filter((c) => c.body.includes("firstline:notice"))).toEqual([]);
  }, 60_000);

  it("110 label events then /priority P2: the priority is read from past the first hundred events", async () => {
    const [owner = "", repo = ""] = PORTAL.split("/");
    stack.emulator.clock.set(new Date("2026-12-07T10:00:00Z"));
    const { data } = await stack.as("rosa").rest.issues.create({
      owner,
      repo,
      title: "Busy labels",
      body: "Please change the footer text to say 2027.",
    });
    await stack.settle();
    for (let i = 0; i < 55; i++) {
      await stack
        .as(STAFF)
        .rest.issues.addLabels({ owner, repo, issue_number: data.number, labels: ["docs"] });
      await stack.as(STAFF).rest.issues.removeLabel({ owner, repo, issue_number: data.number, name: "docs" });
    }
    await stack.settle();
    await comment(stack, {
      as: STAFF,
      repo: PORTAL,
      number: data.number,
      at: "2026-12-07T10:30:00Z",
      body: "/priority P2",
    });
    const issue = issueOf(stack, PORTAL, data.number);
    expect(issue.labels).toContain("priority: P2");
    expect(cardOf(issue)).toContain("| Priority | P2");
    stack.emulator.clock.set(new Date("2026-12-07T10:40:00Z"));
    await stack.sweep();
    expect(cardOf(issueOf(stack, PORTAL, data.number))).toContain("| Priority | P2");
  }, 120_000);
});
