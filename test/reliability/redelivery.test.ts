import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppServer } from "../../src/app/server.js";
import { startAnotherApp } from "../../dev/demo/stack.js";
import { cardCount, issueDump } from "./helpers/invariants.js";
import { clientRepos, reliabilitySeed } from "./helpers/seed.js";
import { createIssue, startReliabilityStack, WEBHOOK_SECRET, type Stack } from "./helpers/stack.js";
import { openedDelivery, postWebhook } from "./helpers/webhooks.js";

const REPOS = clientRepos(4);
const BUG = {
  title: "Search gives an error",
  body: "Steps: 1. open https://example.test/search 2. search for parking. Expected the results page but it shows an error 500.",
};

/** A second app process on the same GitHub: what a restart or a second instance looks like. */
const secondInstance = (stack: Stack): Promise<AppServer> => startAnotherApp({ emulator: stack.emulator });

describe("redeliveries across failures and restarts", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startReliabilityStack({
      seed: reliabilitySeed({ count: REPOS.length }),
      now: new Date("2026-12-02T11:00:00Z"),
    });
  });
  afterAll(async () => stack.close());

  // A restarted app has forgotten which deliveries and tickets it handled. GitHub never redelivers
  // on its own: a redelivery is someone pressing "Redeliver" (or an API call) minutes later, so an
  // opening handled more than two minutes after the fact reads the issue before writing a card
  // (src/app/handlers/issue-opened.ts); a fresh opening costs no extra request.
  it("a delivery redelivered minutes later to a restarted app (empty delivery memory) posts no second card", async () => {
    const repo = REPOS[0] ?? "";
    const number = await createIssue(stack, { as: "pat", repo, ...BUG });
    await stack.settle();
    const delivery = openedDelivery(stack, repo, number);
    stack.emulator.clock.advance({ minutes: 5 });
    const restarted = await secondInstance(stack);
    try {
      const status = await postWebhook({
        url: restarted.webhookUrl,
        event: "issues",
        body: delivery.body,
        id: delivery.id,
        secret: WEBHOOK_SECRET,
      });
      await stack.settle();
      expect(status).toBe(200);
      expect(cardCount(issueDump(stack, repo, number))).toBe(1);
    } finally {
      await restarted.close();
    }
  });

  // A delivery whose handler failed was skipped when redelivered (its id was recorded before the
  // work ran) until ffc97d2.
  it("a delivery that failed while GitHub answered 502 does its work when redelivered", async () => {
    const repo = REPOS[1] ?? "";
    const number = await createIssue(stack, { as: "pat", repo, ...BUG });
    const delivery = openedDelivery(stack, repo, number);
    // The first attempt happens while every write fails.
    stack.emulator.faults.set({ serverErrorShare: 1, writesOnly: true, seed: 7 });
    await stack.settle();
    stack.emulator.faults.reset();
    // No card yet: the first attempt failed. Redelivery is GitHub's remedy.
    const firstAttempt = stack.emulator.deliveries().find((d) => d.id === delivery.id);
    expect(firstAttempt?.status).not.toBe(200);
    expect(cardCount(issueDump(stack, repo, number))).toBe(0);
    stack.emulator.redeliver(delivery.id);
    await stack.settle();
    expect(cardCount(issueDump(stack, repo, number))).toBe(1);
  });

  let failedOpening = 0;
  it("a ticket whose opening failed gets its card from the next sweep, once", async () => {
    const repo = REPOS[2] ?? "";
    const number = (failedOpening = await createIssue(stack, { as: "pat", repo, ...BUG }));
    stack.emulator.faults.set({ serverErrorShare: 1, writesOnly: true, seed: 8 });
    await stack.settle();
    stack.emulator.faults.reset();
    expect(cardCount(issueDump(stack, repo, number))).toBe(0);
    await stack.sweep();
    await stack.sweep();
    expect(cardCount(issueDump(stack, repo, number))).toBe(1);
  });

  // Regression guard (fixed): the sweep refreshes tickets (src/core/ticket/plan-refresh.ts:88 creates a missing card)
  // but never triages them, so a ticket whose issues.opened handling failed keeps no client,
  // priority or type label, and its card and clocks silently use P3 whatever the form said.
  // Fix: in planTicketRefresh (or planSweep), when an open ticket has no priority/client/type
  // label and no card yet, run classifyTicket and add the triage labels (as planNewTicket does)
  // before planning the card.
  it("a ticket whose opening failed is triaged by the next sweep (client, priority and type labels)", async () => {
    const repo = REPOS[2] ?? "";
    const issue = issueDump(stack, repo, failedOpening);
    expect(issue.labels).toEqual(expect.arrayContaining(["client: bigco", "priority: P3", "type: bug"]));
  });

  // Regression guard (fixed): src/app/sweep-installations.ts:118 skips repositories marked quiet (no open issue at a
  // sweep) for the sweep cache's age, an hour (src/app/service.ts:111, isQuiet), until an issue webhook
  // "stirs" them. A webhook that never arrives (GitHub's delivery failures, the app down for a
  // minute) leaves a new ticket unseen for up to an hour: a P1 with a 30-minute target breaches
  // without a card or a notice. Fix: keep quiet repositories in the sweep's search queries (they
  // share queries of up to 256 characters, so they cost almost nothing), or trust "quiet" for one
  // sweep interval only.
  it("an issue whose webhook never arrived is carded by the next sweep, five minutes later", async () => {
    const repo = REPOS[3] ?? "";
    stack.emulator.clock.set(new Date("2026-12-02T12:00:00Z"));
    await stack.sweep(); // the repository has no open issue: quiet
    stack.emulator.setWebhook(null);
    const number = await createIssue(stack, { as: "pat", repo, ...BUG });
    await stack.settle();
    stack.emulator.setWebhook({ url: stack.app.webhookUrl, secret: WEBHOOK_SECRET });
    stack.emulator.clock.set(new Date("2026-12-02T12:05:00Z"));
    await stack.sweep();
    expect(cardCount(issueDump(stack, repo, number))).toBe(1);
  });

  it("an issue whose webhook never arrived is carded by a sweep once the quiet hour is over", async () => {
    const repo = REPOS[3] ?? "";
    stack.emulator.clock.set(new Date("2026-12-02T13:05:00Z"));
    await stack.sweep();
    const issue = stack.emulator
      .dump()
      .repos.find((r) => r.fullName === repo)
      ?.issues.at(-1);
    expect(issue && cardCount(issue)).toBe(1);
  });
});
