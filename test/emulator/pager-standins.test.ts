import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OpsgenieStandin } from "../../dev/emulator/pagers/opsgenie-standin.js";
import { PagerDutyStandin } from "../../dev/emulator/pagers/pagerduty-standin.js";
import { WebhookReceiverStandin } from "../../dev/emulator/pagers/webhook-receiver-standin.js";
import { signWebhookBody } from "../../src/pagers/send-pager-request.js";

const post = async (url: string, body: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
};

describe("the pager stand-ins refuse what the vendors refuse", () => {
  let pd: PagerDutyStandin;
  let og: OpsgenieStandin;
  let hook: WebhookReceiverStandin;
  beforeAll(async () => {
    pd = await new PagerDutyStandin({ routingKey: "key-1", webhookSecret: "s" }).start();
    og = await new OpsgenieStandin({ apiKey: "genie-1", webhookSecret: "s" }).start();
    hook = await new WebhookReceiverStandin({ secret: "hook-secret" }).start();
  });
  afterAll(async () => {
    await pd.close();
    await og.close();
    await hook.close();
  });

  it.each([
    { what: "a trigger without a payload", body: { routing_key: "key-1", event_action: "trigger" } },
    {
      what: "an acknowledge without a dedup_key",
      body: { routing_key: "key-1", event_action: "acknowledge" },
    },
    {
      what: "an unknown severity",
      body: {
        routing_key: "key-1",
        event_action: "trigger",
        payload: { summary: "x", source: "y", severity: "fatal" },
      },
    },
    {
      what: "a summary over 1024 characters",
      body: {
        routing_key: "key-1",
        event_action: "trigger",
        payload: { summary: "x".repeat(1025), source: "y", severity: "critical" },
      },
    },
    {
      what: "an unknown event action",
      body: { routing_key: "key-1", event_action: "snooze", dedup_key: "k" },
    },
    {
      what: "a wrong routing key",
      body: {
        routing_key: "key-2",
        event_action: "trigger",
        payload: { summary: "x", source: "y", severity: "critical" },
      },
    },
    { what: "a body that is not JSON", body: "{nope" },
  ])("PagerDuty Events v2: 400 for $what", async ({ body }) => {
    const answer = await post(pd.eventsUrl, body);
    expect(answer.status).toBe(400);
    expect(answer.json["status"]).toBe("invalid event");
  });

  it("PagerDuty Events v2: 202 with the dedup key for a valid trigger, acknowledge and resolve", async () => {
    const trigger = {
      routing_key: "key-1",
      event_action: "trigger",
      dedup_key: "k1",
      payload: { summary: "Site down", source: "acme/website", severity: "critical" },
    };
    expect((await post(pd.eventsUrl, trigger)).json).toEqual({
      status: "success",
      message: "Event processed",
      dedup_key: "k1",
    });
    expect(
      (await post(pd.eventsUrl, { routing_key: "key-1", event_action: "acknowledge", dedup_key: "k1" }))
        .status,
    ).toBe(202);
    expect(pd.incidents.get("k1")?.status).toBe("acknowledged");
    expect(
      (await post(pd.eventsUrl, { routing_key: "key-1", event_action: "resolve", dedup_key: "k1" })).status,
    ).toBe(202);
    expect(pd.incidents.get("k1")?.status).toBe("resolved");
  });

  it.each([
    { what: "no Authorization header", path: "/v2/alerts", body: { message: "x" }, headers: {}, status: 401 },
    {
      what: "a bearer token instead of a GenieKey",
      path: "/v2/alerts",
      body: { message: "x" },
      headers: { authorization: "Bearer genie-1" },
      status: 401,
    },
    {
      what: "a wrong key",
      path: "/v2/alerts",
      body: { message: "x" },
      headers: { authorization: "GenieKey other" },
      status: 403,
    },
    {
      what: "no message",
      path: "/v2/alerts",
      body: { alias: "a" },
      headers: { authorization: "GenieKey genie-1" },
      status: 422,
    },
    {
      what: "a message over 130 characters",
      path: "/v2/alerts",
      body: { message: "x".repeat(131) },
      headers: { authorization: "GenieKey genie-1" },
      status: 422,
    },
    {
      what: "a user responder without a username or id",
      path: "/v2/alerts",
      body: { message: "x", responders: [{ type: "user" }] },
      headers: { authorization: "GenieKey genie-1" },
      status: 422,
    },
    {
      what: "an acknowledge without identifierType=alias",
      path: "/v2/alerts/a/acknowledge",
      body: {},
      headers: { authorization: "GenieKey genie-1" },
      status: 422,
    },
  ])("Opsgenie Alert API: $status for $what", async ({ path, body, headers, status }) => {
    expect((await post(`${og.apiUrl}${path}`, body, headers)).status).toBe(status);
  });

  it("Opsgenie Alert API: 202 to create, add a responder, acknowledge and close by alias", async () => {
    const auth = { authorization: "GenieKey genie-1" };
    expect(
      (
        await post(
          `${og.apiUrl}/v2/alerts`,
          {
            message: "Site down",
            alias: "firstline/acme/website#1",
            responders: [{ type: "user", username: "alice@example.org" }],
          },
          auth,
        )
      ).status,
    ).toBe(202);
    const alias = encodeURIComponent("firstline/acme/website#1");
    expect(
      (
        await post(
          `${og.apiUrl}/v2/alerts/${alias}/responders?identifierType=alias`,
          { responder: { type: "user", username: "sam@example.org" } },
          auth,
        )
      ).status,
    ).toBe(202);
    expect(
      (
        await post(
          `${og.apiUrl}/v2/alerts/${alias}/acknowledge?identifierType=alias`,
          { source: "Firstline" },
          auth,
        )
      ).status,
    ).toBe(202);
    expect(og.alerts.get("firstline/acme/website#1")).toMatchObject({
      status: "acknowledged",
      responders: ["alice@example.org", "sam@example.org"],
    });
    expect((await post(`${og.apiUrl}/v2/alerts/${alias}/close?identifierType=alias`, {}, auth)).status).toBe(
      202,
    );
    expect(og.alerts.get("firstline/acme/website#1")?.status).toBe("closed");
  });

  it("the webhook receiver refuses a missing or wrong signature and an undocumented body", async () => {
    const body = JSON.stringify({
      version: 1,
      source: "firstline",
      id: "d1",
      action: "trigger",
      key: "k",
      message: "m",
      notify: ["a"],
      by: null,
      client: null,
      repo: "o/r",
      issue: 1,
      url: "https://github.com/o/r/issues/1",
      at: "2026-12-05T02:00:00Z",
    });
    expect((await post(hook.url, body)).status).toBe(401);
    expect(
      (await post(hook.url, body, { "x-firstline-signature": signWebhookBody(body, "wrong") })).status,
    ).toBe(401);
    const extra = JSON.stringify({ ...JSON.parse(body), surprise: true });
    expect(
      (await post(hook.url, extra, { "x-firstline-signature": signWebhookBody(extra, "hook-secret") }))
        .status,
    ).toBe(400);
    expect(
      (await post(hook.url, body, { "x-firstline-signature": signWebhookBody(body, "hook-secret") })).status,
    ).toBe(202);
  });
});
