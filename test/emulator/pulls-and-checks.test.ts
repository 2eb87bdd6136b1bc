import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Octokit } from "@octokit/rest";
import type { Emulator } from "../../dev/emulator/index.js";
import { appJwt, installationClient, quiet, startAgency, userClient } from "./helpers.js";

describe("pull requests, reviews, check runs, teams and permissions", () => {
  let emulator: Emulator;
  let app: Octokit;
  const repo = { owner: "acme", repo: "website" };

  beforeEach(async () => {
    ({ emulator } = await startAgency());
    app = await installationClient(emulator);
  });
  afterEach(async () => {
    expect(emulator.responseProblems()).toEqual([]);
    await emulator.close();
  });

  it("opens a pull request from a pushed branch, lists its files and follows new pushes", async () => {
    emulator.push("acme/website", {
      branch: "rota-change",
      files: { "rota/on-call.yml": "weeks: []\n", "README.md": "# Website\nMore\n" },
      sender: "bob",
    });
    const bob = userClient(emulator, "bob");
    const { data: pull } = await bob.rest.pulls.create({
      ...repo,
      title: "Swap weeks",
      head: "rota-change",
      base: "main",
    });
    expect(pull).toMatchObject({
      number: 1,
      state: "open",
      head: { ref: "rota-change" },
      base: { ref: "main" },
      changed_files: 2,
      commits: 1,
    });
    const files = await app.rest.pulls.listFiles({ ...repo, pull_number: pull.number });
    expect(files.data.map((f) => [f.filename, f.status, f.additions, f.deletions])).toEqual([
      ["README.md", "modified", 1, 0],
      ["rota/on-call.yml", "added", 2, 0],
    ]);
    const { after } = emulator.push("acme/website", {
      branch: "rota-change",
      files: { "rota/on-call.yml": null },
    });
    const again = await app.rest.pulls.get({ ...repo, pull_number: pull.number });
    expect(again.data.head.sha).toBe(after);
    expect(again.data.changed_files).toBe(1);
    const listed = await app.rest.pulls.list({ ...repo, state: "open" });
    expect(listed.data.map((p) => p.number)).toEqual([1]);
    const asIssue = await app.rest.issues.get({ ...repo, issue_number: 1 });
    expect(asIssue.data.pull_request?.url).toContain("/pulls/1");

    await expect(
      bob.rest.pulls.create({ ...repo, title: "Again", head: "rota-change", base: "main" }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      bob.rest.pulls.create({ ...repo, title: "Nothing", head: "nope", base: "main" }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it("records reviews with state and commit, and dismisses them", async () => {
    emulator.push("acme/website", { branch: "fix", files: { "a.txt": "a\n" }, sender: "bob" });
    const { data: pull } = await userClient(emulator, "bob").rest.pulls.create({
      ...repo,
      title: "Fix",
      head: "fix",
      base: "main",
    });
    const alice = userClient(emulator, "alice");
    const approved = await alice.rest.pulls.createReview({
      ...repo,
      pull_number: pull.number,
      event: "APPROVE",
    });
    expect(approved.data).toMatchObject({
      state: "APPROVED",
      commit_id: pull.head.sha,
      user: { login: "alice" },
    });
    await expect(
      userClient(emulator, "bob").rest.pulls.createReview({
        ...repo,
        pull_number: pull.number,
        event: "APPROVE",
      }),
    ).rejects.toMatchObject({ status: 422 });
    const dismissed = await alice.rest.pulls.dismissReview({
      ...repo,
      pull_number: pull.number,
      review_id: approved.data.id,
      message: "Stale",
    });
    expect(dismissed.data.state).toBe("DISMISSED");
    const reviews = await app.rest.pulls.listReviews({ ...repo, pull_number: pull.number });
    expect(reviews.data.map((r) => r.state)).toEqual(["DISMISSED"]);
  });

  it("creates, updates and lists check runs with annotations", async () => {
    const sha = emulator.dump().repos[0]?.branches["main"] ?? "";
    const { data: run } = await app.rest.checks.create({
      ...repo,
      name: "firstline/config",
      head_sha: sha,
      status: "in_progress",
    });
    expect(run).toMatchObject({ status: "in_progress", conclusion: null, app: { slug: "firstline" } });
    await app.rest.checks.update({
      ...repo,
      check_run_id: run.id,
      conclusion: "failure",
      output: {
        title: "1 problem",
        summary: "The config has a problem",
        annotations: [
          {
            path: ".github/firstline.yml",
            start_line: 1,
            end_line: 1,
            annotation_level: "failure",
            message: "Unknown key",
          },
        ],
      },
    });
    const listed = await app.rest.checks.listForRef({ ...repo, ref: "main" });
    expect(listed.data.total_count).toBe(1);
    expect(listed.data.check_runs[0]).toMatchObject({
      status: "completed",
      conclusion: "failure",
      output: { title: "1 problem", annotations_count: 1 },
    });
    const annotations = await app.rest.checks.listAnnotations({ ...repo, check_run_id: run.id });
    expect(annotations.data).toEqual([
      expect.objectContaining({
        path: ".github/firstline.yml",
        annotation_level: "failure",
        message: "Unknown key",
      }),
    ]);
    await expect(
      userClient(emulator, "alice").rest.checks.create({ ...repo, name: "x", head_sha: sha }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      app.rest.checks.create({ ...repo, name: "x", head_sha: "0".repeat(40) }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it("manages team members and answers collaborator permissions", async () => {
    const members = async (): Promise<string[]> =>
      (await app.rest.teams.listMembersInOrg({ org: "acme", team_slug: "support" })).data.map((u) => u.login);
    expect(await members()).toEqual(["alice", "bob"]);
    const added = await app.rest.teams.addOrUpdateMembershipForUserInOrg({
      org: "acme",
      team_slug: "support",
      username: "alice",
      role: "maintainer",
    });
    expect(added.data).toMatchObject({ role: "maintainer", state: "active" });
    await app.rest.teams.removeMembershipForUserInOrg({ org: "acme", team_slug: "support", username: "bob" });
    expect(await members()).toEqual(["alice"]);
    const outsider = await app.rest.teams.addOrUpdateMembershipForUserInOrg({
      org: "acme",
      team_slug: "support",
      username: "pat",
    });
    expect(outsider.data.state).toBe("pending");
    await expect(
      userClient(emulator, "bob").rest.teams.removeMembershipForUserInOrg({
        org: "acme",
        team_slug: "support",
        username: "alice",
      }),
    ).rejects.toMatchObject({ status: 403 });

    const permission = async (username: string): Promise<string> =>
      (await app.rest.repos.getCollaboratorPermissionLevel({ ...repo, username })).data.permission;
    expect([await permission("alice"), await permission("bob"), await permission("pat")]).toEqual([
      "admin",
      "write",
      "read",
    ]);
    await expect(
      app.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: "nobody" }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("answers the remaining operations in GitHub's response shapes", async () => {
    const jwtApp = new Octokit({
      auth: appJwt({ privateKeyPem: String(emulator.privateKeyPem), appId: emulator.appId }),
      baseUrl: emulator.url,
      log: quiet,
    });
    const alice = userClient(emulator, "alice");
    await jwtApp.rest.apps.getAuthenticated();
    await jwtApp.rest.apps.getInstallation({ installation_id: 42 });
    expect(
      (await app.rest.apps.listReposAccessibleToInstallation()).data.repositories.map((r) => r.name),
    ).toEqual(["website", "intranet"]);
    expect((await alice.rest.users.getAuthenticated()).data.login).toBe("alice");
    expect((await app.rest.users.getByUsername({ username: "firstline[bot]" })).data.type).toBe("Bot");
    expect((await app.rest.orgs.get({ org: "acme" })).data.login).toBe("acme");
    expect(
      (await userClient(emulator, "pat").rest.repos.listForOrg({ org: "acme" })).data.map((r) => r.name),
    ).toEqual(["website"]);
    expect((await app.rest.repos.checkCollaborator({ ...repo, username: "bob" })).status).toBe(204);
    await expect(app.rest.repos.checkCollaborator({ ...repo, username: "pat" })).rejects.toMatchObject({
      status: 404,
    });
    const { data: issue } = await app.rest.issues.create({ ...repo, title: "Shapes" });
    const { data: comment } = await app.rest.issues.createComment({
      ...repo,
      issue_number: issue.number,
      body: "x",
    });
    await app.rest.issues.getComment({ ...repo, comment_id: comment.id });
    await app.rest.reactions.createForIssueComment({ ...repo, comment_id: comment.id, content: "heart" });
    await app.rest.reactions.listForIssueComment({ ...repo, comment_id: comment.id });
    await app.rest.reactions.listForIssue({ ...repo, issue_number: issue.number });
    await app.rest.issues.deleteComment({ ...repo, comment_id: comment.id });
    await app.rest.issues.listLabelsForRepo(repo);
    await app.rest.issues.updateLabel({ ...repo, name: "bug", new_name: "defect", description: "Broken" });
    await app.rest.issues.deleteLabel({ ...repo, name: "defect" });
    emulator.push("acme/website", { branch: "b", files: { "b.txt": "b\n" } });
    const { data: pull } = await app.rest.pulls.create({ ...repo, title: "B", head: "b", base: "main" });
    expect(
      (await app.rest.pulls.update({ ...repo, pull_number: pull.number, state: "closed" })).data.state,
    ).toBe("closed");
    const { data: review } = await alice.rest.pulls.createReview({
      ...repo,
      pull_number: pull.number,
      event: "COMMENT",
      body: "Fine",
    });
    await app.rest.pulls.getReview({ ...repo, pull_number: pull.number, review_id: review.id });
    const { data: run } = await app.rest.checks.create({ ...repo, name: "c", head_sha: pull.head.sha });
    await app.rest.checks.get({ ...repo, check_run_id: run.id });
    await app.rest.teams.list({ org: "acme" });
    await app.rest.teams.getByName({ org: "acme", team_slug: "support" });
    await app.rest.teams.getMembershipForUserInOrg({ org: "acme", team_slug: "support", username: "bob" });
    emulator.createAlert("acme/website", { package: "semver", severity: "low", summary: "x" });
    await app.rest.dependabot.getAlert({ ...repo, alert_number: 1 });
  });

  it("lists and dismisses Dependabot alerts", async () => {
    emulator.createAlert("acme/website", {
      package: "lodash",
      severity: "critical",
      summary: "Prototype pollution",
    });
    emulator.createAlert("acme/website", { package: "semver", severity: "medium", summary: "ReDoS" });
    const open = await app.rest.dependabot.listAlertsForRepo({
      ...repo,
      state: "open",
      severity: "critical",
    });
    expect(open.data.map((a) => a.dependency.package?.name)).toEqual(["lodash"]);
    const dismissed = await userClient(emulator, "alice").rest.dependabot.updateAlert({
      ...repo,
      alert_number: 2,
      state: "dismissed",
      dismissed_reason: "tolerable_risk",
    });
    expect(dismissed.data).toMatchObject({
      state: "dismissed",
      dismissed_by: { login: "alice" },
      dismissed_reason: "tolerable_risk",
    });
  });
});
