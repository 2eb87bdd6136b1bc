import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Octokit } from "@octokit/rest";
import type { Emulator } from "../../dev/emulator/index.js";
import { installationClient, startAgency, userClient } from "./helpers.js";

/** The status of a failed Octokit call (Octokit throws RequestError for 4xx/5xx). */
async function failure(call: Promise<unknown>): Promise<{ status: number; data: unknown }> {
  try {
    await call;
  } catch (error) {
    const { status, response } = error as { status: number; response?: { data: unknown } };
    return { status, data: response?.data };
  }
  throw new Error("expected the call to fail");
}

describe("issues, comments and labels", () => {
  let emulator: Emulator;
  let app: Octokit;
  let stderr: string[];
  const repo = { owner: "acme", repo: "website" };

  beforeEach(async () => {
    ({ emulator, stderr } = await startAgency());
    app = await installationClient(emulator);
  });
  afterEach(async () => {
    expect(emulator.responseProblems()).toEqual([]);
    await emulator.close();
  });

  it("opens an issue as a client: labels from a caller without triage access are dropped, as on GitHub", async () => {
    const pat = userClient(emulator, "pat");
    const created = await pat.rest.issues.create({
      ...repo,
      title: "Site down",
      body: "Nothing loads",
      labels: ["bug"],
    });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      number: 1,
      state: "open",
      author_association: "NONE",
      labels: [],
      created_at: "2026-10-16T15:00:00Z",
    });
    expect(created.data.user).toMatchObject({ login: "pat", type: "User" });
    const fetched = await app.rest.issues.get({ ...repo, issue_number: 1 });
    expect(fetched.data.title).toBe("Site down");
    expect(stderr).toEqual([]);
  });

  it("gives author_association by role and writes by the app as firstline[bot]", async () => {
    const alice = await userClient(emulator, "alice").rest.issues.create({ ...repo, title: "From staff" });
    expect(alice.data.author_association).toBe("MEMBER");
    const bot = await app.rest.issues.createComment({
      ...repo,
      issue_number: alice.data.number,
      body: "Thanks!",
    });
    expect(bot.data.user).toMatchObject({ login: "firstline[bot]", type: "Bot" });
    expect(bot.data.performed_via_github_app).toMatchObject({ slug: "firstline" });
  });

  it("round-trips comments, labels, assignees and state, with timestamps from the emulator clock", async () => {
    const { data: issue } = await userClient(emulator, "pat").rest.issues.create({
      ...repo,
      title: "Login broken",
    });
    emulator.clock.advance({ minutes: 30 });
    await app.rest.issues.addLabels({
      ...repo,
      issue_number: issue.number,
      labels: ["priority: P1", "client: acme"],
    });
    const comment = await userClient(emulator, "bob").rest.issues.createComment({
      ...repo,
      issue_number: issue.number,
      body: "Looking",
    });
    expect(comment.data.created_at).toBe("2026-10-16T15:30:00Z");
    await app.rest.issues.addAssignees({ ...repo, issue_number: issue.number, assignees: ["bob", "sam"] });
    emulator.clock.advance({ minutes: 60 });
    await userClient(emulator, "bob").rest.issues.updateComment({
      ...repo,
      comment_id: comment.data.id,
      body: "Fixed it",
    });
    await app.rest.issues.removeLabel({ ...repo, issue_number: issue.number, name: "priority: P1" });
    const closed = await userClient(emulator, "bob").rest.issues.update({
      ...repo,
      issue_number: issue.number,
      state: "closed",
    });
    expect(closed.data).toMatchObject({
      state: "closed",
      state_reason: "completed",
      closed_at: "2026-10-16T16:30:00Z",
    });

    const labels = await app.rest.issues.listLabelsOnIssue({ ...repo, issue_number: issue.number });
    expect(labels.data.map((label) => label.name)).toEqual(["client: acme"]);
    const comments = await app.rest.issues.listComments({ ...repo, issue_number: issue.number });
    expect(comments.data.map((c) => [c.body, c.updated_at])).toEqual([["Fixed it", "2026-10-16T16:30:00Z"]]);
    const events = await app.rest.issues.listEvents({ ...repo, issue_number: issue.number });
    expect(events.data.map((e) => e.event)).toEqual([
      "labeled",
      "labeled",
      "assigned",
      "unlabeled",
      "closed",
    ]);
    const timeline = await app.rest.issues.listEventsForTimeline({ ...repo, issue_number: issue.number });
    expect(timeline.data.map((e) => ("event" in e ? e.event : ""))).toEqual([
      "labeled",
      "labeled",
      "commented",
      "assigned",
      "unlabeled",
      "closed",
    ]);

    const dump = emulator.dump().repos[0]?.issues[0];
    expect(dump).toMatchObject({ labels: ["client: acme"], assignees: ["bob"], state: "closed" });
    expect(emulator.dump().repos[0]?.labels).toContain("client: acme");
  });

  it("answers GitHub's label errors: 404 for a label not on the issue, 422 for a duplicate repository label", async () => {
    const { data: issue } = await app.rest.issues.create({ ...repo, title: "x", labels: ["bug"] });
    const cleared = await app.rest.issues.setLabels({ ...repo, issue_number: issue.number, labels: [] });
    expect(cleared.data).toEqual([]);
    const missing = await failure(
      app.rest.issues.removeLabel({ ...repo, issue_number: issue.number, name: "bug" }),
    );
    expect(missing).toMatchObject({ status: 404, data: { message: "Label does not exist" } });
    const duplicate = await failure(app.rest.issues.createLabel({ ...repo, name: "BUG", color: "ff0000" }));
    expect(duplicate).toMatchObject({
      status: 422,
      data: {
        message: "Validation Failed",
        errors: [{ resource: "Label", code: "already_exists", field: "name" }],
      },
    });
    const unknown = await failure(app.rest.issues.getLabel({ ...repo, name: "nope" }));
    expect(unknown.status).toBe(404);
    const forbidden = await failure(
      userClient(emulator, "pat").rest.issues.addLabels({
        ...repo,
        issue_number: issue.number,
        labels: ["bug"],
      }),
    );
    expect(forbidden.status).toBe(403);
  });

  it("rejects a misspelt body key with 422 naming it, and changes nothing", async () => {
    const response = await fetch(`${emulator.url}/repos/acme/website/issues`, {
      method: "POST",
      headers: { authorization: "token user-alice", "content-type": "application/json" },
      body: JSON.stringify({ titel: "Typo" }),
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      message: "Invalid request.",
      errors: expect.arrayContaining(['"title" wasn\'t supplied.', '"titel" is not a permitted key.']),
    });
    expect(emulator.dump().repos[0]?.issues).toEqual([]);
    expect(emulator.deliveries()).toEqual([]);
  });

  it("answers 404 for an operation it does not implement, loudly", async () => {
    const response = await failure(app.request("GET /repos/{owner}/{repo}/milestones", repo));
    expect(response.status).toBe(404);
    expect(stderr.join("\n")).toMatch(/unknown operation: GET \/repos\/acme\/website\/milestones/);
    expect(emulator.log.summary()).toMatchObject({ unknownOperations: 1, counts: { unknown: 1 } });
  });

  it("hides private repositories and other accounts, and refuses unknown tokens", async () => {
    expect(
      (await failure(userClient(emulator, "pat").rest.repos.get({ owner: "acme", repo: "intranet" }))).status,
    ).toBe(404);
    expect(
      (await userClient(emulator, "bob").rest.repos.get({ owner: "acme", repo: "intranet" })).status,
    ).toBe(200);
    expect((await failure(userClient(emulator, "mallory").rest.repos.get(repo))).status).toBe(401);
    const anonymous = await fetch(`${emulator.url}/repos/acme/website`);
    expect(anonymous.status).toBe(401);
  });

  it("paginates with per_page and page and a Link header", async () => {
    for (let n = 1; n <= 5; n += 1) await app.rest.issues.create({ ...repo, title: `Issue ${n}` });
    const first = await app.rest.issues.listForRepo({ ...repo, per_page: 2, direction: "asc" });
    expect(first.data.map((i) => i.number)).toEqual([1, 2]);
    expect(first.headers.link).toContain('page=2>; rel="next"');
    expect(first.headers.link).toContain('page=3>; rel="last"');
    const all = await app.paginate(app.rest.issues.listForRepo, { ...repo, per_page: 2 });
    expect(all.map((i) => i.number)).toEqual([5, 4, 3, 2, 1]);
    expect(first.headers["x-ratelimit-limit"]).toBe("5000");
  });

  it("keeps reactions, one per user and content", async () => {
    const { data: issue } = await userClient(emulator, "pat").rest.issues.create({ ...repo, title: "x" });
    const first = await app.rest.reactions.createForIssue({
      ...repo,
      issue_number: issue.number,
      content: "eyes",
    });
    const again = await app.rest.reactions.createForIssue({
      ...repo,
      issue_number: issue.number,
      content: "eyes",
    });
    expect([first.status, again.status]).toEqual([201, 200]);
    const fetched = await app.rest.issues.get({ ...repo, issue_number: issue.number });
    expect(fetched.data.reactions).toMatchObject({ total_count: 1, eyes: 1 });
  });

  it("searches issues with qualifiers", async () => {
    await app.rest.issues.create({ ...repo, title: "Down", labels: ["priority: P1"] });
    await app.rest.issues.create({ ...repo, title: "Typo" });
    const closed = await app.rest.issues.create({ ...repo, title: "Old" });
    await app.rest.issues.update({ ...repo, issue_number: closed.data.number, state: "closed" });
    const search = async (q: string): Promise<number[]> =>
      (await app.rest.search.issuesAndPullRequests({ q })).data.items.map((i) => i.number);
    expect(await search("repo:acme/website is:issue is:open")).toEqual([2, 1]);
    expect(await search('repo:acme/website label:"priority: P1"')).toEqual([1]);
    expect(await search("org:acme is:closed")).toEqual([3]);
    expect(await search("org:acme is:open no:label typo")).toEqual([2]);
  });
});
