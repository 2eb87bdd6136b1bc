import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { startStack, SWEEP_SECRET, type Stack } from "./harness.js";
import { cardOf, comment, issueOf, openIssue } from "./helpers.js";

async function sweep(stack: Stack, at: string): Promise<unknown> {
  stack.emulator.clock.set(new Date(at));
  const response = await fetch(`${stack.app.url}/firstline/sweep`, {
    method: "POST",
    headers: { authorization: `Bearer ${SWEEP_SECRET}` },
  });
  expect(response.status).toBe(200);
  await stack.settle();
  return response.json();
}

const notices = (stack: Stack, repo: string, number: number, kind: "at risk" | "breached") =>
  issueOf(stack, repo, number).comments.filter((c) =>
    c.body.includes(kind === "breached" ? "**SLA breached**" : "**SLA at risk**"),
  );

describe("the SLA sweep end to end", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ seed: agencySeed(), now: new Date("2026-12-02T09:00:00Z") });
  });
  afterAll(async () => stack.close());

  it("refuses a sweep without the secret", async () => {
    const response = await fetch(`${stack.app.url}/firstline/sweep`, { method: "POST" });
    expect(response.status).toBe(401);
  });

  it("a quiet ticket crosses at risk, then breached: one notice each over many sweeps, mentioning the support pair, and the dashboard lists it", async () => {
    const number = await openIssue(stack, {
      as: "rosa",
      repo: "riverside/tenant-portal",
      at: "2026-12-03T10:00:00Z",
      title: "Please update the board members page",
      body: "Please change the names on the board page.",
    });
    await sweep(stack, "2026-12-03T15:00:00Z"); // 5 of 8 working hours: running
    expect(notices(stack, "riverside/tenant-portal", number, "at risk")).toHaveLength(0);
    await sweep(stack, "2026-12-03T16:10:00Z"); // past 75%
    await sweep(stack, "2026-12-03T16:20:00Z");
    const atRisk = notices(stack, "riverside/tenant-portal", number, "at risk");
    expect(atRisk).toHaveLength(1);
    expect(atRisk[0]?.body).toMatch(/^@[a-z-]+ @[a-z-]+: \*\*SLA at risk\*\*/);
    expect(issueOf(stack, "riverside/tenant-portal", number).labels).toContain("sla: at risk");
    await sweep(stack, "2026-12-03T18:05:00Z");
    await sweep(stack, "2026-12-04T10:30:00Z");
    expect(notices(stack, "riverside/tenant-portal", number, "breached")).toHaveLength(1);
    const issue = issueOf(stack, "riverside/tenant-portal", number);
    expect(issue.labels).toContain("sla: breached");
    expect(issue.labels).not.toContain("sla: at risk");
    expect(cardOf(issue)).toContain("🔴 breached");
    const dashboard = stack.emulator
      .dump()
      .repos.find((r) => r.fullName === "northgate/support")
      ?.issues.filter((i) => i.title.startsWith("Firstline dashboard"));
    expect(dashboard).toHaveLength(1);
    expect(dashboard?.[0]?.body).toContain(`riverside/tenant-portal#${number}`);
    expect(dashboard?.[0]?.body).toMatch(/### SLA breached \(1\)/);
  });

  it("a second sweep right after writes nothing", async () => {
    await sweep(stack, "2026-12-04T10:31:00Z");
    stack.emulator.log.reset();
    await sweep(stack, "2026-12-04T10:32:00Z");
    expect(stack.emulator.log.summary().writes).toBe(0);
  });

  it("a paused ticket does not breach, and a weekend brings no notices for working-hours tickets", async () => {
    const paused = await openIssue(stack, {
      as: "rosa",
      repo: "riverside/tenant-portal",
      at: "2026-12-11T11:00:00Z",
      title: "Please update the logo",
      body: "Please change the logo in the header.",
    });
    await comment(stack, {
      as: "alice-okafor",
      repo: "riverside/tenant-portal",
      number: paused,
      at: "2026-12-11T11:30:00Z",
      body: "/waiting",
    }); // triage only: not a response, so the clock would run but for the pause
    const weekend = await openIssue(stack, {
      as: "rosa",
      repo: "riverside/tenant-portal",
      at: "2026-12-11T17:30:00Z",
      title: "Please update the footer text",
      body: "Please change the footer.",
    });
    for (const at of [
      "2026-12-12T09:00:00Z",
      "2026-12-12T21:00:00Z",
      "2026-12-13T12:00:00Z",
      "2026-12-14T09:59:00Z",
    ])
      await sweep(stack, at);
    expect(notices(stack, "riverside/tenant-portal", weekend, "at risk")).toHaveLength(0);
    expect(notices(stack, "riverside/tenant-portal", paused, "breached")).toHaveLength(0);
    expect(cardOf(issueOf(stack, "riverside/tenant-portal", paused))).toContain("⏸️ paused");
  });

  it("a P1 at 02:00 for a client with out-of-hours cover reaches the on-call person, not the support pair", async () => {
    const number = await openIssue(stack, {
      as: "pat",
      repo: "acme/website",
      at: "2026-12-13T02:00:00Z",
      title: "Site down",
      body: "The whole site is down, outage since 01:50. Steps: 1. open https://acme.example 2. see 502. Expected the home page but it shows 502.",
    });
    await sweep(stack, "2026-12-13T02:25:00Z");
    const atRisk = notices(stack, "acme/website", number, "at risk");
    expect(atRisk).toHaveLength(1);
    expect(atRisk[0]?.body).toMatch(/^@[a-z-]+: \*\*SLA at risk\*\*/);
  });

  it("a reopened old ticket raises no breach at once", async () => {
    const number = await openIssue(stack, {
      as: "rosa",
      repo: "riverside/tenant-portal",
      at: "2026-12-14T10:00:00Z",
      title: "Please update the phone number",
      body: "Please change the phone number.",
    });
    await comment(stack, {
      as: "alice-okafor",
      repo: "riverside/tenant-portal",
      number,
      at: "2026-12-14T10:30:00Z",
      body: "Done, thanks.",
    });
    stack.emulator.clock.set(new Date("2026-12-14T10:31:00Z"));
    await stack.as("alice-okafor").rest.issues.update({
      owner: "riverside",
      repo: "tenant-portal",
      issue_number: number,
      state: "closed",
    });
    await stack.settle();
    stack.emulator.clock.set(new Date("2027-01-20T11:00:00Z"));
    await stack
      .as("rosa")
      .rest.issues.update({ owner: "riverside", repo: "tenant-portal", issue_number: number, state: "open" });
    await stack.settle();
    await sweep(stack, "2027-01-20T11:05:00Z");
    expect(notices(stack, "riverside/tenant-portal", number, "breached")).toHaveLength(0);
    expect(cardOf(issueOf(stack, "riverside/tenant-portal", number))).toContain("reopened, cycle 2");
  });
});
