import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { startStack, type Stack } from "../e2e/harness.js";
import { issueOf } from "../e2e/helpers.js";

const PORTAL = "riverside/tenant-portal";
const ACME = "acme/website";
const CARD = "<!-- firstline:card -->";

const cards = (stack: Stack, repo: string, number: number) =>
  issueOf(stack, repo, number).comments.filter((c) => c.body.includes(CARD)).length;
const nextNumber = (stack: Stack, repo: string) =>
  (stack.emulator.dump().repos.find((r) => r.fullName === repo)?.issues.length ?? 0) + 1;

async function open(stack: Stack, repo: string, as: string, title: string): Promise<number> {
  const [owner = "", name = ""] = repo.split("/");
  const { data } = await stack
    .as(as)
    .rest.issues.create({ owner, repo: name, title, body: "Please change the footer text to say 2027." });
  return data.number;
}

describe("a request that never answers, and a repository GitHub refuses", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      seed: agencySeed(),
      now: new Date("2026-12-02T11:00:00Z"),
      requestTimeoutMs: 1_000,
    });
  });
  afterAll(async () => stack.close());

  it("during a webhook: the request is given up after its time limit, other deliveries go on, the card is posted once and the ticket's lock is free", async () => {
    const hung = nextNumber(stack, PORTAL);
    stack.emulator.faults.set({ hangNext: 1, hangMatching: `/repos/${PORTAL}/issues/${hung}/comments` });
    await open(stack, PORTAL, "rosa", "Footer text");
    const other = await open(stack, ACME, "pat", "Header text");
    await stack.settle();
    expect(cards(stack, ACME, other)).toBe(1);
    // The card's first request was never answered: it was given up after the time limit, the
    // delivery finished (it looked, found no card, and posted it), and nothing was posted twice.
    const given = stack.emulator.log
      .summary()
      .requests.filter(
        (r) => r.method === "POST" && r.path.startsWith(`/repos/${PORTAL}/issues/${hung}/comments`),
      );
    expect(given.map((r) => r.status)).toEqual([504, 201]);
    const opening = stack.emulator
      .deliveries()
      .find(
        (d) =>
          d.event === "issues" &&
          d.action === "opened" &&
          (d.payload["issue"] as { number: number }).number === hung &&
          (d.payload["repository"] as { full_name: string }).full_name === PORTAL,
      );
    expect(opening?.durationMs).toBeLessThan(30_000);
    expect(cards(stack, PORTAL, hung)).toBe(1);
    stack.emulator.faults.reset();
    const [owner = "", name = ""] = PORTAL.split("/");
    await stack
      .as("rosa")
      .rest.issues.createComment({ owner, repo: name, issue_number: hung, body: "Any news?" });
    await stack.settle();
    expect(cards(stack, PORTAL, hung)).toBe(1);
  });

  it("during a sweep: the sweep finishes every other ticket, and the next sweep does the one that hung", async () => {
    stack.emulator.setWebhook(null);
    const quiet = await open(stack, PORTAL, "rosa", "Quiet one");
    const hung = await open(stack, PORTAL, "rosa", "The one that hangs");
    const other = await open(stack, ACME, "pat", "Another");
    stack.emulator.setWebhook({ url: stack.app.webhookUrl, secret: "demo-webhook-secret" });
    stack.emulator.faults.set({ hangNext: 1, hangMatching: `/repos/${PORTAL}/issues/${hung}/` });
    stack.emulator.clock.set(new Date("2026-12-02T11:30:00Z"));
    const answer = (await stack.sweep()) as { sweeps: { tickets: number }[] };
    expect(answer.sweeps[0]?.tickets).toBeGreaterThan(0);
    expect(cards(stack, PORTAL, quiet)).toBe(1);
    expect(cards(stack, ACME, other)).toBe(1);
    expect(cards(stack, PORTAL, hung)).toBe(0);
    stack.emulator.faults.reset();
    stack.emulator.clock.set(new Date("2026-12-02T11:35:00Z"));
    await stack.sweep();
    expect(cards(stack, PORTAL, hung)).toBe(1);
  });

  it("one repository answering 451: every other repository is swept, and the dashboard says which could not be", async () => {
    stack.emulator.setWebhook(null);
    const blocked = await open(stack, PORTAL, "rosa", "Blocked one");
    const fine = await open(stack, ACME, "pat", "Fine one");
    stack.emulator.setWebhook({ url: stack.app.webhookUrl, secret: "demo-webhook-secret" });
    stack.emulator.faults.set({ repoStatus: { [PORTAL]: 451 } });
    stack.emulator.clock.set(new Date("2026-12-02T12:00:00Z"));
    await stack.sweep();
    expect(cards(stack, ACME, fine)).toBe(1);
    expect(cards(stack, PORTAL, blocked)).toBe(0);
    const dashboard = stack.emulator
      .dump()
      .repos.find((r) => r.fullName === "northgate/support")
      ?.issues.find((i) => i.body?.includes("<!-- firstline:dashboard -->"));
    expect(dashboard?.body).toMatch(
      /`riverside\/tenant-portal` had \d+ tickets? that could not be brought up to date this time \(GitHub answered 451\)/,
    );
    stack.emulator.faults.reset();
    stack.emulator.clock.set(new Date("2026-12-02T12:05:00Z"));
    await stack.sweep();
    expect(cards(stack, PORTAL, blocked)).toBe(1);
  });
});
