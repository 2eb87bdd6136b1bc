import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { startStack, type Stack } from "./harness.js";

const SWAPPED = readFileSync("rota/support.yml", "utf8")
  .replace("2027-01-06: { developer: alice-okafor,", "2027-01-06: { developer: JO,")
  .replace("2027-01-13: { developer: jo-pereira,", "2027-01-13: { developer: alice-okafor,")
  .replace("developer: JO,", "developer: jo-pereira,");

describe("a rota swap pull request end to end", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ seed: agencySeed(), now: new Date("2026-12-02T11:00:00Z") });
  });
  afterAll(async () => stack.close());

  const rotaChecks = () =>
    stack.emulator
      .dump()
      .repos.find((r) => r.fullName === "northgate/support")
      ?.checkRuns.filter((c) => c.name === "Firstline rota") ?? [];
  const rotaComment = (number: number) =>
    stack.emulator
      .dump()
      .repos.find((r) => r.fullName === "northgate/support")
      ?.issues.find((i) => i.number === number)
      ?.comments.filter((c) => c.body.includes("<!-- firstline:rota-change -->")) ?? [];

  it("goes from waiting for approvals to approved, with one comment kept up to date", async () => {
    stack.emulator.push("northgate/support", {
      branch: "swap-jan",
      files: { "rota/support.yml": SWAPPED },
      sender: "alice-okafor",
    });
    const { data: pull } = await stack.as("alice-okafor").rest.pulls.create({
      owner: "northgate",
      repo: "support",
      head: "swap-jan",
      base: "main",
      title: "Swap my January week with Jo",
    });
    await stack.settle();
    let check = rotaChecks().at(-1);
    expect(check?.conclusion).toBe("failure");
    expect(check?.title).toContain("awaiting approval from");
    let comments = rotaComment(pull.number);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain("| 2027-01-06 | developer | alice-okafor | jo-pereira |");
    expect(comments[0]?.body).toContain("@jo-pereira");
    expect(comments[0]?.body).toContain("@dana-whitfield");

    // Everyone the comment says is awaited approves the head commit.
    const awaited = [...(comments[0]?.body ?? "").matchAll(/- \[ \] ([a-z-]+)/g)].map((m) => m[1] ?? "");
    expect(awaited.length).toBeGreaterThanOrEqual(2);
    for (const login of awaited) {
      await stack.as(login).rest.pulls.createReview({
        owner: "northgate",
        repo: "support",
        pull_number: pull.number,
        event: "APPROVE",
      });
      await stack.settle();
    }
    check = rotaChecks().at(-1);
    expect(check?.conclusion).toBe("success");
    comments = rotaComment(pull.number);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain("ready to merge");
  });

  it("an approval from someone unrelated counts for nothing, and a swap 5 days ahead fails on notice", async () => {
    const soon = readFileSync("rota/support.yml", "utf8").replace(
      "2026-12-09: { developer: hamza-iqbal,",
      "2026-12-09: { developer: mei-chen,",
    );
    stack.emulator.push("northgate/support", {
      branch: "late-swap",
      files: { "rota/support.yml": soon },
      sender: "mei-chen",
    });
    stack.emulator.clock.set(new Date("2026-12-04T11:00:00Z"));
    const { data: pull } = await stack.as("mei-chen").rest.pulls.create({
      owner: "northgate",
      repo: "support",
      head: "late-swap",
      base: "main",
      title: "Cover next week",
    });
    await stack.settle();
    await stack.as("bob-adeyemi").rest.pulls.createReview({
      owner: "northgate",
      repo: "support",
      pull_number: pull.number,
      event: "APPROVE",
    });
    await stack.settle();
    const comment = rotaComment(pull.number)[0]?.body ?? "";
    expect(comment).toMatch(
      /❌ week 2026-12-09 starts .* days from now: changes need at least 7 days' notice/,
    );
    expect(comment).not.toContain("- [x] bob-adeyemi");
    expect(rotaChecks().at(-1)?.conclusion).toBe("failure");
  });

  it("the author's own approval does not survive a commit someone else pushes: the check asks the author to look again", async () => {
    stack.emulator.clock.set(new Date("2026-12-04T12:00:00Z"));
    stack.emulator.push("northgate/support", {
      branch: "swap-jan-2",
      files: { "rota/support.yml": SWAPPED },
      sender: "alice-okafor",
    });
    const { data: pull } = await stack.as("alice-okafor").rest.pulls.create({
      owner: "northgate",
      repo: "support",
      head: "swap-jan-2",
      base: "main",
      title: "Swap my January week with Jo (again)",
    });
    await stack.settle();
    const awaited = [...(rotaComment(pull.number)[0]?.body ?? "").matchAll(/- \[ \] ([a-z-]+)/g)].map(
      (m) => m[1] ?? "",
    );
    expect(awaited).not.toContain("alice-okafor");
    // Jo pushes a commit of her own (a comment in the file), then everyone but the author approves it.
    stack.emulator.push("northgate/support", {
      branch: "swap-jan-2",
      files: { "rota/support.yml": `${SWAPPED}# swapped with Alice\n` },
      sender: "jo-pereira",
    });
    await stack.settle();
    for (const login of awaited) {
      await stack.as(login).rest.pulls.createReview({
        owner: "northgate",
        repo: "support",
        pull_number: pull.number,
        event: "APPROVE",
      });
      await stack.settle();
    }
    let comment = rotaComment(pull.number)[0]?.body ?? "";
    expect(comment).toMatch(/- \[ \] alice-okafor: .*look again: commits pushed by jo-pereira/);
    expect(rotaChecks().at(-1)?.conclusion).toBe("failure");
    // GitHub lets no one approve their own pull request: the author confirms with a comment review.
    await stack.as("alice-okafor").rest.pulls.createReview({
      owner: "northgate",
      repo: "support",
      pull_number: pull.number,
      event: "COMMENT",
      body: "Checked Jo's change: fine by me.",
    });
    await stack.settle();
    comment = rotaComment(pull.number)[0]?.body ?? "";
    expect(comment).toContain("- [x] alice-okafor");
    expect(rotaChecks().at(-1)?.conclusion).toBe("success");
  });
});
