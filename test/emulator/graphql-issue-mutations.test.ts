import type { Octokit } from "@octokit/rest";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../dev/emulator/index.js";
import { installationClient, startAgency, userClient } from "./helpers.js";
import { startReceiver } from "./receiver.js";

const ADD_COMMENT = /* GraphQL */ `
  mutation ($subjectId: ID!, $body: String!) {
    addComment(input: { subjectId: $subjectId, body: $body, clientMutationId: "c1" }) {
      clientMutationId
      commentEdge {
        node {
          body
          author {
            login
          }
        }
      }
      subject {
        id
      }
    }
  }
`;

const ADD_LABELS = /* GraphQL */ `
  mutation ($labelableId: ID!, $labelIds: [ID!]!) {
    addLabelsToLabelable(input: { labelableId: $labelableId, labelIds: $labelIds }) {
      labelable {
        labels(first: 10) {
          nodes {
            name
          }
        }
      }
    }
  }
`;

const LABEL_IDS = /* GraphQL */ `
  query {
    repository(owner: "acme", name: "website") {
      labels(first: 10) {
        nodes {
          id
          name
        }
      }
    }
  }
`;

interface GraphQLFailure {
  readonly errors?: readonly { readonly type?: string; readonly message: string }[];
}

describe("GraphQL mutations on issues", () => {
  const secret = "s3cret";
  const repo = { owner: "acme", repo: "website" };
  let emulator: Emulator;
  let app: Octokit;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeEach(async () => {
    receiver = await startReceiver({ secret });
    ({ emulator } = await startAgency({ webhook: { url: receiver.url, secret }, validateResponses: false }));
    app = await installationClient(emulator);
  });
  afterEach(async () => {
    await emulator.close();
    await receiver.close();
  });

  const openIssue = async () => {
    const { data } = await userClient(emulator, "pat").rest.issues.create({ ...repo, title: "Help" });
    await emulator.waitForIdle();
    receiver.received.length = 0;
    return data;
  };

  const labelId = async (name: string): Promise<string> => {
    const { repository } = await app.graphql<{
      repository: { labels: { nodes: { id: string; name: string }[] } };
    }>(LABEL_IDS);
    return repository.labels.nodes.find((l) => l.name === name)?.id ?? "";
  };

  it("addComment writes the comment as the caller, with its webhook, and answers its edge", async () => {
    const issue = await openIssue();
    const answer = await app.graphql<{
      addComment: {
        clientMutationId: string;
        commentEdge: { node: { body: string; author: { login: string } } };
        subject: { id: string };
      };
    }>(ADD_COMMENT, { subjectId: issue.node_id, body: "On it." });
    expect(answer.addComment).toEqual({
      clientMutationId: "c1",
      commentEdge: { node: { body: "On it.", author: { login: "firstline" } } },
      subject: { id: issue.node_id },
    });
    const { data: comments } = await app.rest.issues.listComments({ ...repo, issue_number: issue.number });
    expect(comments.map((c) => [c.user?.login, c.body])).toEqual([["firstline[bot]", "On it."]]);
    await emulator.waitForIdle();
    expect(receiver.received.map((r) => `${r.event}.${String(r.payload["action"])}`)).toEqual([
      "issue_comment.created",
    ]);
  });

  it("addComment refuses a node the caller cannot see, and an empty body", async () => {
    const issue = await openIssue();
    await expect(app.graphql(ADD_COMMENT, { subjectId: "I_nope", body: "x" })).rejects.toMatchObject({
      errors: [expect.objectContaining({ type: "NOT_FOUND" })],
    });
    await expect(app.graphql(ADD_COMMENT, { subjectId: issue.node_id, body: " " })).rejects.toMatchObject({
      errors: [expect.objectContaining({ type: "UNPROCESSABLE" })],
    });
    expect(receiver.received).toEqual([]);
  });

  it("addLabelsToLabelable adds existing labels by id, for those who may triage only", async () => {
    const issue = await openIssue();
    const bug = await labelId("bug");
    const refused = (await userClient(emulator, "pat")
      .graphql(ADD_LABELS, { labelableId: issue.node_id, labelIds: [bug] })
      .catch((error: unknown) => error)) as GraphQLFailure;
    expect(refused.errors?.map((e) => e.type)).toEqual(["FORBIDDEN"]);
    const answer = await app.graphql<{
      addLabelsToLabelable: { labelable: { labels: { nodes: { name: string }[] } } };
    }>(ADD_LABELS, { labelableId: issue.node_id, labelIds: [bug] });
    expect(answer.addLabelsToLabelable.labelable.labels.nodes).toEqual([{ name: "bug" }]);
    await emulator.waitForIdle();
    expect(receiver.received.map((r) => `${r.event}.${String(r.payload["action"])}`)).toEqual([
      "issues.labeled",
    ]);
    const unknown = (await app
      .graphql(ADD_LABELS, { labelableId: issue.node_id, labelIds: ["LA_nope"] })
      .catch((error: unknown) => error)) as GraphQLFailure;
    expect(unknown.errors?.map((e) => e.type)).toEqual(["NOT_FOUND"]);
  });
});
