import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { WebhookReceiverStandin } from "../../dev/emulator/pagers/webhook-receiver-standin.js";
import { startStack, type Stack } from "./harness.js";
import { openIssue } from "./helpers.js";
import { botComments, OUTAGE, sweepAt, withPagers } from "./pager-helpers.js";

const SECRET = "generic-webhook-secret";

describe("the generic signed webhook end to end", () => {
  let stack: Stack;
  let gateway: WebhookReceiverStandin;
  const ackUrl = () => `${stack.app.url}/firstline/pagers/webhook`;
  const keyOf = (number: number) => `firstline/acme/website#${number}`;
  const open = (at: string, title: string) =>
    openIssue(stack, { as: "pat", repo: "acme/website", at, title, body: OUTAGE });

  beforeAll(async () => {
    gateway = await new WebhookReceiverStandin({ secret: SECRET }).start();
    stack = await startStack({
      seed: agencySeed({ editConfig: withPagers(`    - kind: webhook\n      url: ${gateway.url}`) }),
      now: new Date("2026-12-05T01:00:00Z"),
      env: { FIRSTLINE_PAGER_WEBHOOK_SECRET: SECRET },
    });
  });
  afterAll(async () => {
    await stack.close();
    await gateway.close();
  });

  it("pages with a signed, documented body; unacknowledged, the escalation is posted too", async () => {
    const number = await open("2026-12-05T02:00:00Z", "Website down");
    expect(gateway.accepted).toEqual([{ action: "trigger", key: keyOf(number), notify: ["alice-okafor"] }]);
    await sweepAt(stack, "2026-12-05T02:05:10Z");
    expect(gateway.accepted.at(-1)).toEqual({
      action: "escalate",
      key: keyOf(number),
      notify: ["sam-oduya"],
    });
  });

  it("a signed acknowledgement back at 3 minutes stops the escalation; a forged one gets 401 and changes nothing", async () => {
    const number = await open("2026-12-05T03:00:00Z", "Website down again");
    expect(
      await gateway.acknowledge({
        key: keyOf(number),
        by: "alice-okafor",
        id: "ack-1",
        at: new Date("2026-12-05T03:02:00Z"),
        signWith: "forged",
        url: ackUrl(),
      }),
    ).toBe(401);
    stack.emulator.clock.set(new Date("2026-12-05T03:03:00Z"));
    expect(
      await gateway.acknowledge({
        key: keyOf(number),
        by: "alice-okafor",
        id: "ack-2",
        at: new Date("2026-12-05T03:03:00Z"),
        url: ackUrl(),
      }),
    ).toBe(200);
    await stack.settle();
    expect(botComments(stack, "acme/website", number, "firstline:page-ack:alice-okafor")).toHaveLength(1);
    await sweepAt(stack, "2026-12-05T03:06:00Z");
    expect(botComments(stack, "acme/website", number, "firstline:escalation:")).toHaveLength(0);
  });

  it("503 then 202 is retried and succeeds; 400 is not retried and is reported on the ticket", async () => {
    gateway.server.failNext({ status: 503 });
    let before = gateway.server.requests.length;
    await open("2026-12-05T04:00:00Z", "Shop down");
    expect(gateway.server.requests.slice(before).map((r) => r.status)).toEqual([503, 202]);
    gateway.server.failNext({ status: 400, json: { message: "unknown recipient" } });
    before = gateway.server.requests.length;
    const number = await open("2026-12-05T05:00:00Z", "Checkout down");
    expect(gateway.server.requests.slice(before).map((r) => r.status)).toEqual([400]);
    expect(botComments(stack, "acme/website", number, "pager-failed")[0]?.body).toMatch(
      /the pager webhook \(trigger\): 400: .*unknown recipient/,
    );
  });
});
