import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { createIssueOnce } from "../../src/github/create-issue-once.js";
import { transportOf } from "../../src/github/transport.js";
import { startStack, type Stack } from "../e2e/harness.js";

const SUPPORT = "northgate/support";
const CONFIG = readFileSync(".github/firstline.yml", "utf8");

const openIssues = (stack: Stack, repo: string, marker: string) =>
  stack.emulator
    .dump()
    .repos.find((r) => r.fullName === repo)
    ?.issues.filter(
      (i) => i.state === "open" && i.author === "firstline[bot]" && (i.body ?? "").includes(marker),
    ) ?? [];

describe("every issue Firstline creates exists exactly once", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ seed: agencySeed(), now: new Date("2026-12-02T10:30:00Z") });
  });
  afterAll(async () => stack.close());

  it("three overlapping sweeps on a fresh installation, the first creation's answer lost: one dashboard and one of each maintenance ticket", async () => {
    stack.emulator.faults.set({ loseAnswerNext: 1, loseAnswerMatching: `/repos/${SUPPORT}/issues$` });
    await Promise.all([stack.sweep(), stack.sweep(), stack.sweep()]);
    stack.emulator.faults.reset();
    expect(openIssues(stack, SUPPORT, "<!-- firstline:dashboard -->")).toHaveLength(1);
    const upkeep = openIssues(stack, "acme/website", "firstline:maintenance");
    expect(upkeep.length).toBeGreaterThan(0);
    expect(new Set(upkeep.map((i) => i.title)).size).toBe(upkeep.length);
  });

  it("a maintenance ticket whose creation's answer is lost is opened once", async () => {
    stack.emulator.faults.set({
      loseAnswerNext: 1,
      loseAnswerMatching: "/repos/riverside/tenant-portal/issues$",
    });
    stack.emulator.clock.set(new Date("2026-12-03T10:30:00Z"));
    await stack.sweep();
    stack.emulator.clock.set(new Date("2026-12-03T10:35:00Z"));
    await stack.sweep();
    stack.emulator.faults.reset();
    const upkeep = openIssues(stack, "riverside/tenant-portal", "firstline:maintenance");
    expect(new Set(upkeep.map((i) => i.title)).size).toBe(upkeep.length);
  });

  it("an alert issue whose creation's answer is lost, and the same alert twice at once: one issue, paged once", async () => {
    stack.emulator.clock.set(new Date("2026-12-05T02:00:00Z"));
    stack.emulator.faults.set({ loseAnswerNext: 1, loseAnswerMatching: "/repos/acme/website/issues$" });
    const alert = { name: "SiteDown", severity: "critical", client: "acme", summary: "The website is down" };
    await stack.alert(alert);
    stack.emulator.faults.reset();
    expect(
      openIssues(stack, "acme/website", "firstline:alert").filter((i) => i.title.includes("SiteDown")),
    ).toHaveLength(1);
    const twin = { name: "DiskFull", severity: "critical", client: "acme", summary: "The disk is full" };
    await Promise.all([stack.alert(twin), stack.alert(twin)]);
    const issues = openIssues(stack, "acme/website", "firstline:alert").filter((i) =>
      i.title.includes("DiskFull"),
    );
    expect(issues).toHaveLength(1);
  });

  it("the configuration-problem issue whose creation's answer is lost is opened once", async () => {
    stack.emulator.clock.set(new Date("2026-12-07T11:00:00Z"));
    stack.emulator.faults.set({ loseAnswerNext: 1, loseAnswerMatching: `/repos/${SUPPORT}/issues$` });
    stack.emulator.push(SUPPORT, {
      files: {
        ".github/firstline.yml": CONFIG.replace(
          "plan: standard\n    outOfHours: false",
          "plan: gold\n    outOfHours: false",
        ),
      },
      sender: "dana-whitfield",
    });
    await stack.settle();
    stack.emulator.faults.reset();
    expect(openIssues(stack, SUPPORT, "firstline:config-problem")).toHaveLength(1);
    stack.emulator.push(SUPPORT, { files: { ".github/firstline.yml": CONFIG }, sender: "dana-whitfield" });
    await stack.settle();
    expect(openIssues(stack, SUPPORT, "firstline:config-problem")).toHaveLength(0);
  });

  it("createIssueOnce itself: a lost answer and a racing twin leave one issue", async () => {
    const gh = transportOf(stack.as("northgate-ops"));
    stack.emulator.faults.set({ loseAnswerNext: 1, loseAnswerMatching: `/repos/${SUPPORT}/issues$` });
    const fields = {
      title: "Rota for the week",
      body: "Who is on.\n<!-- firstline:rota-week:2099-01-07 -->",
    };
    const [a, b] = await Promise.all([
      createIssueOnce({ gh, repo: SUPPORT, botLogin: "northgate-ops", fields }),
      createIssueOnce({ gh, repo: SUPPORT, botLogin: "northgate-ops", fields }),
    ]);
    stack.emulator.faults.reset();
    expect(a.number).toBe(b.number);
    const open =
      stack.emulator
        .dump()
        .repos.find((r) => r.fullName === SUPPORT)
        ?.issues.filter((i) => i.state === "open" && (i.body ?? "").includes("rota-week:2099-01-07")) ?? [];
    expect(open).toHaveLength(1);
  });
});
