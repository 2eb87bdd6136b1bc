import { createRequire } from "node:module";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Octokit } from "@octokit/rest";
import type { Emulator } from "../../dev/emulator/index.js";
import { installationClient, startAgency, userClient } from "./helpers.js";
import { startReceiver, type Received } from "./receiver.js";

interface WebhookDefinition {
  readonly name: string;
  readonly examples: readonly Record<string, unknown>[];
}
const definitions = createRequire(import.meta.url)(
  "@octokit/webhooks-examples",
) as readonly WebhookDefinition[];

/** Keys of GitHub's example payload for an event and action, at a dotted path. */
function exampleKeys(event: string, action: string | undefined, path: readonly string[]): string[] {
  const examples = definitions.find((definition) => definition.name === event)?.examples ?? [];
  const example = examples.find((candidate) => candidate["action"] === action) ?? examples[0];
  let node: unknown = example;
  for (const key of path) node = (node as Record<string, unknown> | undefined)?.[key];
  return Object.keys(node as object).sort();
}

describe("webhooks", () => {
  const secret = "it's a secret to everybody";
  let emulator: Emulator;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let app: Octokit;
  const repo = { owner: "acme", repo: "website" };

  beforeEach(async () => {
    receiver = await startReceiver({ secret });
    ({ emulator } = await startAgency({ webhook: { url: receiver.url, secret }, validateResponses: false }));
    app = await installationClient(emulator);
  });
  afterEach(async () => {
    await emulator.close();
    await receiver.close();
  });

  it("delivers changes signed, in order, after the answer, and waitForIdle waits for them", async () => {
    const pat = userClient(emulator, "pat");
    const { data: issue } = await pat.rest.issues.create({ ...repo, title: "Help" });
    await app.rest.issues.addLabels({ ...repo, issue_number: issue.number, labels: ["bug"] });
    await pat.rest.issues.createComment({ ...repo, issue_number: issue.number, body: "Any news?" });
    await app.rest.issues.update({ ...repo, issue_number: issue.number, state: "closed" });
    await emulator.waitForIdle();

    expect(receiver.received.map((r) => `${r.event}.${String(r.payload["action"])}`)).toEqual([
      "issues.opened",
      "issues.labeled",
      "issue_comment.created",
      "issues.closed",
    ]);
    expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
    const [opened, labeled] = receiver.received as [Received, Received];
    expect(opened.payload["installation"]).toMatchObject({ id: 42, node_id: expect.any(String) });
    expect(opened.payload["sender"]).toMatchObject({ login: "pat", type: "User" });
    expect(labeled.payload["sender"]).toMatchObject({ login: "firstline[bot]", type: "Bot" });
    expect(labeled.payload["label"]).toMatchObject({ name: "bug" });
    expect(emulator.deliveries().map((d) => d.status)).toEqual([200, 200, 200, 200]);
  });

  it("names the old values in edited webhooks", async () => {
    const pat = userClient(emulator, "pat");
    const { data: issue } = await pat.rest.issues.create({ ...repo, title: "Helo", body: "Typo" });
    await pat.rest.issues.update({ ...repo, issue_number: issue.number, title: "Hello" });
    const { data: comment } = await pat.rest.issues.createComment({
      ...repo,
      issue_number: issue.number,
      body: "First",
    });
    await pat.rest.issues.updateComment({ ...repo, comment_id: comment.id, body: "Second" });
    await app.rest.issues.update({ ...repo, issue_number: issue.number, state: "closed" });
    await pat.rest.issues.update({ ...repo, issue_number: issue.number, state: "open" });
    await emulator.waitForIdle();
    expect(
      receiver.received.map((r) => [
        `${r.event}.${String(r.payload["action"])}`,
        r.payload["changes"] ?? null,
      ]),
    ).toEqual([
      ["issues.opened", null],
      ["issues.edited", { title: { from: "Helo" } }],
      ["issue_comment.created", null],
      ["issue_comment.edited", { body: { from: "First" } }],
      ["issues.closed", null],
      ["issues.reopened", null],
    ]);
  });

  it("sends payloads with every key of GitHub's own examples", async () => {
    const { data: issue } = await userClient(emulator, "pat").rest.issues.create({ ...repo, title: "Help" });
    await app.rest.issues.createComment({ ...repo, issue_number: issue.number, body: "On it" });
    await emulator.waitForIdle();
    const [opened, commented] = receiver.received as [Received, Received];
    for (const [received, event, action] of [
      [opened, "issues", "opened"],
      [commented, "issue_comment", "created"],
    ] as const) {
      for (const path of [[], ["issue"], ["issue", "user"], ["repository"], ["sender"]]) {
        const sent = Object.keys(
          path.reduce<Record<string, unknown>>(
            (node, key) => node[key] as Record<string, unknown>,
            received.payload,
          ),
        );
        const missing = exampleKeys(event, action, path).filter(
          (key) => !sent.includes(key) && !["organization", "draft"].includes(key),
        );
        expect({ event, path, missing }).toEqual({ event, path, missing: [] });
      }
    }
    const commentKeys = Object.keys(commented.payload["comment"] as object);
    expect(
      exampleKeys("issue_comment", "created", ["comment"]).filter((key) => !commentKeys.includes(key)),
    ).toEqual([]);
  });

  it("sends pull request, review, check run and alert payloads with the keys of GitHub's examples", async () => {
    emulator.push("acme/website", { branch: "fix", files: { "a.txt": "a\n" }, sender: "bob" });
    const { data: pull } = await userClient(emulator, "bob").rest.pulls.create({
      ...repo,
      title: "Fix",
      head: "fix",
      base: "main",
    });
    emulator.push("acme/website", { branch: "fix", files: { "a.txt": "b\n" }, sender: "bob" });
    await userClient(emulator, "alice").rest.pulls.createReview({
      ...repo,
      pull_number: pull.number,
      event: "APPROVE",
    });
    await app.rest.checks.create({
      ...repo,
      name: "firstline",
      head_sha: pull.head.sha,
      conclusion: "success",
    });
    emulator.createAlert("acme/website", { package: "semver", severity: "high", summary: "ReDoS" });
    await emulator.waitForIdle();
    const byName = (event: string, action: string): Received => {
      const found = receiver.received.find((r) => r.event === event && r.payload["action"] === action);
      if (!found) throw new Error(`no ${event}.${action}`);
      return found;
    };
    const checks: [string, string, string[]][] = [
      ["pull_request", "opened", ["pull_request"]],
      ["pull_request", "opened", ["pull_request", "head"]],
      ["pull_request", "synchronize", []],
      ["pull_request_review", "submitted", ["review"]],
      ["check_run", "created", ["check_run"]],
      ["check_run", "created", ["check_run", "output"]],
      ["dependabot_alert", "created", ["alert"]],
      ["dependabot_alert", "created", ["alert", "security_advisory"]],
    ];
    for (const [event, action, path] of checks) {
      const sent = Object.keys(
        path.reduce<Record<string, unknown>>(
          (node, key) => node[key] as Record<string, unknown>,
          byName(event, action).payload,
        ),
      );
      const missing = exampleKeys(event, action, path).filter(
        (key) =>
          !sent.includes(key) &&
          !["organization", "milestone", "deployment", "epss", "cvss_severities", "classification"].includes(
            key,
          ),
      );
      expect({ event, action, path, missing }).toEqual({ event, action, path, missing: [] });
    }
    expect(byName("pull_request_review", "submitted").payload["review"]).toMatchObject({
      state: "approved",
      commit_id: expect.any(String),
    });
    expect(byName("pull_request", "synchronize").payload).toMatchObject({
      before: pull.head.sha,
      after: expect.any(String),
    });
  });

  it("redelivers the exact same body under the same delivery id", async () => {
    await userClient(emulator, "pat").rest.issues.create({ ...repo, title: "Help" });
    await emulator.waitForIdle();
    const first = emulator.deliveries()[0];
    if (!first) throw new Error("no delivery");
    emulator.redeliver(first.id);
    await emulator.waitForIdle();
    const [original, again] = receiver.received as [Received, Received];
    expect(again.delivery).toBe(original.delivery);
    expect(again.body).toBe(original.body);
    expect(again.signature).toBe(original.signature);
    expect(emulator.deliveries()[1]).toMatchObject({ id: first.id, redelivery: true, status: 200 });
  });

  it("waits for an app that reacts to a webhook by calling the API again", async () => {
    await receiver.close();
    receiver = await startReceiver({
      secret,
      onReceive: async (received) => {
        if (received.event === "issues" && received.payload["action"] === "opened") {
          const number = (received.payload["issue"] as { number: number }).number;
          await app.rest.issues.createComment({
            ...repo,
            issue_number: number,
            body: "Thanks, we are on it.",
          });
        }
      },
    });
    emulator.setWebhook({ url: receiver.url, secret });
    await userClient(emulator, "pat").rest.issues.create({ ...repo, title: "Help" });
    const idle = await fetch(`${emulator.url}/_emulator/idle`, { method: "POST" });
    expect(idle.status).toBe(200);
    expect(receiver.received.map((r) => r.event)).toEqual(["issues", "issue_comment"]);
    expect(emulator.dump().repos[0]?.issues[0]?.comments.map((c) => c.author)).toEqual(["firstline[bot]"]);
  });

  it("records what the app answered, and sends nothing for repositories the app is not installed on", async () => {
    await receiver.close();
    receiver = await startReceiver({ secret, status: 500 });
    emulator.setWebhook({ url: receiver.url, secret });
    emulator.seed({ users: [{ login: "dana" }], repos: [{ owner: "dana", name: "blog" }] });
    await userClient(emulator, "dana").rest.issues.create({
      owner: "dana",
      repo: "blog",
      title: "Not watched",
    });
    await userClient(emulator, "pat").rest.issues.create({ ...repo, title: "Watched" });
    await emulator.waitForIdle();
    expect(emulator.deliveries().map((d) => [d.event, d.action, d.status])).toEqual([
      ["issues", "opened", 500],
    ]);
  });

  it("delivers seeded pushes and Dependabot alerts", async () => {
    emulator.push("acme/website", {
      files: { "README.md": "# New\n" },
      message: "Edit readme",
      sender: "alice",
    });
    const { number } = emulator.createAlert("acme/website", {
      package: "semver",
      severity: "high",
      summary: "ReDoS",
    });
    emulator.fixAlert("acme/website", number);
    await emulator.waitForIdle();
    expect(receiver.received.map((r) => `${r.event}.${String(r.payload["action"] ?? "")}`)).toEqual([
      "push.",
      "dependabot_alert.created",
      "dependabot_alert.fixed",
    ]);
    const push = receiver.received[0]?.payload;
    expect(push).toMatchObject({
      ref: "refs/heads/main",
      pusher: { name: "alice" },
      head_commit: { modified: ["README.md"] },
    });
    const pushKeys = Object.keys(push ?? {});
    expect(
      exampleKeys("push", undefined, []).filter((key) => !pushKeys.includes(key) && key !== "organization"),
    ).toEqual([]);
    const alerts = await app.rest.dependabot.listAlertsForRepo({ ...repo, state: "fixed" });
    expect(alerts.data.map((a) => [a.number, a.state, a.security_advisory.severity])).toEqual([
      [1, "fixed", "high"],
    ]);
  });
});
