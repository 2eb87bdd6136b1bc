import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { startStack, type Stack } from "./harness.js";
import { cardOf, issueOf, openIssue } from "./helpers.js";

const CONFIG = readFileSync(".github/firstline.yml", "utf8");
const BROKEN = CONFIG.replace(
  "    plan: standard\n    outOfHours: false",
  "    plan: gold\n    outOfHours: false",
);

describe("a broken configuration end to end", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ seed: agencySeed(), now: new Date("2026-12-02T11:00:00Z") });
    // The app reads the configuration once while it is good.
    await openIssue(stack, {
      as: "rosa",
      repo: "riverside/tenant-portal",
      at: "2026-12-02T11:01:00Z",
      title: "Please update the banner",
      body: "Please change the banner text.",
    });
  });
  afterAll(async () => stack.close());

  const support = () => stack.emulator.dump().repos.find((r) => r.fullName === "northgate/support");
  const problemIssues = () =>
    support()?.issues.filter((i) => i.title === "Firstline cannot read its configuration") ?? [];

  it("a push that breaks it gets a failing check run on the bad line and one issue in the support repository; tickets are still served with the last good configuration", async () => {
    expect(BROKEN).not.toBe(CONFIG);
    stack.emulator.push("northgate/support", {
      files: { ".github/firstline.yml": BROKEN },
      sender: "erin-walsh",
      message: "Move Riverside to the gold plan",
    });
    await stack.settle();
    const check = support()?.checkRuns.find((c) => c.name === "Firstline configuration");
    expect(check?.conclusion).toBe("failure");
    expect(check?.annotations).toBe(1);
    expect(problemIssues()).toHaveLength(1);
    expect(problemIssues()[0]?.body).toMatch(/clients\[1\]\.plan: unknown plan "gold"/);

    const served = await openIssue(stack, {
      as: "rosa",
      repo: "riverside/tenant-portal",
      at: "2026-12-02T11:10:00Z",
      title: "Please update the footer",
      body: "Please change the footer text.",
    });
    expect(cardOf(issueOf(stack, "riverside/tenant-portal", served))).toContain("Riverside Housing Trust");
    expect(problemIssues()).toHaveLength(1);
  });

  it("the push that fixes it passes the check, closes the issue, and tickets go on being carded", async () => {
    stack.emulator.clock.set(new Date("2026-12-02T12:00:00Z"));
    stack.emulator.push("northgate/support", {
      files: { ".github/firstline.yml": CONFIG },
      sender: "erin-walsh",
      message: "Back to standard",
    });
    await stack.settle();
    expect(
      support()
        ?.checkRuns.filter((c) => c.name === "Firstline configuration")
        .at(-1)?.conclusion,
    ).toBe("success");
    expect(problemIssues()[0]?.state).toBe("closed");
    const next = await openIssue(stack, {
      as: "rosa",
      repo: "riverside/tenant-portal",
      at: "2026-12-02T12:10:00Z",
      title: "Please update the header",
      body: "Please change the header text.",
    });
    expect(cardOf(issueOf(stack, "riverside/tenant-portal", next))).toContain("Riverside Housing Trust");
  });

  it("a configuration pushed to a client repository is not checked and changes nothing there", async () => {
    stack.emulator.push("riverside/tenant-portal", {
      files: { ".github/firstline.yml": BROKEN },
      sender: "erin-walsh",
      message: "A stray copy",
    });
    await stack.settle();
    const portal = stack.emulator.dump().repos.find((r) => r.fullName === "riverside/tenant-portal");
    expect(portal?.checkRuns.filter((c) => c.name === "Firstline configuration")).toEqual([]);
    expect(portal?.issues.filter((i) => i.title === "Firstline cannot read its configuration")).toEqual([]);
  });
});
