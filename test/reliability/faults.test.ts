import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiProxy, type ApiProxy } from "./helpers/api-proxy.js";
import {
  BOT,
  botIssues,
  cardCount,
  duplicateMarkers,
  ticketViolations,
  issueDump,
} from "./helpers/invariants.js";
import { clientRepos, reliabilitySeed, SUPPORT_REPO } from "./helpers/seed.js";
import {
  createComment,
  createIssue,
  startReliabilityStack,
  WEBHOOK_SECRET,
  type Stack,
} from "./helpers/stack.js";
import { openedDelivery, postWebhook } from "./helpers/webhooks.js";

const [SITE1 = "", SITE2 = "", SITE3 = ""] = clientRepos(3);

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

const failedDeliveries = (stack: Stack, from: number) =>
  stack.emulator
    .deliveries()
    .slice(from)
    // 202: the app answered after 9 s and carried on (octokit/webhooks' timeout), as GitHub allows.
    .filter((d) => d.status !== 200 && d.status !== 202)
    .map((d) => `${d.event}.${d.action}: ${d.status ?? d.error}`);

const botFaults = (stack: Stack, kind: "server-error" | "secondary-rate-limit") =>
  stack.emulator.log.summary().requests.filter((r) => r.actor === BOT && r.fault === kind).length;

// The app's own Octokit (src/app/server.ts: Probot's retry and throttling plugins, secondary rate
// limits waited out), its waits shortened from seconds to milliseconds: see RetryMode "scaled".
describe("GitHub failing under the app: 502s and secondary rate limits, with the production retries and throttling", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startReliabilityStack({
      seed: reliabilitySeed({ count: 3, labels: true }),
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
    // 6 of 8 working hours gone (30 minutes were paused waiting for details): at risk.
    stack.emulator.clock.set(new Date("2026-12-02T16:40:00Z"));
    const sweeps = [(await stack.sweep()) as { status: number }, (await stack.sweep()) as { status: number }];
    stack.emulator.faults.reset();

    expect(sweeps.map((s) => s.status)).toEqual([200, 200]);
    expect(failedDeliveries(stack, from)).toEqual([]);
    expect(botFaults(stack, "server-error")).toBeGreaterThan(0);
    const dump = stack.emulator.dump();
    expect(ticketViolations(dump, [SITE1])).toEqual([]);
    const issue = issueDump(stack, SITE1, bug);
    expect(issue.labels).not.toContain("needs: info");
    expect(issue.labels).toContain("sla: at risk");
    expect(issue.comments.filter((c) => c.body.includes("**SLA at risk**"))).toHaveLength(1);
    expect(botIssues(dump, SUPPORT_REPO, "Firstline dashboard")).toHaveLength(1);
  });

  it("secondary rate limits with retry-after 1 s: webhooks and sweeps wait and finish", async () => {
    stack.emulator.clock.set(new Date("2026-12-03T10:00:00Z"));
    stack.emulator.faults.set({ secondaryRateLimitShare: 0.1, retryAfterSeconds: 1, seed: 5 });
    try {
      const from = stack.emulator.deliveries().length;
      const number = await persist(() =>
        createIssue(stack, {
          as: "pat",
          repo: SITE2,
          title: "Please update the footer",
          body: "Please change the footer text.",
        }),
      );
      await stack.settle();
      stack.emulator.clock.set(new Date("2026-12-03T16:10:00Z"));
      const sweep = (await stack.sweep()) as { status: number };
      expect(botFaults(stack, "secondary-rate-limit")).toBeGreaterThan(0);
      expect(failedDeliveries(stack, from)).toEqual([]);
      expect(sweep.status).toBe(200);
      const issue = issueDump(stack, SITE2, number);
      expect(cardCount(issue)).toBe(1);
      expect(issue.labels).toEqual(expect.arrayContaining(["client: bigco", "priority: P3", "sla: at risk"]));
    } finally {
      stack.emulator.faults.reset();
    }
  });

  it("after heavy rate limiting lifts, the next sweep brings every ticket up to date, with nothing doubled", async () => {
    stack.emulator.clock.set(new Date("2026-12-04T10:00:00Z"));
    stack.emulator.faults.set({ secondaryRateLimitShare: 0.6, retryAfterSeconds: 1, seed: 11 });
    const number = await persist(() =>
      createIssue(stack, {
        as: "pat",
        repo: SITE3,
        title: "Please update the header",
        body: "Please change the header text.",
      }),
    );
    await stack.settle();
    stack.emulator.clock.set(new Date("2026-12-04T16:10:00Z"));
    await stack.sweep();
    stack.emulator.faults.reset();
    const after = (await stack.sweep()) as { status: number };
    await stack.sweep();
    expect(after.status).toBe(200);
    expect(ticketViolations(stack.emulator.dump(), [SITE1, SITE2, SITE3])).toEqual([]);
    const issue = issueDump(stack, SITE3, number);
    // The triage labels are another matter: see redelivery.test.ts.
    expect(issue.labels).toContain("sla: at risk");
    expect(issue.comments.filter((c) => c.body.includes("**SLA at risk**"))).toHaveLength(1);
    expect(botIssues(stack.emulator.dump(), SUPPORT_REPO, "Firstline dashboard")).toHaveLength(1);
  });
});

