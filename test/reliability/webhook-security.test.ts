import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardCount } from "./helpers/invariants.js";
import { clientRepos, reliabilitySeed } from "./helpers/seed.js";
import {
  createIssue,
  startReliabilityStack,
  SWEEP_SECRET,
  WEBHOOK_SECRET,
  type Stack,
} from "./helpers/stack.js";
import { openedDelivery, postWebhook, sign } from "./helpers/webhooks.js";

const [SITE1 = ""] = clientRepos(1);

/** Everything the app could have changed: the emulator's state and its count of requests. */
function footprint(stack: Stack) {
  const { now: _now, ...state } = stack.emulator.dump();
  return { state: JSON.stringify(state), requests: stack.emulator.log.summary().total };
}

describe("webhook signatures", () => {
  let stack: Stack;
  let body = "";
  let id = "";
  let altered = "";
  beforeAll(async () => {
    stack = await startReliabilityStack({
      seed: reliabilitySeed({ count: 1, labels: true }),
      now: new Date("2026-12-02T11:00:00Z"),
    });
    // A real delivery to replay: a new ticket, delivered with the webhook switched off.
    stack.emulator.setWebhook(null);
    const number = await createIssue(stack, {
      as: "pat",
      repo: SITE1,
      title: "Please update the footer",
      body: "Please change the footer.",
    });
    await stack.settle();
    const delivery = openedDelivery(stack, SITE1, number);
    body = delivery.body;
    id = delivery.id;
    // The same payload with the words changed: an urgent outage, and a staff member as sender.
    altered = body
      .replace("Please update the footer", "Site down: outage, everything is broken")
      .replace('"login":"pat"', '"login":"alice-okafor"');
    expect(altered).not.toBe(body);
  });
  afterAll(async () => stack.close());

  const cases: { name: string; request: () => { body: string; signature: string | null } }[] = [
    { name: "no signature", request: () => ({ body, signature: null }) },
    { name: "an empty signature", request: () => ({ body, signature: "sha256=" }) },
    { name: "a signature of random hex", request: () => ({ body, signature: `sha256=${"ab".repeat(32)}` }) },
    {
      name: "a signature made with another secret",
      request: () => ({ body, signature: sign("not-the-secret", body) }),
    },
    {
      name: "a signature without the sha256= prefix",
      request: () => ({ body, signature: sign(WEBHOOK_SECRET, body).slice("sha256=".length) }),
    },
    {
      name: "a SHA-1 signature where SHA-256 is expected",
      request: () => ({ body, signature: `sha1=${"0".repeat(40)}` }),
    },
    {
      name: "a replay whose body was altered (original signature)",
      request: () => ({ body: altered, signature: sign(WEBHOOK_SECRET, body) }),
    },
    {
      name: "a replay with one byte appended (original signature)",
      request: () => ({ body: `${body} `, signature: sign(WEBHOOK_SECRET, body) }),
    },
    {
      name: "a replay with the JSON re-serialised (original signature)",
      request: () => ({
        body: JSON.stringify(JSON.parse(body), null, 1),
        signature: sign(WEBHOOK_SECRET, body),
      }),
    },
    {
      name: "a signature of another delivery",
      request: () => ({ body: altered, signature: sign(WEBHOOK_SECRET, `${altered}x`) }),
    },
  ];

  it.each(cases)("$name: 400, and nothing changes", async ({ request }) => {
    const before = footprint(stack);
    const { body: sent, signature } = request();
    const status = await postWebhook({
      url: stack.app.webhookUrl,
      event: "issues",
      body: sent,
      id: randomUUID(),
      secret: WEBHOOK_SECRET,
      signature,
    });
    await stack.settle();
    expect(status).toBe(400);
    expect(footprint(stack)).toEqual(before);
  });

  it("the sweep and alert routes refuse a missing or wrong bearer secret (401), changing nothing", async () => {
    const before = footprint(stack);
    const statuses = [];
    for (const path of ["/firstline/sweep", "/firstline/alerts"]) {
      for (const authorization of [
        undefined,
        "Bearer wrong",
        `Basic ${SWEEP_SECRET}`,
        `Bearer ${SWEEP_SECRET}x`,
        "Bearer ",
      ]) {
        const response = await fetch(`${stack.app.url}${path}`, {
          method: "POST",
          headers: authorization ? { authorization } : {},
          body: "{}",
        });
        statuses.push(response.status);
      }
    }
    await stack.settle();
    expect(new Set(statuses)).toEqual(new Set([401]));
    expect(footprint(stack)).toEqual(before);
  });

  it("the genuine delivery is accepted: the card is posted once", async () => {
    const status = await postWebhook({
      url: stack.app.webhookUrl,
      event: "issues",
      body,
      id,
      secret: WEBHOOK_SECRET,
    });
    await stack.settle();
    expect(status).toBe(200);
    const issue = stack.emulator
      .dump()
      .repos.find((r) => r.fullName === SITE1)
      ?.issues.at(-1);
    expect(issue && cardCount(issue)).toBe(1);
  });

  // A captured genuine delivery sent again under a new delivery id passes the signature check
  // (GitHub signs the body only). It posted a second card until ffc97d2; a restarted app still
  // does (see redelivery.test.ts).
  it("a captured genuine delivery replayed under a new delivery id changes nothing", async () => {
    const before = footprint(stack).state;
    const status = await postWebhook({
      url: stack.app.webhookUrl,
      event: "issues",
      body,
      id: randomUUID(),
      secret: WEBHOOK_SECRET,
    });
    await stack.settle();
    expect(status).toBe(200);
    const issue = stack.emulator
      .dump()
      .repos.find((r) => r.fullName === SITE1)
      ?.issues.at(-1);
    expect(issue && cardCount(issue)).toBe(1);
    expect(footprint(stack).state).toBe(before);
  });
});
