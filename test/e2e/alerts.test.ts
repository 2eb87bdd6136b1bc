import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { siteDownPayload } from "../../dev/demo/alert-payloads.js";
import { ALERTS_SECRET, startStack, SWEEP_SECRET, type Stack } from "./harness.js";
import { issueOf } from "./helpers.js";

async function post(stack: Stack, at: string, body: unknown, secret = ALERTS_SECRET) {
  stack.emulator.clock.set(new Date(at));
  const response = await fetch(`${stack.app.url}/firstline/alerts`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  await stack.settle();
  return {
    status: response.status,
    json: (await response.json()) as {
      alerts?: { outcome: string; repo: string; number: number }[];
      message?: string;
    },
  };
}

async function sweep(stack: Stack, at: string) {
  stack.emulator.clock.set(new Date(at));
  await fetch(`${stack.app.url}/firstline/sweep`, {
    method: "POST",
    headers: { authorization: `Bearer ${SWEEP_SECRET}` },
  });
  await stack.settle();
}

const siteDown = (status: "firing" | "resolved", startsAt: string) =>
  siteDownPayload({ status, startsAt, endsAt: "2026-12-06T03:40:00Z" });

describe("alerts and on-call end to end", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ seed: agencySeed(), now: new Date("2026-12-06T03:00:00Z") });
  });
  afterAll(async () => stack.close());

  it("a bad payload gets 400 with a reason and creates nothing; a wrong secret gets 401", async () => {
    const issues = () => stack.emulator.dump().repos.reduce((n, r) => n + r.issues.length, 0);
    const before = issues();
    expect((await post(stack, "2026-12-06T03:00:00Z", { version: "4", alerts: "nope" })).status).toBe(400);
    expect((await post(stack, "2026-12-06T03:00:00Z", "{not json")).status).toBe(400);
    expect(
      (await post(stack, "2026-12-06T03:00:00Z", siteDown("firing", "2026-12-06T02:58:00Z"), "wrong")).status,
    ).toBe(401);
    expect(issues()).toBe(before);
  });

  it("a critical alert at night opens a P1 alert ticket that pages the on-call primary; unacknowledged, the second line is mentioned at 5 minutes, not before", async () => {
    const fired = await post(stack, "2026-12-06T03:05:00Z", siteDown("firing", "2026-12-06T03:04:00Z"));
    expect(fired.status).toBe(200);
    const [result] = fired.json.alerts ?? [];
    expect(result?.outcome).toBe("open");
    expect(result?.repo).toBe("acme/website");
    let issue = issueOf(stack, "acme/website", result?.number ?? 0);
    expect(issue.labels).toEqual(expect.arrayContaining(["type: alert", "priority: P1", "client: acme"]));
    expect(issue.body).toMatch(/@[a-z-]+/);
    await sweep(stack, "2026-12-06T03:09:00Z");
    issue = issueOf(stack, "acme/website", result?.number ?? 0);
    expect(issue.comments.filter((c) => c.body.includes("firstline:escalation:1"))).toHaveLength(0);
    await sweep(stack, "2026-12-06T03:10:30Z");
    await sweep(stack, "2026-12-06T03:11:30Z");
    issue = issueOf(stack, "acme/website", result?.number ?? 0);
    expect(issue.comments.filter((c) => c.body.includes("firstline:escalation:1"))).toHaveLength(1);
  });

  it("a repeat of the same firing changes nothing; resolution comments and closes", async () => {
    const again = await post(stack, "2026-12-06T03:20:00Z", siteDown("firing", "2026-12-06T03:04:00Z"));
    expect(again.json.alerts?.[0]?.outcome).toBe("ignore");
    const resolved = await post(stack, "2026-12-06T03:41:00Z", siteDown("resolved", "2026-12-06T03:04:00Z"));
    const number = resolved.json.alerts?.[0]?.number ?? 0;
    expect(resolved.json.alerts?.[0]?.outcome).toBe("resolve");
    expect(issueOf(stack, "acme/website", number).state).toBe("closed");
  });

  it("acknowledged at 3 minutes by the on-call person: no escalation", async () => {
    const fired = await post(stack, "2026-12-06T04:00:00Z", {
      name: "DiskSpaceLow",
      severity: "critical",
      status: "firing",
      client: "acme",
      summary: "/var at 97%",
      startsAt: "2026-12-06T03:59:00Z",
    });
    const number = fired.json.alerts?.[0]?.number ?? 0;
    const issue = issueOf(stack, "acme/website", number);
    const paged = /@([a-z-]+)/.exec(issue.body ?? "")?.[1] ?? "";
    expect(paged).not.toBe("");
    stack.emulator.clock.set(new Date("2026-12-06T04:03:00Z"));
    await stack.as(paged).rest.issues.createComment({
      owner: "acme",
      repo: "website",
      issue_number: number,
      body: "Looking now.",
    });
    await stack.settle();
    await sweep(stack, "2026-12-06T04:06:00Z");
    await sweep(stack, "2026-12-06T04:30:00Z");
    expect(
      issueOf(stack, "acme/website", number).comments.filter((c) => c.body.includes("firstline:escalation:")),
    ).toHaveLength(0);
  });
});