// Regression guard (fixed): Octokit's retry plugin (on in production, src/app/server.ts firstlineProbotOctokit) retries
// any request answered 5xx, POSTs included. When GitHub has written a comment but answers 502 (it
// happens: the answer is lost, not the write), the retry writes it again: a second card, or the
// same notice twice, each with its marker. src/github/apply-actions.ts:45 sends `create-comment`
// with the default retries. Fix: send comment (and issue) creations with `request: { retries: 0 }`
// and leave a failed one to the next webhook or sweep, which reads the issue and finds the marker
// if the write did land; or, before retrying a creation, read the comments for its marker.
describe("GitHub answering 502 to a comment it did write, with the production retries", () => {
  let stack: Stack;
  let proxy: ApiProxy | undefined;
  /** The first comment posted on the issue is written, but its answer is replaced by a 502. */
  const loseFirstCommentAnswer = (repo: string, number: number) => {
    let lost = false;
    if (proxy)
      proxy.hooks = {
        after: (request, status) => {
          if (
            lost ||
            request.method !== "POST" ||
            request.path !== `/repos/${repo}/issues/${number}/comments` ||
            status >= 400
          )
            return undefined;
          lost = true;
          return 502;
        },
      };
  };
  beforeAll(async () => {
    stack = await startReliabilityStack({
      seed: reliabilitySeed({ count: 2, labels: true }),
      now: new Date("2026-12-02T10:00:00Z"),
      retries: "scaled",
      apiThrough: async (emulator) => (proxy = await startApiProxy({ target: emulator.url })),
    });
  });
  afterAll(async () => stack.close());

  it("a new ticket's card whose answer was lost is not posted twice", async () => {
    stack.emulator.setWebhook(null);
    const number = await createIssue(stack, {
      as: "pat",
      repo: SITE1,
      title: "Please update the footer",
      body: "Please change the footer.",
    });
    await stack.settle();
    stack.emulator.setWebhook({ url: stack.app.webhookUrl, secret: WEBHOOK_SECRET });
    loseFirstCommentAnswer(SITE1, number);
    const delivery = openedDelivery(stack, SITE1, number);
    await postWebhook({
      url: stack.app.webhookUrl,
      event: "issues",
      body: delivery.body,
      id: delivery.id,
      secret: WEBHOOK_SECRET,
    });
    await stack.settle();
    if (proxy) proxy.hooks = {};
    expect(cardCount(issueDump(stack, SITE1, number))).toBe(1);
  });

  it("a notice whose answer was lost is not posted twice", async () => {
    stack.emulator.clock.set(new Date("2026-12-03T10:00:00Z"));
    const number = await createIssue(stack, {
      as: "pat",
      repo: SITE2,
      title: "Please update the header",
      body: "Please change the header.",
    });
    await stack.settle();
    stack.emulator.clock.set(new Date("2026-12-03T16:10:00Z"));
    loseFirstCommentAnswer(SITE2, number);
    await stack.sweep();
    if (proxy) proxy.hooks = {};
    await stack.sweep();
    const issue = issueDump(stack, SITE2, number);
    expect(issue.comments.filter((c) => c.body.includes("**SLA at risk**"))).toHaveLength(1);
    expect(duplicateMarkers(issue)).toEqual([]);
  });
});
