import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manyReposSeed, startScaledOut } from "../../dev/demo/scaled-out-stack.js";
import { WEBHOOK_SECRET } from "../../dev/demo/stack.js";
import { RUNAWAY_MS } from "../helpers/time-limits.js";
import { postWebhook } from "./helpers/webhooks.js";
import { startApiProxy, type ApiProxy, type ProxiedRequest } from "./helpers/api-proxy.js";
import { cardCount, labelAdds, issueDump } from "./helpers/invariants.js";

type Stack = Awaited<ReturnType<typeof startScaledOut>>;

const many = manyReposSeed(12);
const REPOS = many.repos;
// A member of staff may triage the first repository (to change a ticket's priority).
const seed = {
  ...many.seed,
  repos: (many.seed.repos ?? []).map((r) =>
    `${r.owner}/${r.name}` === REPOS[0] ? { ...r, collaborators: { "alice-okafor": "write" as const } } : r,
  ),
};
const NOW = new Date("2026-12-02T11:00:00Z"); // a Wednesday, in working hours
const P1 = "priority: P1";
const CARD_MARKER = "<!-- firstline:card -->";

const outage = (repo: string, i: number) => ({
  title: `The website is down (${repo}, ${i})`,
  body: "The site is down for everyone since 10:55: every page answers 502.",
});

