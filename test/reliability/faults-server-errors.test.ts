import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOT, botIssues, ticketViolations } from "./helpers/invariants.js";
import { clientRepos, reliabilitySeed, SUPPORT_REPO } from "./helpers/seed.js";
import { createComment, createIssue, startReliabilityStack, type Stack } from "./helpers/stack.js";

const [SITE1 = ""] = clientRepos(1);

/** People's own calls meet the same faults; they simply try again, as a person in a browser would. */
async function persist<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= 30) throw error;
    }
  }
}

function issueDump(stack: Stack, repo: string, number: number) {
  const issue = stack.emulator
    .dump()
    .repos.find((r) => r.fullName === repo)
    ?.issues.find((i) => i.number === number);
  if (!issue) throw new Error(`no issue ${repo}#${number}`);
  return issue;
}

const failedDeliveries = (stack: Stack, from: number) =>
  stack.emulator
    .deliveries()
    .slice(from)
    // 202: the app answered after 9 s and carried on (octokit/webhooks' timeout), as GitHub allows.
    .filter((d) => d.status !== 200 && d.status !== 202)
    .map((d) => `${d.event}.${d.action}: ${d.status ?? d.error}`);

const botFaults = (stack: Stack, kind: "server-error") =>
  stack.emulator.log.summary().requests.filter((r) => r.actor === BOT && r.fault === kind).length;

describe("GitHub answering 502 to the app, with Probot's retry and throttling plugins on (as in production)", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startReliabilityStack({
      seed: reliabilitySeed({ count: 1, labels: true }),
      now: new Date("2026-12-02T10:00:00Z"),
      retries: "scaled",
    });
  });
  afterAll(async () => stack.close());

  it("10% of calls answer 502: handlers and sweeps finish, every card, label and notice is there once", async () => {
    stack.emulator.clock.set(new Date("2026-12-02T10:00:00Z"));
    stack.emulator.faults.set({ serverErrorShare: 0.1, seed: 42 });
    const from = stack.emulator.deliveries().length;
    const bug = await persist(() =>
      createIssue(stack, { as: "pat", repo: SITE1, title: "Login is broken", body: "I can't get in." }),
    );
    await stack.settle();
    stack.emulator.clock.set(new Date("2026-12-02T10:30:00Z"));
    await persist(() =>
      createComment(stack, {
        as: "pat",
        repo: SITE1,
        number: bug,
        body: "Steps: 1. open https://example.test/login 2. sign in. Expected my dashboard but it shows an error.",
      }),
    );
    await stack.settle();
    stack.emulator.clock.set(new Date("2026-12-02T16:40:00Z")); // 6 of 8 working hours gone (30 minutes were paused waiting for details): at risk
    const sweeps = [(await stack.sweep()) as { status: number }, (await stack.sweep()) as { status: number }];
    stack.emulator.faults.reset();

    expect(sweeps.map((s) => s.status)).toEqual([200, 200]);
    expect(failedDeliveries(stack, from)).toEqual([]);
    expect(botFaults(stack, "server-error")).toBeGreaterThan(0);
    const dump = stack.emulator.dump();
    expect(ticketViolations(dump, [SITE1])).toEqual([]);
    expect(issueDump(stack, SITE1, bug).labels).not.toContain("needs: info");
    expect(issueDump(stack, SITE1, bug).labels).toContain("sla: at risk");
    expect(
      issueDump(stack, SITE1, bug).comments.filter((c) => c.body.includes("**SLA at risk**")),
    ).toHaveLength(1);
    expect(botIssues(dump, SUPPORT_REPO, "Firstline dashboard")).toHaveLength(1);
  }, 60_000);
});
