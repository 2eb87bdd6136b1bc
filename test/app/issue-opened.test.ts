import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testProbot, webhookExample } from "../helpers/probot.js";
import { labelCatalogue } from "../../src/github/label-catalogue.js";
import { firstlineConfigSchema } from "../../src/core/config/firstline-config.js";

const API = "https://api.github.com";
const CONFIG = `
staff: { logins: [alice] }
clients:
  - id: codertocat
    name: Codertocat Ltd
    plan: standard
    repos: [Codertocat/Hello-World]
    accountManager: carol
`;
const base64 = (text: string) => Buffer.from(text).toString("base64");

/**
 * The configuration read and the creation of the labels the first ticket needs (only those, not
 * the catalogue), in one GraphQL request of one `createLabel` per label.
 */
function mockConfigAndLabels(scope: nock.Scope) {
  const catalogue = labelCatalogue(
    firstlineConfigSchema.parse({
      clients: [{ id: "codertocat", name: "Codertocat Ltd", repos: ["Codertocat/Hello-World"] }],
    }),
  );
  return scope
    .post("/app/installations/2/access_tokens")
    .reply(201, { token: "test", permissions: { issues: "write" } })
    .get("/repos/Codertocat/Hello-World/contents/.github%2Ffirstline.yml")
    .reply(200, { type: "file", encoding: "base64", content: base64(CONFIG) }, { etag: '"v1"' })
    .post(
      "/graphql",
      (body: { query: string; variables: Record<string, { name: string; repositoryId: string }> }) =>
        body.query.includes("createLabel(") &&
        Object.values(body.variables).every(
          (v) =>
            v.repositoryId === "MDEwOlJlcG9zaXRvcnkxODY4NTMwMDI=" && catalogue.some((l) => l.name === v.name),
        ),
    )
    .reply(200, (_uri, body) => ({
      data: Object.fromEntries(
        Object.entries((body as { variables: Record<string, { name: string }> }).variables).map(([k, v]) => [
          k,
          { label: { name: v.name } },
        ]),
      ),
    }));
}

describe("a new issue becomes a ticket", () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("labels client, priority and type, and posts one card with due times in local time", async () => {
    const { probot } = testProbot({ now: "2019-05-15T15:20:30Z" });
    const payload = webhookExample("issues", "opened");
    const sent: { labels?: string[]; body?: string } = {};
    const scope = mockConfigAndLabels(nock(API))
      .post(
        "/repos/Codertocat/Hello-World/issues/1/labels",
        (body: { labels: string[] }) => ((sent.labels = body.labels), true),
      )
      .reply(200, [])
      .post(
        "/repos/Codertocat/Hello-World/issues/1/comments",
        (body: { body: string }) => ((sent.body = body.body), true),
      )
      .reply(201, { id: 99 });
    await probot.receive({ id: "d-1", name: "issues", payload } as never);
    expect(scope.pendingMocks()).toEqual([]);
    // "Spelling error" reads as a bug report with no steps, page or expected behaviour: ask, and pause.
    expect(sent.labels).toEqual([
      "client: codertocat",
      "priority: P3",
      "type: bug",
      "needs: info",
      "status: waiting on client",
    ]);
    expect(sent.body).toContain("| Client | Codertocat Ltd (`codertocat`) |");
    expect(sent.body).toContain("| First response | 8 working hours | on hold | ⏸️ paused |");
    expect(sent.body).toContain(
      "@Codertocat, please reply with:\n- steps to reproduce\n- the page or URL affected\n- expected and actual behaviour",
    );
    expect(sent.body).toContain("<!-- firstline:card -->");
  });

  it("the same delivery twice posts once", async () => {
    const { probot } = testProbot({ now: "2019-05-15T15:20:30Z" });
    const payload = webhookExample("issues", "opened");
    const scope = mockConfigAndLabels(nock(API))
      .post("/repos/Codertocat/Hello-World/issues/1/labels")
      .once()
      .reply(200, [])
      .post("/repos/Codertocat/Hello-World/issues/1/comments")
      .once()
      .reply(201, { id: 99 });
    await probot.receive({ id: "d-2", name: "issues", payload } as never);
    await probot.receive({ id: "d-2", name: "issues", payload } as never);
    expect(scope.pendingMocks()).toEqual([]);
  });

  it("a repository that belongs to no client is left alone", async () => {
    const { probot } = testProbot({ now: "2019-05-15T15:20:30Z" });
    const payload = webhookExample<{ repository: { full_name: string } }>("issues", "opened");
    payload.repository.full_name = "Codertocat/Other";
    const scope = nock(API)
      // The support repository is looked up in its own installation (here the same one).
      .get("/repos/Codertocat/Hello-World/installation")
      .reply(200, { id: 2 })
      .post("/app/installations/2/access_tokens")
      .reply(201, { token: "test" })
      .get("/repos/Codertocat/Hello-World/contents/.github%2Ffirstline.yml")
      .reply(200, { type: "file", encoding: "base64", content: base64(CONFIG) }, { etag: '"v1"' });
    // Only the support repository's configuration is read: Codertocat/Other's own file never is.
    await probot.receive({ id: "d-3", name: "issues", payload } as never);
    expect(scope.pendingMocks()).toEqual([]);
  });

  it("a broken configuration opens one issue that names the file, line and key, and touches no ticket", async () => {
    const { probot } = testProbot({ now: "2019-05-15T15:20:30Z" });
    const payload = webhookExample("issues", "opened");
    let issueBody = "";
    const scope = nock(API)
      .post("/app/installations/2/access_tokens")
      .reply(201, { token: "test" })
      .get("/repos/Codertocat/Hello-World/contents/.github%2Ffirstline.yml")
      .reply(
        200,
        {
          type: "file",
          encoding: "base64",
          content: base64("clients:\n  - id: codertocat\n    name: X\n    plan: gold\n"),
        },
        { etag: '"v2"' },
      )
      .get("/repos/Codertocat/Hello-World/issues")
      .query({ state: "open", creator: "firstline[bot]", per_page: 100, page: 1 })
      .reply(200, [])
      .post(
        "/repos/Codertocat/Hello-World/issues",
        (body: { title: string; body: string }) => (
          (issueBody = body.body),
          body.title === "Firstline cannot read its configuration"
        ),
      )
      .reply(201, { number: 2 })
      // After creating, Firstline looks once more for a twin a racing writer may have opened.
      .get("/repos/Codertocat/Hello-World/issues")
      .query({ state: "open", sort: "created", direction: "desc", per_page: 100, page: 1 })
      .reply(200, []);
    await probot.receive({ id: "d-4", name: "issues", payload } as never);
    expect(scope.pendingMocks()).toEqual([]);
    expect(issueBody).toContain(
      '| `Codertocat/Hello-World:.github/firstline.yml:4` | clients[0].plan: unknown plan "gold"; known: standard, enhanced |',
    );
  });
});
