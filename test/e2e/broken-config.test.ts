import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed } from "../../src/demo/agency-seed.js";
import { startStack, type Stack } from "./harness.js";
import { cardOf, issueOf, openIssue } from "./helpers.js";

const CONFIG = readFileSync(".github/firstline.yml", "utf8");
const BROKEN = CONFIG.replace("    plan: standard\n    outOfHours: false", "    plan: gold\n    outOfHours: false");

describe("a broken configuration end to end", () => {
  let stack: Stack;
  let waiting = 0;
  beforeAll(async () => {
    stack = await startStack({ seed: agencySeed(), now: new Date("2026-12-02T11:00:00Z") });
  });
  afterAll(async () => stack.close());

  const repo = () => stack.emulator.dump().repos.find((r) => r.fullName === "riverside/tenant-portal");
  const problemIssues = () => repo()?.issues.filter((i) => i.title === "Firstline cannot read its configuration") ?? [];

  it("a push that breaks it gets a failing check run on the bad line and one issue saying why; tickets there wait, others are served", async () => {
    expect(BROKEN).not.toBe(CONFIG);
    stack.emulator.push("riverside/tenant-portal", { files: { ".github/firstline.yml": BROKEN }, sender: "erin-walsh", message: "Move Riverside to the gold plan" });
    await stack.settle();
    const check = repo()?.checkRuns.find((c) => c.name === "Firstline configuration");
    expect(check?.conclusion).toBe("failure");
    expect(check?.annotations).toBe(1);
    expect(problemIssues()).toHaveLength(1);
    expect(problemIssues()[0]?.body).toMatch(/clients\[1\]\.plan: unknown plan "gold"/);

    waiting = await openIssue(stack, { as: "rosa", repo: "riverside/tenant-portal", at: "2026-12-02T11:10:00Z", title: "Please update the footer", body: "Please change the footer text." });
    expect(issueOf(stack, "riverside/tenant-portal", waiting).comments).toHaveLength(0);
    expect(problemIssues()).toHaveLength(1);

    const served = await openIssue(stack, { as: "pat", repo: "acme/website", at: "2026-12-02T11:15:00Z", title: "Please update the footer", body: "Please change the footer text." });
    expect(cardOf(issueOf(stack, "acme/website", served))).toContain("Acme Borough Council");
  });

  it("the push that fixes it passes the check, closes the issue, and the next ticket gets its card", async () => {
    stack.emulator.clock.set(new Date("2026-12-02T12:00:00Z"));
    stack.emulator.push("riverside/tenant-portal", { files: { ".github/firstline.yml": CONFIG }, sender: "erin-walsh", message: "Back to standard" });
    await stack.settle();
    expect(repo()?.checkRuns.filter((c) => c.name === "Firstline configuration").at(-1)?.conclusion).toBe("success");
    expect(problemIssues()[0]?.state).toBe("closed");
    const next = await openIssue(stack, { as: "rosa", repo: "riverside/tenant-portal", at: "2026-12-02T12:10:00Z", title: "Please update the header", body: "Please change the header text." });
    expect(cardOf(issueOf(stack, "riverside/tenant-portal", next))).toContain("Riverside Housing Trust");
    // Nothing was lost: the next sweep brings the ticket that came in while it was broken up to date.
    await stack.sweep();
    expect(cardOf(issueOf(stack, "riverside/tenant-portal", waiting))).toContain("Riverside Housing Trust");
  });
});
