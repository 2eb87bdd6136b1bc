import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { githubClient } from "../../src/github/octokit.js";
import { isWriteRequest } from "../../src/github/write-pacing.js";

const API = "https://github.example";

describe("which requests are writes", () => {
  it.each([
    [{ method: "GET", url: "/repos/acme/website/issues" }, false],
    [{ method: "HEAD", url: "/" }, false],
    [{ method: "POST", url: "/repos/acme/website/issues/1/labels" }, true],
    [{ method: "PATCH", url: "/repos/{owner}/{repo}/issues/comments/{comment_id}" }, true],
    [{ method: "DELETE", url: "/repos/acme/website/issues/1/labels/x" }, true],
    [
      {
        method: "POST",
        url: "/graphql",
        query: "query($q: String!) { search(query: $q, type: ISSUE, first: 100) { issueCount } }",
      },
      false,
    ],
    [{ method: "POST", url: "/graphql", query: "{ viewer { login } }" }, false],
    [
      {
        method: "POST",
        url: "https://ghe.example/api/graphql",
        query: "\n  # closes the ticket\n  mutation { closeIssue(input: {}) { clientMutationId } }",
      },
      true,
    ],
  ])("%j is a write: %s", (request, write) => {
    expect(isWriteRequest(request)).toBe(write);
  });
});

describe("the Action's GitHub client: reads back to back, writes a second apart", () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    expect(nock.pendingMocks()).toEqual([]);
    nock.cleanAll();
  });
  afterAll(() => nock.enableNetConnect());

  const gh = () =>
    githubClient({ token: "t", baseUrl: API, userAgent: "firstline-test", warn: () => undefined });

  it("five GraphQL queries in a row do not wait for each other", async () => {
    nock(API)
      .post("/graphql")
      .times(5)
      .reply(200, { data: { viewer: { login: "ops" } } });
    const client = gh();
    const started = Date.now();
    for (let i = 0; i < 5; i++) await client.graphql("query { viewer { login } }");
    expect(Date.now() - started).toBeLessThan(800);
  });

  it("three label writes are spaced a second apart, and a GraphQL mutation counts as a write", async () => {
    nock(API).post("/repos/acme/website/issues/1/labels").times(3).reply(200, []);
    nock(API)
      .post("/graphql")
      .times(2)
      .reply(200, { data: { closeIssue: { clientMutationId: null } } });
    const client = gh();
    const started = Date.now();
    for (let i = 0; i < 3; i++)
      await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
        owner: "acme",
        repo: "website",
        issue_number: 1,
        labels: ["x"],
      });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    const mutations = Date.now();
    await client.graphql('mutation { closeIssue(input: {issueId: "I_1"}) { clientMutationId } }');
    await client.graphql('mutation { closeIssue(input: {issueId: "I_1"}) { clientMutationId } }');
    expect(Date.now() - mutations).toBeGreaterThanOrEqual(950);
  });

  it("comments, which notify people, are a second apart too: 60 a minute, within GitHub's 80", async () => {
    nock(API).post("/repos/acme/website/issues/1/comments").times(3).reply(201, { id: 1 });
    const client = gh();
    const started = Date.now();
    for (let i = 0; i < 3; i++)
      await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
        owner: "acme",
        repo: "website",
        issue_number: 1,
        body: "Thanks",
      });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(Date.now() - started).toBeLessThan(4000);
  });
});
