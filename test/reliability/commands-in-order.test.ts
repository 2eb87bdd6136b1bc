import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { startAnotherApp, WEBHOOK_SECRET } from "../../dev/demo/stack.js";
import { startStack, type Stack } from "../e2e/harness.js";
import { cardOf, comment, issueOf, openIssue } from "../e2e/helpers.js";

const PORTAL = "riverside/tenant-portal";
const STAFF = "alice-okafor";

const deliveryOf = (stack: Stack, body: string) =>
  stack.emulator
    .deliveries()
    .find((d) => d.event === "issue_comment" && (d.payload["comment"] as { body: string }).body === body);

describe("slash commands take effect in the order written, once", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ seed: agencySeed(), now: new Date("2026-12-02T10:00:00Z") });
  });
  afterAll(async () => stack.close());

  it("an old /priority redelivered after a newer one (first delivery lost) changes nothing", async () => {
    const number = await openIssue(stack, {
      as: "rosa",
      repo: PORTAL,
      at: "2026-12-02T10:00:00Z",
      title: "Search is slow",
      body: "Please look at the search page, it takes a while.",
    });
    stack.emulator.setWebhook(null);
    await comment(stack, {
      as: STAFF,
      repo: PORTAL,
      number,
      at: "2026-12-02T10:05:00Z",
      body: "/priority P4",
    });
    stack.emulator.setWebhook({ url: stack.app.webhookUrl, secret: WEBHOOK_SECRET });
    await comment(stack, {
      as: STAFF,
      repo: PORTAL,
      number,
      at: "2026-12-02T10:10:00Z",
      body: "/priority P2",
    });
    expect(issueOf(stack, PORTAL, number).labels).toContain("priority: P2");
    const old = deliveryOf(stack, "/priority P4");
    expect(old).toBeDefined();
    stack.emulator.redeliver(old?.id ?? "");
    await stack.settle();
    const issue = issueOf(stack, PORTAL, number);
    expect(issue.labels).toContain("priority: P2");
    expect(issue.labels).not.toContain("priority: P4");
    expect(cardOf(issue)).toContain("| Priority | P2");
  });

  it("a command redelivered to a restarted app is not carried out again", async () => {
    const number = await openIssue(stack, {
      as: "rosa",
      repo: PORTAL,
      at: "2026-12-02T11:00:00Z",
      title: "Contact form",
      body: "Please change the contact form's thank-you text.",
    });
    await comment(stack, { as: STAFF, repo: PORTAL, number, at: "2026-12-02T11:05:00Z", body: "/sla" });
    const explained = () =>
      issueOf(stack, PORTAL, number).comments.filter((c) => c.body.includes("SLA timeline")).length;
    expect(explained()).toBe(1);
    const restarted = await startAnotherApp({ emulator: stack.emulator });
    try {
      stack.emulator.setWebhook({ url: restarted.webhookUrl, secret: WEBHOOK_SECRET });
      stack.emulator.redeliver(deliveryOf(stack, "/sla")?.id ?? "");
      await stack.settle();
      expect(explained()).toBe(1);
    } finally {
      stack.emulator.setWebhook({ url: stack.app.webhookUrl, secret: WEBHOOK_SECRET });
      await restarted.close();
    }
  });
});
