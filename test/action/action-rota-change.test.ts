import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { startEmulator, type Emulator } from "../../dev/emulator/index.js";
import { APP_KEY_PEM, userClient } from "../emulator/helpers.js";
import { resultOutput, runAction } from "../helpers/run-action.js";
import { pullRequestEventFile, workflowToken } from "./workflow-run.js";

const SWAPPED = readFileSync("rota/support.yml", "utf8")
  .replace("2027-01-06: { developer: alice-okafor,", "2027-01-06: { developer: JO,")
  .replace("2027-01-13: { developer: jo-pereira,", "2027-01-13: { developer: alice-okafor,")
  .replace("developer: JO,", "developer: jo-pereira,");

/** check-rota-change in a pull_request / pull_request_review workflow, against the emulator. */
describe("check-rota-change in the Action", () => {
  let emulator: Emulator;
  let token: string;
  beforeAll(async () => {
    emulator = await startEmulator({
      now: new Date("2026-12-02T11:00:00Z"),
      seed: agencySeed(),
      privateKeyPem: APP_KEY_PEM,
      stderr: () => undefined,
    });
    token = await workflowToken(emulator, "northgate/support");
  });
  afterAll(async () => emulator.close());

  const support = () => emulator.dump().repos.find((r) => r.fullName === "northgate/support");
  const rotaChecks = () => support()?.checkRuns.filter((c) => c.name === "Firstline rota") ?? [];
  const rotaComments = (number: number) =>
    support()
      ?.issues.find((i) => i.number === number)
      ?.comments.filter((c) => c.body.includes("<!-- firstline:rota-change -->")) ?? [];
  const runFor = (params: {
    event: "pull_request" | "pull_request_review";
    action: string;
    number: number;
    now: string;
  }) =>
    runAction({
      inputs: { command: "check-rota-change", token, "bot-login": emulator.botLogin },
      env: {
        GITHUB_API_URL: emulator.url,
        FIRSTLINE_NOW: params.now,
        GITHUB_EVENT_NAME: params.event,
        GITHUB_EVENT_PATH: pullRequestEventFile({
          event: params.event,
          action: params.action,
          repo: "northgate/support",
          number: params.number,
        }),
      },
    });

  it("fails while approvals are awaited, then passes once everyone affected approves, with one comment kept up to date", async () => {
    emulator.push("northgate/support", {
      branch: "swap-jan",
      files: { "rota/support.yml": SWAPPED },
      sender: "alice-okafor",
    });
    const { data: pull } = await userClient(emulator, "alice-okafor").rest.pulls.create({
      owner: "northgate",
      repo: "support",
      head: "swap-jan",
      base: "main",
      title: "Swap my January week with Jo",
    });

    const opened = await runFor({
      event: "pull_request",
      action: "opened",
      number: pull.number,
      now: "2026-12-02T11:05:00Z",
    });
    expect(opened.stderr).toBe("");
    expect(opened.code).toBe(1);
    expect(opened.stdout).toMatch(/::error::the rota change may not be merged yet: awaiting approval from /);
    expect(rotaChecks().at(-1)?.conclusion).toBe("failure");
    expect(resultOutput(opened.output)).toMatchObject({
      verdict: "fail",
      comment: "created",
      changes: [
        { week: "2027-01-06", slot: "developer" },
        { week: "2027-01-13", slot: "developer" },
      ],
    });
    expect(opened.summary).toContain(`## Firstline rota: northgate/support#${pull.number}`);
    expect(opened.summary).toContain("**Fail**: awaiting approval from");
    const comment = rotaComments(pull.number);
    expect(comment).toHaveLength(1);
    expect(comment[0]?.author).toBe(emulator.botLogin);
    expect(comment[0]?.body).toContain("| 2027-01-06 | developer | alice-okafor | jo-pereira |");

    const awaited = [...(comment[0]?.body ?? "").matchAll(/- \[ \] ([a-z-]+)/g)].map((m) => m[1] ?? "");
    expect(awaited.length).toBeGreaterThanOrEqual(2);
    for (const login of awaited)
      await userClient(emulator, login).rest.pulls.createReview({
        owner: "northgate",
        repo: "support",
        pull_number: pull.number,
        event: "APPROVE",
      });

    const reviewed = await runFor({
      event: "pull_request_review",
      action: "submitted",
      number: pull.number,
      now: "2026-12-02T15:00:00Z",
    });
    expect(reviewed.stdout).not.toContain("::error");
    expect(reviewed.code).toBe(0);
    expect(resultOutput(reviewed.output)).toMatchObject({
      verdict: "pass",
      blocking: [],
      comment: "updated",
    });
    expect(rotaChecks().at(-1)?.conclusion).toBe("success");
    expect(rotaComments(pull.number)).toHaveLength(1);
    expect(rotaComments(pull.number)[0]?.body).toContain("ready to merge");
  });

  it("a pull request that leaves the rota alone is skipped with a notice", async () => {
    emulator.push("northgate/support", {
      branch: "typo",
      files: { "runbooks/site-down.md": "# Site down\n" },
      sender: "bob-adeyemi",
    });
    const { data: pull } = await userClient(emulator, "bob-adeyemi").rest.pulls.create({
      owner: "northgate",
      repo: "support",
      head: "typo",
      base: "main",
      title: "Shorter runbook",
    });
    const run = await runFor({
      event: "pull_request",
      action: "opened",
      number: pull.number,
      now: "2026-12-02T16:00:00Z",
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("::notice::nothing to check: no file under rota/ changed");
    expect(resultOutput(run.output)).toEqual({ verdict: "skipped", why: "no file under rota/ changed" });
  });

  it("refuses, naming the event, when the workflow was not started by a pull request", async () => {
    const run = await runAction({
      inputs: { command: "check-rota-change", token, "bot-login": emulator.botLogin },
      env: {
        GITHUB_API_URL: emulator.url,
        GITHUB_EVENT_NAME: "schedule",
        GITHUB_EVENT_PATH: "/nonexistent/event.json",
      },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "::error::check-rota-change runs on pull_request and pull_request_review events; this run was started by a schedule event",
    );
  });
});
