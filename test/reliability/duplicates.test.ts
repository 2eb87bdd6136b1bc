import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cardCount,
  duplicateMarkers,
  issuesIn,
  labelAdds,
  ticketViolations,
  issueDump,
} from "./helpers/invariants.js";
import { CLIENT_ORG, clientRepos, reliabilitySeed } from "./helpers/seed.js";
import { createIssue, startReliabilityStack, WEBHOOK_SECRET, type Stack } from "./helpers/stack.js";
import { openedDelivery, postWebhook } from "./helpers/webhooks.js";

const REPOS = clientRepos(50);
const NOW = new Date("2026-12-02T11:00:00Z"); // a Wednesday, in working hours

/** A complete bug report (nothing missing), or a question: both triage without asking for more. */
function ticketText(repo: string, i: number): { title: string; body: string } {
  if (i % 2 === 0)
    return { title: `How do I change the banner on ${repo} (${i})?`, body: "Is there a guide for editors?" };
  return {
    title: `Search gives an error on ${repo} (${i})`,
    body: "Steps: 1. open https://example.test/search 2. search for parking. Expected the results page but it shows an error 500.",
  };
}

describe("duplicates and concurrency", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startReliabilityStack({ seed: reliabilitySeed({ count: REPOS.length }), now: NOW });
  });
  afterAll(async () => stack.close());

  it("the same delivery three times gives one card and one set of labels", async () => {
    const repo = REPOS[0] ?? "";
    const number = await createIssue(stack, { as: "pat", repo, ...ticketText(repo, 1) });
    await stack.settle();
    const delivery = openedDelivery(stack, repo, number);
    stack.emulator.redeliver(delivery.id);
    stack.emulator.redeliver(delivery.id);
    await stack.settle();
    const issue = issueDump(stack, repo, number);
    expect(stack.emulator.deliveries().filter((d) => d.id === delivery.id)).toHaveLength(3);
    expect(cardCount(issue)).toBe(1);
    expect([...labelAdds(issue).values()].every((n) => n === 1)).toBe(true);
  });

  it("the same delivery sent three times at once (GitHub does not wait) still gives one card", async () => {
    const repo = REPOS[1] ?? "";
    stack.emulator.setWebhook(null);
    const number = await createIssue(stack, { as: "pat", repo, ...ticketText(repo, 2) });
    await stack.settle();
    stack.emulator.setWebhook({ url: stack.app.webhookUrl, secret: WEBHOOK_SECRET });
    const delivery = openedDelivery(stack, repo, number);
    const statuses = await Promise.all(
      [1, 2, 3].map(() =>
        postWebhook({
          url: stack.app.webhookUrl,
          event: "issues",
          body: delivery.body,
          id: delivery.id,
          secret: WEBHOOK_SECRET,
        }),
      ),
    );
    await stack.settle();
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(cardCount(issueDump(stack, repo, number))).toBe(1);
  });

  it("200 tickets opened at once across 50 repositories: each labelled and carded exactly once", async () => {
    const started = performance.now();
    const before = stack.emulator.deliveries().length;
    const opened = await Promise.all(
      REPOS.flatMap((repo) =>
        [0, 1, 2, 3].map(async (i) => ({
          repo,
          i,
          number: await createIssue(stack, { as: "pat", repo, ...ticketText(repo, i) }),
        })),
      ),
    );
    await stack.settle();
    const dump = stack.emulator.dump();
    const byKey = new Map(issuesIn(dump, REPOS).map(({ repo, issue }) => [`${repo}#${issue.number}`, issue]));
    const problems: string[] = [];
    for (const { repo, i, number } of opened) {
      const issue = byKey.get(`${repo}#${number}`);
      if (!issue) {
        problems.push(`${repo}#${number}: missing`);
        continue;
      }
      const wanted = [`client: ${CLIENT_ORG}`, "priority: P3", i % 2 === 0 ? "type: question" : "type: bug"];
      if (cardCount(issue) !== 1) problems.push(`${repo}#${number}: ${cardCount(issue)} cards`);
      for (const label of wanted)
        if (!issue.labels.includes(label)) problems.push(`${repo}#${number}: no ${label}`);
      for (const [label, times] of labelAdds(issue))
        if (times > 1) problems.push(`${repo}#${number}: ${label} added ${times} times`);
      if (duplicateMarkers(issue).length > 0) problems.push(`${repo}#${number}: duplicate markers`);
    }
    expect(problems).toEqual([]);
    expect(ticketViolations(dump, REPOS)).toEqual([]);
    expect(
      stack.emulator
        .deliveries()
        .slice(before)
        .filter((d) => d.status !== 200)
        .map((d) => `${d.event}.${d.action}: ${d.status ?? d.error}`),
    ).toEqual([]);
    console.info(`200 tickets through the emulator: ${Math.round(performance.now() - started)} ms`);
  });

  it("200 deliveries arriving together (100 tickets, each delivered twice at once, as GitHub may): each ticket carded once", async () => {
    stack.emulator.setWebhook(null);
    const opened = await Promise.all(
      REPOS.flatMap((repo) =>
        [4, 5].map(async (i) => ({
          repo,
          i,
          number: await createIssue(stack, { as: "pat", repo, ...ticketText(repo, i) }),
        })),
      ),
    );
    await stack.settle();
    stack.emulator.setWebhook({ url: stack.app.webhookUrl, secret: WEBHOOK_SECRET });
    const deliveries = opened.map(({ repo, number }) => openedDelivery(stack, repo, number));
    // Each delivery twice, all at once: GitHub may retry a delivery while the first is still running.
    const statuses = await Promise.all(
      [...deliveries, ...deliveries].map((d) =>
        postWebhook({
          url: stack.app.webhookUrl,
          event: "issues",
          body: d.body,
          id: d.id,
          secret: WEBHOOK_SECRET,
        }),
      ),
    );
    await stack.settle();
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const dump = stack.emulator.dump();
    const keys = new Set(opened.map(({ repo, number }) => `${repo}#${number}`));
    const problems = issuesIn(dump, REPOS)
      .filter(({ repo, issue }) => keys.has(`${repo}#${issue.number}`))
      .flatMap(({ repo, issue }) => [
        ...(cardCount(issue) === 1 ? [] : [`${repo}#${issue.number}: ${cardCount(issue)} cards`]),
        ...(issue.labels.includes("priority: P3") && issue.labels.includes(`client: ${CLIENT_ORG}`)
          ? []
          : [`${repo}#${issue.number}: labels ${issue.labels.join(", ")}`]),
      ]);
    expect(problems).toEqual([]);
    expect(ticketViolations(dump, REPOS)).toEqual([]);
  });
});
