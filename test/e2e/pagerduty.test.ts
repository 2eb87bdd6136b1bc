import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { siteDownPayload } from "../../dev/demo/alert-payloads.js";
import { PagerDutyRestStandin, PagerDutyStandin } from "../../dev/emulator/pagers/pagerduty-standin.js";
import { startStack, type Stack } from "./harness.js";
import { issueOf, openIssue } from "./helpers.js";
import { botComments, OUTAGE, sweepAt, withPagers } from "./pager-helpers.js";

const ROUTING_KEY = "R0UT1NGKEY0000000000000000000000";
const SECRET = "pagerduty-webhook-secret";

describe("PagerDuty end to end: page, escalation and acknowledgement back", () => {
  let stack: Stack;
  let pd: PagerDutyStandin;
  let rest: PagerDutyRestStandin;
  const hook = () => `${stack.app.url}/firstline/pagers/pagerduty`;
  const keyOf = (number: number) => `firstline/acme/website#${number}`;
  const open = (at: string, title = "Website down") =>
    openIssue(stack, { as: "pat", repo: "acme/website", at, title, body: OUTAGE });

  beforeAll(async () => {
    pd = await new PagerDutyStandin({ routingKey: ROUTING_KEY, webhookSecret: SECRET }).start();
    rest = await new PagerDutyRestStandin({
      token: "pd-api-token",
      now: () => stack.emulator.clock.now().getTime(),
    }).start();
    const pagers = [
      "    - kind: pagerduty",
      `      eventsUrl: ${pd.eventsUrl}`,
      `      apiUrl: ${rest.apiUrl}`,
      "      schedules: { primary: PSCHED1, secondLine: PSCHED2 }",
      "      users: { alice-okafor: PALICE1, sam-oduya: PSAMO01 }",
    ].join("\n");
    stack = await startStack({
      seed: agencySeed({ editConfig: withPagers(pagers) }),
      now: new Date("2026-12-05T01:00:00Z"),
      env: {
        FIRSTLINE_PAGERDUTY_ROUTING_KEY: ROUTING_KEY,
        FIRSTLINE_PAGERDUTY_WEBHOOK_SECRET: SECRET,
        FIRSTLINE_PAGERDUTY_API_TOKEN: "pd-api-token",
      },
    });
  });
  afterAll(async () => {
    await stack.close();
    await pd.close();
    await rest.close();
  });

  it("a 02:00 P1 of a covered client triggers a PagerDuty alert within the opening's delivery; unacknowledged, the escalation reaches PagerDuty at 5 minutes", async () => {
    const number = await open("2026-12-05T02:00:00Z");
    expect(botComments(stack, "acme/website", number, "<!-- firstline:alert-page -->")).toHaveLength(1);
    const incident = pd.incidents.get(keyOf(number));
    expect(incident?.status).toBe("triggered");
    expect(incident?.events).toEqual([{ action: "trigger", notify: ["alice-okafor"] }]);
    await sweepAt(stack, "2026-12-05T02:05:10Z");
    expect(botComments(stack, "acme/website", number, "firstline:escalation:1")).toHaveLength(1);
    expect(pd.incidents.get(keyOf(number))?.events.at(-1)).toEqual({
      action: "trigger",
      notify: ["sam-oduya"],
    });
  });

  it("acknowledged in PagerDuty at 3 minutes: the ticket says who and when, nothing escalates, and a redelivery acts once", async () => {
    const number = await open("2026-12-05T03:00:00Z", "Website down again");
    stack.emulator.clock.set(new Date("2026-12-05T03:03:00Z"));
    const webhook = {
      dedupKey: keyOf(number),
      type: "incident.acknowledged" as const,
      agent: { id: "PALICE1", name: "Alice Okafor" },
      at: new Date("2026-12-05T03:03:00Z"),
      eventId: "01ACKEVENT",
      url: hook(),
    };
    expect(await pd.webhook(webhook)).toBe(200);
    expect(await pd.webhook(webhook)).toBe(200);
    await stack.settle();
    const acks = botComments(stack, "acme/website", number, "firstline:page-ack:");
    expect(acks).toHaveLength(1);
    expect(acks[0]?.body).toContain(
      "**Page acknowledged** at PagerDuty by alice-okafor, Sat 5 Dec 03:03 GMT.",
    );
    await sweepAt(stack, "2026-12-05T03:06:00Z");
    await sweepAt(stack, "2026-12-05T03:30:00Z");
    expect(botComments(stack, "acme/website", number, "firstline:escalation:")).toHaveLength(0);
    stack.emulator.clock.set(new Date("2026-12-05T03:40:00Z"));
    await stack
      .as("alice-okafor")
      .rest.issues.update({ owner: "acme", repo: "website", issue_number: number, state: "closed" });
    await stack.settle();
    expect(pd.incidents.get(keyOf(number))?.status).toBe("resolved");
  });

  it("a forged PagerDuty signature gets 401 and changes nothing: the escalation goes on", async () => {
    const number = await open("2026-12-05T04:00:00Z", "Website down a third time");
    stack.emulator.clock.set(new Date("2026-12-05T04:02:00Z"));
    const forged = {
      dedupKey: keyOf(number),
      type: "incident.acknowledged" as const,
      agent: { id: "PALICE1", name: "Alice Okafor" },
      at: new Date("2026-12-05T04:02:00Z"),
      signWith: "not-the-secret",
      url: hook(),
    };
    expect(await pd.webhook(forged)).toBe(401);
    const unsigned = await fetch(hook(), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(unsigned.status).toBe(401);
    await stack.settle();
    expect(botComments(stack, "acme/website", number, "firstline:page-ack:")).toHaveLength(0);
    await sweepAt(stack, "2026-12-05T04:05:30Z");
    expect(botComments(stack, "acme/website", number, "firstline:escalation:1")).toHaveLength(1);
  });

  it("a 429 with Retry-After, then 202: the page is retried and succeeds, and the ticket reports no failure", async () => {
    pd.server.failNext({
      status: 429,
      json: { status: "throttle event", message: "Requests for this service are arriving too quickly." },
      headers: { "retry-after": "2" },
    });
    const before = pd.server.requests.length;
    const number = await open("2026-12-05T05:00:00Z", "Shop pages down");
    const sent = pd.server.requests.slice(before).map((r) => r.status);
    expect(sent).toEqual([429, 202]);
    expect(pd.incidents.get(keyOf(number))?.status).toBe("triggered");
    expect(botComments(stack, "acme/website", number, "pager-failed")).toHaveLength(0);
  });

  it("a 400 is not retried, and the ticket says the pager refused", async () => {
    pd.server.failNext({
      status: 400,
      json: {
        status: "invalid event",
        message: "Event object is invalid",
        errors: ["Length of 'routing_key' is incorrect"],
      },
    });
    const before = pd.server.requests.length;
    const number = await open("2026-12-05T06:00:00Z", "Checkout down");
    expect(pd.server.requests.slice(before).map((r) => r.status)).toEqual([400]);
    const failures = botComments(stack, "acme/website", number, "pager-failed");
    expect(failures).toHaveLength(1);
    expect(failures[0]?.body).toContain("PagerDuty (trigger): 400");
    expect(failures[0]?.body).toContain("Length of");
    expect(
      issueOf(stack, "acme/website", number).comments.filter((c) =>
        c.body.includes("<!-- firstline:alert-page -->"),
      ),
    ).toHaveLength(1);
  });

  it("the PagerDuty schedules follow the rota: this week's primary and second line as overrides until the handover, kept, not repeated, on the next sweep", async () => {
    expect(rest.schedules.get("PSCHED1")).toEqual([
      {
        id: "PO00001",
        start: "2026-12-05T02:05:00.000Z",
        end: "2026-12-09T10:00:00.000Z",
        userId: "PALICE1",
      },
    ]);
    expect(rest.schedules.get("PSCHED2")?.[0]).toMatchObject({
      start: "2026-12-05T02:05:00.000Z",
      end: "2026-12-09T10:00:00.000Z",
      userId: "PSAMO01",
    });
    const posts = rest.server.requests.filter((r) => r.method === "POST").length;
    await sweepAt(stack, "2026-12-05T08:00:00Z");
    expect(rest.server.requests.filter((r) => r.method === "POST")).toHaveLength(posts);
    expect(rest.schedules.get("PSCHED1")).toHaveLength(1);
  });

  it("an Alertmanager alert at night pages through PagerDuty too, and resolving it at PagerDuty is noted on its issue", async () => {
    stack.emulator.clock.set(new Date("2026-12-05T07:00:00Z"));
    const fired = (
      await stack.alert(
        siteDownPayload({
          status: "firing",
          startsAt: "2026-12-05T06:59:00Z",
          endsAt: "2026-12-05T07:30:00Z",
        }),
      )
    ).json as { alerts: { number: number }[] };
    const number = fired.alerts[0]?.number ?? 0;
    expect(pd.incidents.get(keyOf(number))?.events[0]).toEqual({
      action: "trigger",
      notify: ["alice-okafor"],
    });
    stack.emulator.clock.set(new Date("2026-12-05T07:04:00Z"));
    expect(
      await pd.webhook({
        dedupKey: keyOf(number),
        type: "incident.resolved",
        agent: { id: "PSAMO01", name: "Sam Oduya" },
        at: new Date("2026-12-05T07:04:00Z"),
        url: hook(),
      }),
    ).toBe(200);
    await stack.settle();
    expect(botComments(stack, "acme/website", number, "firstline:page-ack:sam-oduya")[0]?.body).toContain(
      "**Page resolved** at PagerDuty by sam-oduya",
    );
    await sweepAt(stack, "2026-12-05T07:10:00Z");
    expect(botComments(stack, "acme/website", number, "firstline:escalation:")).toHaveLength(0);
  });

  it("every request the app sent matched PagerDuty's published request schema", () => {
    // The one 400 is the scripted refusal above: the stand-in refuses any request outside the schema.
    expect(pd.server.requests.filter((r) => r.status === 400)).toHaveLength(1);
    expect(pd.server.requests.length).toBeGreaterThan(4);
  });
});
