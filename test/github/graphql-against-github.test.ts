import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildSchema, parse, validate, type GraphQLSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { TICKET_FIELDS, completeTicketNodes, type TicketNode } from "../../src/github/ticket-query.js";
import { fakeTransport } from "../helpers/fake-transport.js";
import type { GitHubTransport } from "../../src/github/transport.js";
import { SEARCH } from "../../src/github/search-tickets.js";
import { PROJECT_DOCUMENTS } from "../../src/github/project-queries.js";
import { createLabelsMutation } from "../../src/github/label-catalogue.js";
import { addCommentsMutation } from "../../src/github/comments-together.js";
import { githubSchema as emulatorSchema } from "../../dev/emulator/graphql/schema.js";

/** GitHub's published GraphQL schema (its SDL repeats some fields, which strict building refuses). */
function githubSchema(): GraphQLSchema {
  const sdl = readFileSync(
    fileURLToPath(new URL("schema.graphql", import.meta.resolve("@octokit/graphql-schema"))),
    "utf8",
  );
  return buildSchema(sdl, { assumeValidSDL: true });
}

const problems = (schema: GraphQLSchema, query: string) =>
  validate(schema, parse(query)).map((e) => e.message);

/** A ticket node whose comments and events both go on past the first page. */
function longNode(number: number): TicketNode {
  return {
    number,
    title: "t",
    body: null,
    state: "OPEN",
    createdAt: "2026-12-02T10:00:00Z",
    author: null,
    repository: { nameWithOwner: "acme/website" },
    labels: { pageInfo: { hasNextPage: true, endCursor: "L" }, nodes: [] },
    assignees: { nodes: [] },
    comments: { pageInfo: { hasNextPage: true, endCursor: "C" }, nodes: [] },
    timelineItems: { pageInfo: { hasNextPage: true, endCursor: "E" }, nodes: [] },
  };
}

describe("the GraphQL Firstline sends is valid against GitHub's published schema", () => {
  const schema = githubSchema();

  it("the ticket fragment, in a single-ticket query", () => {
    const query = `query FirstlineTicket($owner: String!, $name: String!, $number: Int!) {
      repository(owner: $owner, name: $name) { issue(number: $number) { ...TicketFields } }
    }
    ${TICKET_FIELDS}`;
    expect(problems(schema, query)).toEqual([]);
  });

  it("the follow-up that reads long tickets to the end, for several tickets at once", async () => {
    const sent: string[] = [];
    const gh: GitHubTransport = fakeTransport({
      graphql: (query: string) => {
        sent.push(query);
        const answer: Record<string, unknown> = {};
        for (let i = 0; i < 3; i++) {
          answer[`t${i}`] = {
            issue: {
              comments: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] },
              timelineItems: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] },
              labels: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] },
            },
          };
        }
        return Promise.resolve(answer);
      },
    });
    await completeTicketNodes(gh, [longNode(1), longNode(2), longNode(3)]);
    expect(sent).toHaveLength(1);
    expect(problems(schema, sent[0] ?? "")).toEqual([]);
  });

  it("the sweep's search", () => {
    expect(problems(schema, SEARCH)).toEqual([]);
  });

  it.each(
    PROJECT_DOCUMENTS.map((document) => [/(?:query|mutation) (\w+)/.exec(document)?.[1] ?? "?", document]),
  )("the Project's %s", (_name, document) => {
    expect(problems(schema, document)).toEqual([]);
  });

  it("the creation of a ticket's labels in one request, and the emulator's schema agrees", async () => {
    const mutation = createLabelsMutation(3);
    expect(problems(schema, mutation)).toEqual([]);
    expect(problems(await emulatorSchema(), mutation)).toEqual([]);
  });

  it("urgent tickets' cards in one request, and the emulator's schema agrees", async () => {
    const mutation = addCommentsMutation(9);
    expect(problems(schema, mutation)).toEqual([]);
    expect(problems(await emulatorSchema(), mutation)).toEqual([]);
  });

  it("a field GitHub does not have is caught", () => {
    expect(problems(schema, "query { viewer { loginName } }")).not.toEqual([]);
  });
});
