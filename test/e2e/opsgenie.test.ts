import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { OpsgenieStandin } from "../../dev/emulator/pagers/opsgenie-standin.js";
import { startStack, type Stack } from "./harness.js";
import { comment, openIssue } from "./helpers.js";
import { botComments, OUTAGE, sweepAt, withPagers } from "./pager-helpers.js";

const API_KEY = "00000000-genie-key-0000";
const SECRET = "opsgenie-webhook-secret";

describe("Opsgenie end to end: page, escalation, acknowledgement back, /ack and /escalate", () => {
  let stack: Stack;
  let og: OpsgenieStandin;
  const hook = () => `${stack.app.url}/firstline/pagers/opsgenie`;
  const aliasOf = (number: number) => `firstline/acme/website#${number}`;
  const open = (at: string, title: string) =>
    openIssue(stack, { as: "pat", repo: "acme/website", at, title, body: OUTAGE });

  beforeAll(async () => {
    og = await new OpsgenieStandin({ apiKey: API_KEY, webhookSecret: SECRET }).start();
    const pagers = `    - kind: opsgenie\n      apiUrl: ${og.apiUrl}\n      users: { alice-okafor: alice@northgate.example, sam-oduya: sam@northgate.example }`;
    stack = await startStack({
      seed: agencySeed({ editConfig: withPagers(pagers) }),
      now: new Date("2026-12-05T01:00:00Z"),
      env: { FIRSTLINE_OPSGENIE_API_KEY: API_KEY, FIRSTLINE_OPSGENIE_WEBHOOK_SECRET: SECRET },
    });
  });
  afterAll(async () => {
    await stack.close();
    await og.close();
  });

  it("a 02:00 P1 creates an Opsgenie alert (alias, user responder, GenieKey); unacknowledged at 5 minutes the second line is added as a responder", async () => {
    const number = await open("2026-12-05T02:00:00Z", "Website down");
    expect(og.alerts.get(aliasOf(number))).toMatchObject({
      status: "open",
      responders: ["alice@northgate.example"],
    });
    expect(og.server.requests.every((r) => r.headers["authorization"] === `GenieKey ${API_KEY}`)).toBe(true);
    await sweepAt(stack, "2026-12-05T02:05:10Z");
    expect(botComments(stack, "acme/website", number, "firstline:escalation:1")).toHaveLength(1);
    expect(og.alerts.get(aliasOf(number))?.responders).toEqual([
      "alice@northgate.example",
      "sam@northgate.example",
    ]);
  });

  it("acknowledged in Opsgenie at 3 minutes: noted on the ticket, no escalation; a wrong secret gets 401 and changes nothing", async () => {
    const number = await open("2026-12-05T03:00:00Z", "Website down again");
    stack.emulator.clock.set(new Date("2026-12-05T03:02:00Z"));
    expect(
      await og.webhook({
        alias: aliasOf(number),
        action: "Acknowledge",
        username: "alice@northgate.example",
        secret: "guess",
        url: hook(),
      }),
    ).toBe(401);
    await stack.settle();
    expect(botComments(stack, "acme/website", number, "firstline:page-ack:")).toHaveLength(0);
    stack.emulator.clock.set(new Date("2026-12-05T03:03:00Z"));
    expect(
      await og.webhook({
        alias: aliasOf(number),
        action: "Acknowledge",
        username: "alice@northgate.example",
        url: hook(),
      }),
    ).toBe(200);
    await stack.settle();
    expect(botComments(stack, "acme/website", number, "firstline:page-ack:")[0]?.body).toContain(
      "**Page acknowledged** at Opsgenie by alice-okafor, Sat 5 Dec 03:03 GMT.",
    );
    await sweepAt(stack, "2026-12-05T03:06:00Z");
    expect(botComments(stack, "acme/website", number, "firstline:escalation:")).toHaveLength(0);
  });

  it("/ack on the ticket acknowledges at Opsgenie by alias and stops the escalation", async () => {
    const number = await open("2026-12-05T04:00:00Z", "Website down a third time");
    await comment(stack, {
      as: "alice-okafor",
      repo: "acme/website",
      number,
      at: "2026-12-05T04:02:00Z",
      body: "/ack",
    });
    expect(
      botComments(stack, "acme/website", number, "firstline:page-ack:alice-okafor:command"),
    ).toHaveLength(1);
    expect(og.alerts.get(aliasOf(number))?.status).toBe("acknowledged");
    expect(og.server.requests.at(-1)?.path).toBe(
      `/v2/alerts/${encodeURIComponent(aliasOf(number))}/acknowledge?identifierType=alias`,
    );
    await sweepAt(stack, "2026-12-05T04:10:00Z");
    expect(botComments(stack, "acme/website", number, "firstline:escalation:")).toHaveLength(0);
  });

  it("/escalate pages the second line and /escalate @login anyone, each a comment and a responder at Opsgenie; a client's /escalate is refused", async () => {
    const number = await open("2026-12-05T05:00:00Z", "Shop checkout down");
    await comment(stack, {
      as: "alice-okafor",
      repo: "acme/website",
      number,
      at: "2026-12-05T05:02:00Z",
      body: "/ack",
    });
    await comment(stack, {
      as: "alice-okafor",
      repo: "acme/website",
      number,
      at: "2026-12-05T05:10:00Z",
      body: "Database is corrupt, I need help.\n/escalate",
    });
    const second = botComments(stack, "acme/website", number, "firstline:escalate:");
    expect(second).toHaveLength(1);
    expect(second[0]?.body).toContain(
      "@sam-oduya (second line this week): alice-okafor escalated this to you at Sat 5 Dec 05:10 GMT.",
    );
    await comment(stack, {
      as: "alice-okafor",
      repo: "acme/website",
      number,
      at: "2026-12-05T05:20:00Z",
      body: "/escalate @dana-whitfield",
    });
    expect(botComments(stack, "acme/website", number, "firstline:escalate:")[1]?.body).toContain(
      "@dana-whitfield: alice-okafor escalated this to you",
    );
    expect(og.alerts.get(aliasOf(number))?.responders).toEqual([
      "alice@northgate.example",
      "sam@northgate.example",
      "dana-whitfield",
    ]);
    await comment(stack, {
      as: "pat",
      repo: "acme/website",
      number,
      at: "2026-12-05T05:25:00Z",
      body: "/escalate @carol-hughes",
    });
    expect(botComments(stack, "acme/website", number, "firstline:escalate:")).toHaveLength(2);
    expect(botComments(stack, "acme/website", number, "are for the support team")).toHaveLength(1);
  });
});
