import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Octokit } from "@octokit/rest";
import type { Emulator } from "../../dev/emulator/index.js";
import { installationClient, startAgency, userClient } from "./helpers.js";

interface SearchPage {
  search: {
    issueCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: { number: number; title: string; labels: { nodes: { name: string }[] } }[];
  };
}

const SEARCH = /* GraphQL */ `
  query ($q: String!, $after: String) {
    search(query: $q, type: ISSUE, first: 2, after: $after) {
      issueCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ... on Issue {
          number
          title
          labels(first: 10) {
            nodes {
              name
            }
          }
        }
      }
    }
  }
`;

describe("GraphQL", () => {
  let emulator: Emulator;
  let app: Octokit;
  const repo = { owner: "acme", repo: "website" };

  beforeEach(async () => {
    ({ emulator } = await startAgency({ validateResponses: false }));
    app = await installationClient(emulator);
  });
  afterEach(async () => {
    await emulator.close();
  });

  it("searches open issues page by page, one logged request per query", async () => {
    for (const title of ["One", "Two", "Three", "Four", "Five"])
      await app.rest.issues.create({ ...repo, title, labels: title === "Two" ? ["bug"] : [] });
    await app.rest.issues.update({ ...repo, issue_number: 4, state: "closed" });
    emulator.log.reset();
    const titles: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: SearchPage = await app.graphql<SearchPage>(SEARCH, {
        q: "repo:acme/website is:issue is:open sort:created-asc",
        after,
      });
      expect(page.search.issueCount).toBe(4);
      titles.push(...page.search.nodes.map((node) => node.title));
      pages += 1;
      if (!page.search.pageInfo.hasNextPage) break;
      after = page.search.pageInfo.endCursor;
    }
    expect(titles).toEqual(["One", "Two", "Three", "Five"]);
    expect(pages).toBe(2);
    expect(emulator.log.summary().counts).toEqual({ graphql: 2 });
    const labelled = await app.graphql<SearchPage>(SEARCH, {
      q: 'org:acme is:open label:"bug"',
      after: null,
    });
    expect(labelled.search.nodes.map((node) => [node.number, node.labels.nodes.map((l) => l.name)])).toEqual([
      [2, ["bug"]],
    ]);
  });

  it("reads an issue with its author, comments, assignees and timeline", async () => {
    const { data: issue } = await userClient(emulator, "pat").rest.issues.create({
      ...repo,
      title: "Site down",
      body: "Help",
    });
    emulator.clock.advance({ minutes: 5 });
    await app.rest.issues.addLabels({ ...repo, issue_number: issue.number, labels: ["priority: P1"] });
    emulator.clock.advance({ minutes: 10 });
    await userClient(emulator, "bob").rest.issues.createComment({
      ...repo,
      issue_number: issue.number,
      body: "Looking",
    });
    await app.rest.issues.addAssignees({ ...repo, issue_number: issue.number, assignees: ["bob"] });
    emulator.clock.advance({ minutes: 60 });
    await userClient(emulator, "bob").rest.issues.update({
      ...repo,
      issue_number: issue.number,
      state: "closed",
    });

    const result = await app.graphql<{ repository: { issue: Record<string, unknown> } }>(
      /* GraphQL */ `
        query ($owner: String!, $name: String!, $number: Int!) {
          repository(owner: $owner, name: $name) {
            issue(number: $number) {
              number
              state
              closedAt
              author {
                login
                __typename
              }
              repository {
                nameWithOwner
                owner {
                  login
                }
              }
              comments(first: 10) {
                totalCount
                nodes {
                  databaseId
                  author {
                    login
                  }
                  createdAt
                  body
                }
              }
              assignees(first: 5) {
                nodes {
                  login
                }
              }
              timelineItems(
                first: 20
                itemTypes: [LABELED_EVENT, ISSUE_COMMENT, ASSIGNED_EVENT, CLOSED_EVENT]
              ) {
                nodes {
                  __typename
                  ... on LabeledEvent {
                    createdAt
                    actor {
                      login
                      __typename
                    }
                    label {
                      name
                    }
                  }
                  ... on IssueComment {
                    createdAt
                    author {
                      login
                    }
                  }
                  ... on AssignedEvent {
                    assignee {
                      ... on User {
                        login
                      }
                    }
                  }
                  ... on ClosedEvent {
                    createdAt
                    actor {
                      login
                    }
                  }
                }
              }
            }
          }
        }
      `,
      { owner: "acme", name: "website", number: issue.number },
    );
    expect(result.repository.issue).toEqual({
      number: 1,
      state: "CLOSED",
      closedAt: "2026-10-16T16:15:00Z",
      author: { login: "pat", __typename: "User" },
      repository: { nameWithOwner: "acme/website", owner: { login: "acme" } },
      comments: {
        totalCount: 1,
        nodes: [
          {
            databaseId: expect.any(Number),
            author: { login: "bob" },
            createdAt: "2026-10-16T15:15:00Z",
            body: "Looking",
          },
        ],
      },
      assignees: { nodes: [{ login: "bob" }] },
      timelineItems: {
        nodes: [
          {
            __typename: "LabeledEvent",
            createdAt: "2026-10-16T15:05:00Z",
            actor: { login: "firstline", __typename: "Bot" },
            label: { name: "priority: P1" },
          },
          { __typename: "IssueComment", createdAt: "2026-10-16T15:15:00Z", author: { login: "bob" } },
          { __typename: "AssignedEvent", assignee: { login: "bob" } },
          { __typename: "ClosedEvent", createdAt: "2026-10-16T16:15:00Z", actor: { login: "bob" } },
        ],
      },
    });
  });

  it("answers bad queries the way GitHub does", async () => {
    const post = async (query: string): Promise<{ status: number; body: Record<string, unknown> }> => {
      const response = await fetch(`${emulator.url}/graphql`, {
        method: "POST",
        headers: { authorization: "bearer user-alice", "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const unknownField = await post(
      'query { repository(owner: "acme", name: "website") { issue(number: 1) { nonsense } } }',
    );
    expect(unknownField).toMatchObject({
      status: 200,
      body: {
        errors: [
          {
            message: "Field 'nonsense' doesn't exist on type 'Issue'",
            extensions: { code: "undefinedField", typeName: "Issue", fieldName: "nonsense" },
          },
        ],
      },
    });
    expect(unknownField.body).not.toHaveProperty("data");
    const missing = await post('query { repository(owner: "acme", name: "nope") { name } }');
    expect(missing.body).toEqual({
      data: { repository: null },
      errors: [
        {
          type: "NOT_FOUND",
          path: ["repository"],
          locations: [{ line: 1, column: 9 }],
          message: "Could not resolve to a Repository with the name 'acme/nope'.",
        },
      ],
    });
    const unbounded = await post(
      'query { repository(owner: "acme", name: "website") { issues { totalCount } } }',
    );
    expect(unbounded.body["errors"]).toEqual([
      expect.objectContaining({ type: "MISSING_PAGINATION_BOUNDARIES" }),
    ]);
    const tooMany = await post(
      'query { repository(owner: "acme", name: "website") { issues(first: 101) { totalCount } } }',
    );
    expect(tooMany.body["errors"]).toEqual([expect.objectContaining({ type: "EXCESSIVE_PAGINATION" })]);
    expect((await post("query {")).body["errors"]).toHaveLength(1);
    const anonymous = await fetch(`${emulator.url}/graphql`, {
      method: "POST",
      body: JSON.stringify({ query: "{ rateLimit { cost } }" }),
    });
    expect(anonymous.status).toBe(401);
  });

  it("reports its rate limit and hides repositories the caller may not see", async () => {
    const first = await app.graphql<{ rateLimit: { cost: number; remaining: number; resetAt: string } }>(
      "{ rateLimit { cost remaining resetAt } }",
    );
    expect(first.rateLimit).toEqual({ cost: 1, remaining: 4999, resetAt: "2026-10-16T16:00:00Z" });
    const pat = userClient(emulator, "pat");
    await expect(
      pat.graphql('{ repository(owner: "acme", name: "intranet") { name } }'),
    ).rejects.toMatchObject({ errors: [expect.objectContaining({ type: "NOT_FOUND" })] });
    const bob = await userClient(emulator, "bob").graphql<{
      repository: { name: string; isPrivate: boolean };
    }>('{ repository(owner: "acme", name: "intranet") { name isPrivate } }');
    expect(bob.repository).toEqual({ name: "intranet", isPrivate: true });
  });
});