/** Polls until `check` holds; the limit only catches a hang. */
async function until(what: string, check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5 * RUNAWAY_MS;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const isRestCard = (request: ProxiedRequest) =>
  request.method === "POST" && request.path.endsWith("/comments") && request.body.includes(CARD_MARKER);

const cardsIn = (request: ProxiedRequest) =>
  request.path === "/graphql" ? (request.body.match(/addComment\(input/g) ?? []).length : 0;

/**
 * How many cards each GraphQL request through the proxy carried (requests without a card left
 * out), and how many cards were posted alone through REST; `onCards` runs before a card request goes.
 */
function countCards(
  proxy: ApiProxy,
  onCards: (cards: number, index: number) => Promise<void> | void = () => undefined,
): { perRequest: number[]; restCards: () => number } {
  const perRequest: number[] = [];
  let rest = 0;
  proxy.hooks = {
    before: async (request) => {
      if (isRestCard(request)) rest += 1;
      const cards = cardsIn(request);
      if (cards === 0) return;
      perRequest.push(cards);
      await onCards(cards, perRequest.length - 1);
    },
  };
  return { perRequest, restCards: () => rest };
}

/** Opens an issue as a client (does not wait for the app). */
async function createIssue(
  stack: Stack,
  params: { repo: string; title: string; body: string },
): Promise<number> {
  const [owner = "", repo = ""] = params.repo.split("/");
  const { data } = await stack
    .as("kim")
    .rest.issues.create({ owner, repo, title: params.title, body: params.body });
  return data.number;
}

// One instance working from its queue, as `npm start` runs it (acknowledged at once, urgent lanes).
describe("urgent tickets' cards share a request", () => {
  let stack: Stack;
  let proxy: ApiProxy;
  const service = () => stack.instances[0]?.service;
  beforeAll(async () => {
    stack = await startScaledOut({
      seed,
      now: NOW,
      instances: 1,
      apiThrough: async (emulator) => (proxy = await startApiProxy({ target: emulator.url })),
    });
    // A first, routine ticket: the instance reads the configuration, which ranks deliveries.
    await createIssue(stack, {
      repo: REPOS[11] ?? "",
      title: "How do I change the banner?",
      body: "Is there a guide?",
    });
    await stack.settle();
  });
  afterAll(async () => stack.close());

  it("ten P1 tickets at once: the first card goes alone, the nine that arrive meanwhile in the next request; each ticket one card and its labels", async () => {
    let release = () => undefined as void;
    const first = new Promise<void>((resolve) => (release = resolve));
    const { perRequest, restCards } = countCards(proxy, (_, index) => (index === 0 ? first : undefined));
    const repos = REPOS.slice(0, 10);
    const numbers = await Promise.all(
      repos.map((repo, i) => createIssue(stack, { repo, ...outage(repo, i) })),
    );
    // The first card's request is held at its write slot until the other nine are waiting.
    await until("nine cards waiting", () => service()?.urgentCardsWaiting() === 9);
    release();
    await stack.settle();
    expect(perRequest).toEqual([1, 9]);
    expect(restCards()).toBe(0);
    repos.forEach((repo, i) => {
      const issue = issueDump(stack, repo, numbers[i] ?? 0);
      expect(cardCount(issue)).toBe(1);
      expect(issue.labels).toContain(P1);
      expect(labelAdds(issue).get(P1)).toBe(1);
    });
  });

  it("the shared request's answer lost: each card is looked for and is there once, none posted again", async () => {
    // Every card request is carried out by GitHub and answered 502 on the way back.
    const { perRequest, restCards } = countCards(proxy, () => {
      stack.emulator.faults.set({ loseAnswerNext: 1, loseAnswerMatching: "/graphql" });
    });
    const repos = REPOS.slice(10, 12);
    const numbers = await Promise.all(
      repos.map((repo, i) => createIssue(stack, { repo, ...outage(repo, 20 + i) })),
    );
    await stack.settle();
    stack.emulator.faults.reset();
    expect(perRequest.length).toBeGreaterThan(0);
    repos.forEach((repo, i) => {
      const issue = issueDump(stack, repo, numbers[i] ?? 0);
      expect(cardCount(issue)).toBe(1);
      expect(issue.labels).toContain(P1);
    });
    expect(restCards()).toBe(0);
  });

  it("an opening tried again after its card, before its labels: the labels go on once; a ticket already labelled gets none again", async () => {
    const repo = REPOS[0] ?? "";
    // The app's requests to label the issue fail, unanswered by GitHub: the card goes, the labels do not.
    let refuse = true;
    proxy.hooks = {
      before: (request) =>
        refuse && request.method === "POST" && /\/issues\/\d+\/labels$/.test(request.path) ? 502 : undefined,
    };
    const number = await createIssue(stack, { repo, ...outage(repo, 30) });
    await until("the card", () => cardCount(issueDump(stack, repo, number)) === 1);
    expect(issueDump(stack, repo, number).labels).not.toContain(P1);
    refuse = false;
    // The work queue tries the delivery again: it finds the card and adds the labels.
    await until("the labels", () => issueDump(stack, repo, number).labels.includes(P1));
    await stack.settle();
    const issue = issueDump(stack, repo, number);
    expect(cardCount(issue)).toBe(1);
    expect(labelAdds(issue).get(P1)).toBe(1);

    // Redelivered minutes later to an instance that forgot it, after staff set the priority to P2:
    // the card is there and so is one of its labels, so nothing is added.
    await stack
      .as("alice-okafor")
      .rest.issues.removeLabel({ ...where(repo), issue_number: number, name: P1 });
    await stack.as("alice-okafor").rest.issues.addLabels({
      ...where(repo),
      issue_number: number,
      labels: ["priority: P2"],
    });
    await stack.settle();
    const opened = stack.emulator
      .deliveries()
      .find(
        (d) =>
          d.event === "issues" &&
          d.action === "opened" &&
          (d.payload["issue"] as { number: number }).number === number &&
          (d.payload["repository"] as { full_name: string }).full_name === repo,
      );
    await stack.instances[0]?.service.store.forgetSeen(`opened:${repo}#${number}`);
    stack.emulator.clock.advance({ minutes: 5 });
    // The same opening under a new delivery id (a replay), so it is worked on again.
    const status = await postWebhook({
      url: `${stack.proxy.url}/api/github/webhooks`,
      event: "issues",
      body: opened?.body ?? "",
      id: "replayed-opening",
      secret: WEBHOOK_SECRET,
    });
    expect(status).toBeLessThan(300);
    await stack.settle();
    const after = issueDump(stack, repo, number);
    expect(cardCount(after)).toBe(1);
    expect(after.labels).not.toContain(P1);
    expect(labelAdds(after).get(P1)).toBe(1);
  });
});

const where = (repo: string) => ({ owner: repo.split("/")[0] ?? "", repo: repo.split("/")[1] ?? "" });
