import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signBody } from "../../dev/emulator/index.js";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { startStack, WEBHOOK_SECRET, type Stack } from "./harness.js";

describe("the end-to-end harness", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ seed: agencySeed(), now: new Date("2026-12-02T11:00:00Z") });
  });
  afterAll(async () => stack.close());

  it("an issue opened through the emulator reaches the app over real HTTP, which labels it and posts its card", async () => {
    const { data: issue } = await stack.as("pat").rest.issues.create({
      owner: "acme",
      repo: "website",
      title: "The events page shows last year's dates",
      body: "On https://acme.example/events the dates are from 2025. I expected 2026 dates but it shows 2025. Steps: 1. open the page 2. look at the list",
    });
    await stack.settle();
    const { data: labels } = await stack
      .as("pat")
      .rest.issues.listLabelsOnIssue({ owner: "acme", repo: "website", issue_number: issue.number });
    expect(labels.map((l) => l.name).sort()).toEqual(["client: acme", "priority: P3", "type: bug"]);
    const { data: comments } = await stack
      .as("pat")
      .rest.issues.listComments({ owner: "acme", repo: "website", issue_number: issue.number });
    expect(comments).toHaveLength(1);
    expect(comments[0]?.user?.login).toBe("firstline[bot]");
    expect(comments[0]?.body).toContain(
      "| First response | 4 working hours | Wed 2 Dec 15:00 GMT | ⏳ running |",
    );
  });

  const post = (body: string, signature: string | undefined) =>
    fetch(stack.app.webhookUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "issues",
        "x-github-delivery": `d-${Math.random()}`,
        ...(signature ? { "x-hub-signature-256": signature } : {}),
      },
      body,
    });

  it("a webhook with a bad or missing signature gets 400 and changes nothing", async () => {
    const before = stack.emulator.log.summary();
    const body = JSON.stringify({
      action: "opened",
      issue: { number: 999 },
      repository: { full_name: "acme/website" },
      installation: { id: 1 },
    });
    expect((await post(body, undefined)).status).toBe(400);
    expect((await post(body, "sha256=0000")).status).toBe(400);
    expect((await post(body, signBody(body, "wrong-secret"))).status).toBe(400);
    expect((await post(`${body} `, signBody(body, WEBHOOK_SECRET))).status).toBe(400); // replayed with an altered body
    await stack.settle();
    expect(stack.emulator.log.summary().total).toBe(before.total);
  });

  it("the emulator rejects a request with a misspelt body key, as GitHub would", async () => {
    const response = await fetch(`${stack.emulator.url}/repos/acme/website/issues`, {
      method: "POST",
      headers: { authorization: "token user-pat", "content-type": "application/json" },
      body: JSON.stringify({ titel: "typo" }),
    });
    expect(response.status).toBe(422);
  });
});
