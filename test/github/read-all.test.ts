import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { githubClient } from "../../src/github/octokit.js";
import { findInList, readAll } from "../../src/github/read-all.js";
import { readTeamMembers } from "../../src/github/team-members.js";

const API = "https://github.example";

/** Page `page` of `total` items as GitHub sends it: 100 at most, and a `link` header while more remain. */
function page<T>(params: { items: T[]; page: number; url: string }): [number, T[], Record<string, string>] {
  const slice = params.items.slice((params.page - 1) * 100, params.page * 100);
  const last = Math.ceil(params.items.length / 100);
  const link =
    params.page < last
      ? `<${API}${params.url}&page=${params.page + 1}>; rel="next", <${API}${params.url}&page=${last}>; rel="last"`
      : "";
  return [200, slice, link ? { link } : {}];
}

describe("every list is read to its end", () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    expect(nock.pendingMocks()).toEqual([]);
    nock.cleanAll();
  });
  afterAll(() => nock.enableNetConnect());

  const gh = () =>
    githubClient({ token: "t", baseUrl: API, userAgent: "firstline-test", warn: () => undefined });

  it("a team of 250 members: three pages, every login", async () => {
    const members = Array.from({ length: 250 }, (_, i) => ({ login: `person-${i}` }));
    nock(API)
      .get("/orgs/acme/teams/support/members")
      .query(true)
      .times(3)
      .reply((uri) =>
        page({
          items: members,
          page: Number(new URL(uri, API).searchParams.get("page")),
          url: "/orgs/acme/teams/support/members?per_page=100",
        }),
      );
    const logins = await readTeamMembers({ gh: gh(), team: "acme/support" });
    expect(logins).toHaveLength(250);
    expect(logins.at(-1)).toBe("person-249");
  });

  it("exactly 100 items: one page, since GitHub's link header names no next page", async () => {
    const labels = Array.from({ length: 100 }, (_, i) => ({ name: `label-${i}` }));
    nock(API).get("/repos/acme/website/labels").query({ per_page: 100, page: 1 }).reply(200, labels);
    expect(
      await readAll(gh(), "GET /repos/{owner}/{repo}/labels", { owner: "acme", repo: "website" }),
    ).toHaveLength(100);
  });

  it("a list wrapped in an object (an installation's repositories) comes back as the array", async () => {
    nock(API)
      .get("/installation/repositories")
      .query({ per_page: 100, page: 1 })
      .reply(
        200,
        {
          total_count: 101,
          repositories: Array.from({ length: 100 }, (_, i) => ({ full_name: `acme/repo-${i}` })),
        },
        { link: `<${API}/installation/repositories?per_page=100&page=2>; rel="next"` },
      );
    nock(API)
      .get("/installation/repositories")
      .query({ per_page: 100, page: 2 })
      .reply(200, { total_count: 101, repositories: [{ full_name: "acme/last" }] });
    const repos = await readAll(gh(), "GET /installation/repositories", {});
    expect(repos.map((r) => r.full_name)).toHaveLength(101);
    expect(repos.at(-1)?.full_name).toBe("acme/last");
  });

  it("a search by marker reads on past the first page, and stops where it finds it", async () => {
    const comments = Array.from({ length: 300 }, (_, i) => ({
      id: i,
      body: i === 150 ? "<!-- firstline:rota-check -->" : "+1",
      user: { login: "someone" },
    }));
    nock(API)
      .get("/repos/acme/support/issues/7/comments")
      .query(true)
      .times(2)
      .reply((uri) =>
        page({
          items: comments,
          page: Number(new URL(uri, API).searchParams.get("page")),
          url: "/repos/acme/support/issues/7/comments?per_page=100",
        }),
      );
    const found = await findInList(
      gh(),
      "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
      { owner: "acme", repo: "support", issue_number: 7 },
      (c) => (c.body ?? "").includes("firstline:rota-check"),
    );
    expect(found?.id).toBe(150);
  });
});
