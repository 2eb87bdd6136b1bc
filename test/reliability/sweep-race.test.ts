import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { holdFirstUntilSecond, startApiProxy, type ApiProxy } from "./helpers/api-proxy.js";
import { cardCount, duplicateMarkers, issueDump } from "./helpers/invariants.js";
import { clientRepos, reliabilitySeed } from "./helpers/seed.js";
import { createIssue, startReliabilityStack, WEBHOOK_SECRET, type Stack } from "./helpers/stack.js";
import { openedDelivery, postWebhook } from "./helpers/webhooks.js";

const [SITE1 = "", SITE2 = ""] = clientRepos(2);

/**
 * The sweep plans every ticket from one search read, and a webhook for the same ticket handled
 * meanwhile plans from the same state: both posted (two cards, or the same notice twice) until
 * ffc97d2 made the sweep post comments only from a fresh read under the ticket's lock. With GitHub
 * answering in ~20 ms it happened by itself; here a proxy holds the first comment back until the
 * second is written (or half a second has passed), so a regression shows every time.
 */
describe("a sweep running while webhooks for the same tickets are handled", () => {
  let stack: Stack;
  let proxy: ApiProxy | undefined;
  /** Holds the first comment posted on the ticket until a second one is posted (at most half a second). */
  const holdComments = (repo: string, number: number) => {
    const hold = holdFirstUntilSecond({
      matches: (r) => r.method === "POST" && r.path === `/repos/${repo}/issues/${number}/comments`,
      maxHoldMs: 500,
    });
    if (proxy) proxy.hooks = hold;
    return hold;
  };
  beforeAll(async () => {
    stack = await startReliabilityStack({
      seed: reliabilitySeed({ count: 2, labels: true }),
      now: new Date("2026-12-02T11:00:00Z"),
      apiThrough: async (emulator) => (proxy = await startApiProxy({ target: emulator.url })),
    });
    // An open ticket in each repository, so sweeps always search them (a repository with no open
    // issue is skipped until an issue event arrives), then one sweep: caches warm, dashboard made.
    for (const repo of [SITE1, SITE2])
      await createIssue(stack, {
        as: "pat",
        repo,
        title: "Please update the privacy page",
        body: "Please change the privacy text.",
      });
    await stack.settle();
    await stack.sweep();
  });
  afterAll(async () => stack.close());

  it("a new ticket's webhook and a sweep at the same moment post one card", async () => {
    stack.emulator.setWebhook(null);
    const number = await createIssue(stack, {
      as: "pat",
      repo: SITE1,
      title: "Please update the footer",
      body: "Please change the footer.",
    });
    await stack.settle();
    stack.emulator.setWebhook({ url: stack.app.webhookUrl, secret: WEBHOOK_SECRET });
    const delivery = openedDelivery(stack, SITE1, number);
    const hold = holdComments(SITE1, number);
    await Promise.all([
      postWebhook({
        url: stack.app.webhookUrl,
        event: "issues",
        body: delivery.body,
        id: delivery.id,
        secret: WEBHOOK_SECRET,
      }),
      stack.sweep(),
    ]);
    await stack.settle();
    if (proxy) proxy.hooks = {};
    expect(hold.seen()).toBeGreaterThan(0);
    expect(cardCount(issueDump(stack, SITE1, number))).toBe(1);
  });

  it("a client's comment and a sweep as the ticket turns at risk post one notice", async () => {
    stack.emulator.clock.set(new Date("2026-12-03T10:00:00Z"));
    const number = await createIssue(stack, {
      as: "pat",
      repo: SITE2,
      title: "Please update the header",
      body: "Please change the header text.",
    });
    await stack.settle();
    stack.emulator.clock.set(new Date("2026-12-03T16:10:00Z")); // 6 of 8 working hours: at risk, no sweep yet
    stack.emulator.setWebhook(null);
    const [owner = "", repo = ""] = SITE2.split("/");
    await stack.as("pat").rest.issues.createComment({ owner, repo, issue_number: number, body: "Any news?" });
    await stack.settle();
    stack.emulator.setWebhook({ url: stack.app.webhookUrl, secret: WEBHOOK_SECRET });
    const delivery = stack.emulator
      .deliveries()
      .findLast((d) => d.event === "issue_comment" && d.action === "created");
    if (!delivery) throw new Error("no comment delivery");
    holdComments(SITE2, number);
    await Promise.all([
      postWebhook({
        url: stack.app.webhookUrl,
        event: "issue_comment",
        body: delivery.body,
        id: delivery.id,
        secret: WEBHOOK_SECRET,
      }),
      stack.sweep(),
    ]);
    await stack.settle();
    if (proxy) proxy.hooks = {};
    const issue = issueDump(stack, SITE2, number);
    expect(issue.comments.filter((c) => c.body.includes("**SLA at risk**"))).toHaveLength(1);
    expect(duplicateMarkers(issue)).toEqual([]);
  });

  it("without the race (webhook first, then the sweep) the same steps post one card and one notice", async () => {
    stack.emulator.clock.set(new Date("2026-12-04T10:00:00Z"));
    const number = await createIssue(stack, {
      as: "pat",
      repo: SITE2,
      title: "Please update the menu",
      body: "Please change the menu.",
    });
    await stack.settle();
    stack.emulator.clock.set(new Date("2026-12-04T16:10:00Z"));
    const [owner = "", repo = ""] = SITE2.split("/");
    await stack.as("pat").rest.issues.createComment({ owner, repo, issue_number: number, body: "Any news?" });
    await stack.settle();
    await stack.sweep();
    const issue = issueDump(stack, SITE2, number);
    expect(cardCount(issue)).toBe(1);
    expect(issue.comments.filter((c) => c.body.includes("**SLA at risk**"))).toHaveLength(1);
  });
});
